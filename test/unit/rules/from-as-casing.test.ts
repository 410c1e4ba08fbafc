import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'from-as-casing';

describe(RULE, () => {
  before(initEngine);

  it('fires when AS does not match the case of FROM, at the keyword', () => {
    const [finding] = assertFires('FROM debian:12 as builder\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 17 } });
    assertFires('from debian:12 AS builder\n', RULE, 1);
  });

  it('is quiet for matching case and for a mixed-case FROM (that is another rule)', () => {
    assertQuiet('FROM debian:12 AS builder\nfrom debian:12 as other\nFrom debian:12 as third\n', RULE);
  });

  it('rewrites AS in the case of FROM', () => {
    assert.strictEqual(assertFixRoundTrip('FROM debian:12 as builder\n', RULE).dockerfile, 'FROM debian:12 AS builder\n');
    assert.strictEqual(assertFixRoundTrip('from debian:12 As builder\n', RULE).dockerfile, 'from debian:12 as builder\n');
  });
});
