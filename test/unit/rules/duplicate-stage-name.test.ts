import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'duplicate-stage-name';

describe(RULE, () => {
  before(initEngine);

  it('fires on the second stage with a name already used (case-insensitive), as an error', () => {
    const [finding] = assertFires('FROM debian:12 AS builder\nRUN true\nFROM golang:1.22 AS Builder\n', RULE, 1);
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(finding.range.start.line, 2);
    assert.ok(finding.equivalents.includes('DL3024') && finding.equivalents.includes('DuplicateStageName'));
  });

  it('is quiet for unique names', () => {
    assertQuiet('FROM debian:12 AS deb-builder\nFROM golang:1.22 AS go-builder\n', RULE);
  });
});
