import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'from-platform-flag-const-disallowed';

describe(RULE, () => {
  before(initEngine);

  it('fires on a constant --platform, at the flag', () => {
    const [finding] = assertFires('FROM --platform=linux/amd64 alpine:3.20 AS base\n', RULE, 1);
    assert.deepStrictEqual(finding.range.start, { line: 0, character: 5 });
    assert.ok(finding.equivalents.includes('DL3029'));
  });

  it('is quiet for variables and for stages named for their platform', () => {
    assertQuiet('FROM --platform=${BUILDPLATFORM} alpine:3.20 AS base\nFROM --platform="$TARGETPLATFORM" alpine:3.20\n', RULE);
    assertQuiet('FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64\n', RULE);
  });
});
