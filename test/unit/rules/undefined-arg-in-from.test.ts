import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'undefined-arg-in-from';

describe(RULE, () => {
  before(initEngine);

  it('fires on a variable in FROM that no ARG before the first FROM declares, at the variable', () => {
    const [finding] = assertFires('FROM node:22${VARIANT} AS build\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 22 } });
    const [typo] = assertFires('ARG tag=latest\nFROM busybox:${tag}${Tag}\n', RULE, 1);
    assert.match(typo.message, /Did you mean `\$tag`/);
  });

  it('is quiet for FROM ${IMAGE} with a defaulted ARG, declared ARGs without defaults, modifiers and platform args', () => {
    assertQuiet('ARG IMAGE=node:20-alpine\nFROM ${IMAGE}\n', RULE);
    assertQuiet('ARG DEBUG\nFROM scratch${DEBUG}\n', RULE);
    assertQuiet('ARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n', RULE);
    assertQuiet('FROM --platform=$BUILDPLATFORM golang:1.22\n', RULE);
  });
});
