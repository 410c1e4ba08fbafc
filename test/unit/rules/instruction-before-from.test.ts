import * as assert from 'assert';
import { assertFires, assertQuiet, findingsOf, initEngine } from '../helpers';

const RULE = 'instruction-before-from';

describe(RULE, () => {
  before(initEngine);

  it('fires once on the first instruction that is not ARG before FROM, as an error', () => {
    const [finding] = assertFires('LABEL foo=bar\nRUN x\nFROM debian:12\n', RULE, 1);
    assert.strictEqual(finding.severity, 'error');
    assert.deepStrictEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    assert.deepStrictEqual(findingsOf('LABEL foo=bar\nFROM debian:12\n', 'parse-error'), []);
  });

  it('is quiet for ARG, comments and parser directives before FROM, and for empty files', () => {
    assertQuiet('# syntax=docker/dockerfile:1\n# a comment\nARG A=B\nFROM debian:12\nLABEL a=b\n', RULE);
    assertQuiet('', RULE);
  });
});
