import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'legacy-key-value-format';

describe(RULE, () => {
  before(initEngine);

  it('fires on ENV and LABEL in the "key value" form, at the key', () => {
    const [env] = assertFires('FROM scratch\nENV testkey value\n', RULE, 1);
    assert.deepStrictEqual(env.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
    assertFires('FROM scratch\nLABEL key value\n', RULE, 1);
  });

  it('fires on `ARG a b` without a preferred fix (it may mean two ARGs)', () => {
    const [arg] = assertFires('FROM alpine:3.20\nARG foo bar\n', RULE, 1);
    assert.ok(arg.fixes.every((f) => !f.isPreferred));
  });

  it('is quiet for key=value, several pairs and single ARGs', () => {
    assertQuiet('FROM scratch\nENV testkey=value a=b\nLABEL key=value\nARG foo\nARG bar=1\n', RULE);
  });

  it('writes key=value, quoting several words and keeping continuations', () => {
    assert.strictEqual(assertFixRoundTrip('FROM scratch\nENV testkey value\n', RULE).dockerfile, 'FROM scratch\nENV testkey=value\n');
    assert.strictEqual(assertFixRoundTrip('FROM scratch\nENV a "b c"\n', RULE).dockerfile, 'FROM scratch\nENV a="b c"\n');
    assert.strictEqual(assertFixRoundTrip('FROM scratch\nENV DEPS \\\n    curl \\\n    git\n', RULE).dockerfile, 'FROM scratch\nENV DEPS="curl \\\n    git"\n');
  });
});
