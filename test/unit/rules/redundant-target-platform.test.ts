import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'redundant-target-platform';

describe(RULE, () => {
  before(initEngine);

  it('fires on --platform=$TARGETPLATFORM in any spelling, at the flag', () => {
    const [finding] = assertFires('FROM --platform=$TARGETPLATFORM alpine:3.20\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 31 } });
    assertFires('FROM --platform=${TARGETPLATFORM} alpine:3.20\n', RULE, 1);
  });

  it('is quiet for other platforms', () => {
    assertQuiet('FROM --platform=$BUILDPLATFORM alpine:3.20\nFROM --platform=$FOOBAR alpine:3.20\nFROM alpine:3.20\n', RULE);
  });

  it('drops the flag', () => {
    assert.strictEqual(assertFixRoundTrip('FROM --platform=$TARGETPLATFORM alpine:3.20 AS b\n', RULE).dockerfile, 'FROM alpine:3.20 AS b\n');
  });
});
