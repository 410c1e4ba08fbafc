import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'maintainer-deprecated';

describe(RULE, () => {
  before(initEngine);

  it('fires on MAINTAINER, at the keyword', () => {
    const [finding] = assertFires('FROM debian:12\nMAINTAINER Lukas <l@example.org>\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
    assert.ok(finding.equivalents.includes('DL4000'));
  });

  it('is quiet without MAINTAINER', () => {
    assertQuiet('FROM debian:12\nLABEL org.opencontainers.image.authors="me@example.org"\n', RULE);
  });

  it('replaces it with the OCI authors label, quoting the value', () => {
    const { dockerfile } = assertFixRoundTrip('FROM debian:12\nMAINTAINER Jane "JD" Doe <jane@example.org>\n', RULE);
    assert.strictEqual(dockerfile, 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.org>"\n');
  });

  it('offers no LABEL before the first FROM, where LABEL is not allowed', () => {
    const [finding] = assertFires('MAINTAINER Lukas\nFROM debian:12\n', RULE, 1);
    assert.deepStrictEqual(finding.fixes, []);
  });
});
