import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';
import { expandDefaults, isValidImageReference } from '../../../server/src/engine/dockerfile/rules/invalid-default-arg-in-from';

const RULE = 'invalid-default-arg-in-from';

describe(RULE, () => {
  before(initEngine);

  it('fires when the ARG defaults give an empty or invalid image, at the image', () => {
    const [finding] = assertFires('ARG VERSION\nFROM busybox:$VERSION\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 21 } });
    assertFires('ARG IMAGE\nFROM $IMAGE\n', RULE, 1);
    assertFires('ARG IMAGE=""\nFROM ${IMAGE}\n', RULE, 1);
  });

  it('is quiet for FROM ${IMAGE} with a defaulted ARG (known peer false positive) and for valid empty expansions', () => {
    assertQuiet('ARG IMAGE=node:20-alpine\nFROM ${IMAGE}\n', RULE);
    assertQuiet('ARG VERSION="latest"\nFROM busybox:${VERSION}\n', RULE);
    assertQuiet('ARG VARIANT\nFROM busybox:stable${VARIANT}\n', RULE);
    assertQuiet('ARG TAG\nFROM alpine:${TAG:-3.14}\n', RULE);
    assertQuiet('FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM build_${TARGETARCH} AS build\n', RULE);
  });

  it('expands defaults like BuildKit and validates references', () => {
    const values = new Map([['A', ''], ['B', 'x']]);
    assert.strictEqual(expandDefaults('${A-d}|${A:-d}|${B:+y}|${C}|$B', values), '|d|y||x');
    assert.ok(isValidImageReference('registry.example.com:5000/team/app:1.2@sha256:' + 'a'.repeat(64)));
    assert.ok(!isValidImageReference('busybox:'));
    assert.ok(!isValidImageReference('Busybox'));
  });
});
