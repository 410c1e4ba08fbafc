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
    const [empty] = assertFires('ARG IMAGE=""\nFROM ${IMAGE}\n', RULE, 1);
    assert.strictEqual(empty.severity, 'warning');
    // No default at all is how a file asks for --build-arg: a note, not a warning.
    assert.strictEqual(assertFires('ARG IMAGE\nFROM $IMAGE\n', RULE, 1)[0].severity, 'information');
  });

  it('expands defaults that use the ARGs above them, and quoted modifier words', () => {
    assertQuiet('ARG REGISTRY=docker.io\nARG OWNER=jupyter\nARG BASE=$REGISTRY/$OWNER/base-notebook:2024\nFROM $BASE\n', RULE);
    assertQuiet('ARG BUILD\nFROM alpine:3.20 AS exit-supported\nFROM exit-${BUILD:-"supported"}\n', RULE);
    assertQuiet('ARG V=1.2\nARG CLI=${V}\nFROM docker/cli:$CLI\n', RULE);
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
