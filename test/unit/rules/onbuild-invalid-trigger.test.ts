import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'onbuild-invalid-trigger';

describe(RULE, () => {
  before(initEngine);

  it('fires on ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER, at the trigger keyword', () => {
    const [finding] = assertFires('FROM node:20\nONBUILD ONBUILD RUN npm ci\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 15 } });
    assertFires('FROM node:20\nONBUILD FROM debian:12\n', RULE, 1);
    assertFires('FROM node:20\nonbuild maintainer "Someone"\n', RULE, 1);
  });

  it('is quiet for allowed triggers and plain FROM/MAINTAINER', () => {
    assertQuiet('FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\nONBUILD HEALTHCHECK NONE\n', RULE);
    assertQuiet('FROM node:20\nMAINTAINER "Some Guy"\n', RULE);
  });
});
