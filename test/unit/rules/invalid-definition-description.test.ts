import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, lintFixture } from '../helpers';

const RULE = 'invalid-definition-description';
const on = { rules: { [RULE]: 'warning' as const } };

describe(RULE, () => {
  before(initEngine);

  it('is off by default (experimental upstream)', () => {
    assert.deepStrictEqual(lintFixture('# bar this is the foo\nARG foo=bar\nFROM scratch\n').filter((f) => f.rule === RULE), []);
  });

  it('fires on a comment right above ARG/FROM AS that does not start with the name', () => {
    const [finding] = assertFires({ dockerfile: '# bar this is the foo\nARG foo=bar\n# compiles things\nFROM scratch AS base\n', config: on }, RULE, 2);
    assert.strictEqual(finding.range.start.line, 0);
  });

  it('is quiet for descriptions that start with the name, separated comments and several ARGs', () => {
    assertQuiet({ dockerfile: '# foo this is the foo\nARG foo=bar\n# base is a stage\nFROM scratch AS base\n# note\n\nARG x\n# several\nARG a=1 b=2\n#\nARG bit=bat\n', config: on }, RULE);
  });

  it('runs when the file turns it on with # check=experimental=', () => {
    assertFires('# check=experimental=InvalidDefinitionDescription\n# bar this is the foo\nARG foo=bar\nFROM scratch\n', RULE, 1);
  });
});
