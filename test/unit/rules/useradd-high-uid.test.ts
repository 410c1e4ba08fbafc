import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'useradd-high-uid';

describe(RULE, () => {
  before(initEngine);

  it('fires on a six-digit UID without -l, at the UID', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN useradd -u 123456 app\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 21 } });
    assert.deepStrictEqual(finding.equivalents, ['DL3046']);
    assertFires('FROM debian:bookworm\nRUN useradd --uid=1000000 app\n', RULE, 1);
  });

  it('is quiet with -l/--no-log-init, short UIDs and variables', () => {
    for (const line of ['useradd -l -u 123456 app', 'useradd --no-log-init -u 123456 app', 'useradd -u 12345 app', 'useradd app', 'useradd -u "$UID" app']) {
      assertQuiet(`FROM debian:bookworm\nRUN ${line}\n`, RULE);
    }
  });

  it('adds -l', () => {
    const { dockerfile } = assertFixRoundTrip('FROM debian:bookworm\nRUN groupadd -g 123456 app && useradd -u 123456 -g app app\n', RULE);
    assert.strictEqual(dockerfile, 'FROM debian:bookworm\nRUN groupadd -g 123456 app && useradd -l -u 123456 -g app app\n');
  });
});
