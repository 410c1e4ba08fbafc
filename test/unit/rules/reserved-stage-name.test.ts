import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'reserved-stage-name';

describe(RULE, () => {
  before(initEngine);

  it('fires on stages named scratch or context, at the name', () => {
    const [finding] = assertFires('FROM alpine:3.20 AS scratch\n', RULE, 1);
    assert.deepStrictEqual(finding.range.start, { line: 0, character: 20 });
    assertFires('FROM alpine:3.20 AS Context\n', RULE, 1);
  });

  it('is quiet for other names and for FROM scratch itself', () => {
    assertQuiet('FROM alpine:3.20 AS builder\nFROM scratch\n', RULE);
  });
});
