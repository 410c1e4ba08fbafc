import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'wget-without-progress';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => assertQuiet('FROM debian:bookworm\nRUN wget https://x/y.tgz\n', RULE));

  it('fires on wget without --progress or a quiet/log option', () => {
    const [finding] = assertFires(on('FROM debian:bookworm\nRUN wget https://x/y.tgz\n'), RULE, 1);
    assert.deepStrictEqual(finding.equivalents, ['DL3047']);
    for (const flags of ['--progress=dot:giga', '-q', '--quiet', '-nv', '--no-verbose', '-o /tmp/log', '--output-file=/tmp/log', '-a /tmp/log', '-qO-']) {
      assertQuiet(on(`FROM debian:bookworm\nRUN wget ${flags} https://x/y.tgz\n`), RULE);
    }
  });

  it('adds --progress=dot:giga', () => {
    const { dockerfile } = assertFixRoundTrip(on('FROM debian:bookworm\nRUN wget -O /tmp/y.tgz https://x/y.tgz\n'), RULE);
    assert.strictEqual(dockerfile, 'FROM debian:bookworm\nRUN wget --progress=dot:giga -O /tmp/y.tgz https://x/y.tgz\n');
  });
});
