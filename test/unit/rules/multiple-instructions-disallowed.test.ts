import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'multiple-instructions-disallowed';

describe(RULE, () => {
  before(initEngine);

  it('fires on every overridden CMD, ENTRYPOINT and HEALTHCHECK of a stage, with the matching hadolint code', () => {
    const findings = assertFires('FROM scratch\nENTRYPOINT ["/a"]\nENTRYPOINT ["/b"]\nCMD ["/a"]\nCMD ["/b"]\nHEALTHCHECK CMD ["/a"]\nHEALTHCHECK CMD ["/b"]\n', RULE, 3);
    assert.deepStrictEqual(findings.map((f) => f.range.start.line), [1, 3, 5]);
    assert.deepStrictEqual(findings.map((f) => f.equivalents[1]), ['DL4004', 'DL4003', 'DL3012']);
  });

  it('is quiet for one of each per stage, across stages', () => {
    assertQuiet('FROM scratch AS a\nENTRYPOINT ["/a"]\nCMD ["/a"]\nHEALTHCHECK CMD ["/a"]\nFROM a AS b\nENTRYPOINT ["/b"]\nCMD ["/b"]\n', RULE);
  });

  it('removes the overridden instruction', () => {
    const { dockerfile } = assertFixRoundTrip('FROM debian:12\nCMD bash\nRUN foo\nCMD ["another"]\n', RULE);
    assert.strictEqual(dockerfile, 'FROM debian:12\nRUN foo\nCMD ["another"]\n');
  });
});
