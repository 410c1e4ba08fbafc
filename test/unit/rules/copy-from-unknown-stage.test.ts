import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-from-unknown-stage';

describe(RULE, () => {
  before(initEngine);

  it('fires on a name no earlier stage has, and on a stage defined later', () => {
    const [unknown] = assertFires('FROM node:20\nCOPY --from=foo bar .\n', RULE, 1);
    assert.strictEqual(unknown.severity, 'information');
    assert.match(unknown.message, /named build context/);
    const [later] = assertFires('FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build\nRUN baz\n', RULE, 1);
    assert.match(later.message, /defined after this one/);
    assert.strictEqual(later.severity, 'warning');
  });

  it('fires on an index that is not an earlier stage', () => {
    assertFires('FROM node:20\nCOPY --from=0 bar .\n', RULE, 1);
    assertFires('FROM node:20 AS a\nFROM node:20 AS b\nCOPY --from=3 bar .\n', RULE, 1);
  });

  it('is quiet for earlier stages (any case), images with a tag, registry or digest, and variables', () => {
    assertQuiet('FROM node:20 AS Build\nRUN foo\nFROM nginx:1.27\nCOPY --from=build foo .\nCOPY --from=0 foo .\n', RULE);
    assertQuiet('FROM node:20\nCOPY --from=haskell:latest bar .\nCOPY --from=docker/compose-bin /x /y\nCOPY --from=$BUILDER /a /b\n', RULE);
  });

  it('corrects a misspelt stage name', () => {
    const { dockerfile } = assertFixRoundTrip('FROM node:20 AS builder\nRUN make\nFROM nginx:1.27\nCOPY --from=biulder /dist /usr/share/nginx/html\n', RULE);
    assert.strictEqual(dockerfile, 'FROM node:20 AS builder\nRUN make\nFROM nginx:1.27\nCOPY --from=builder /dist /usr/share/nginx/html\n');
  });
});
