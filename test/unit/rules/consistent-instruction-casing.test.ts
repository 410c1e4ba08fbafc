import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'consistent-instruction-casing';

describe(RULE, () => {
  before(initEngine);

  it('fires on keywords that do not follow the majority casing, at the keyword', () => {
    const [finding] = assertFires('FROM alpine:3.20\ncopy a /a\nCOPY b /b\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.match(finding.message, /uppercase/);
    assertFires('from alpine:3.20\nCOPY a /a\ncopy b /b\n', RULE, 1);
    assertFires('From alpine:3.20\nRun echo hi\nEntRYpOiNT ["cat"]\n', RULE, 3);
  });

  it('is quiet when every keyword has the same casing', () => {
    assertQuiet('FROM alpine:3.20\nRUN echo hi\n', RULE);
    assertQuiet('from alpine:3.20\nrun echo hi\n', RULE);
  });

  it('rewrites the keyword in the majority casing', () => {
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nRun echo hi\nCMD ["a"]\n', RULE).dockerfile, 'FROM alpine:3.20\nRUN echo hi\nCMD ["a"]\n');
  });
});
