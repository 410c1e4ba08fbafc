import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'tls-verification-disabled-env';

describe(RULE, () => {
  before(initEngine);

  it('fires on ENV and ARG values that turn certificate checks off, at the pair', () => {
    const [node] = assertFires('FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', RULE, 1);
    assert.deepStrictEqual(node.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 34 } });
    assert.deepStrictEqual(node.equivalents, ['CKV2_DOCKER_6']);
    assertFires('FROM python:3.12\nENV PYTHONHTTPSVERIFY=0 PIP_TRUSTED_HOST=pypi.org\n', RULE, 2);
    assertFires('FROM alpine:3.20\nARG GIT_SSL_NO_VERIFY=true\n', RULE, 1);
    assertFires('FROM node:20\nENV NPM_CONFIG_STRICT_SSL false\n', RULE, 1);
  });

  it('is quiet for values that keep checks on', () => {
    assertQuiet('FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 GIT_SSL_NO_VERIFY= NPM_CONFIG_STRICT_SSL=true\nARG PIP_TRUSTED_HOST\n', RULE);
  });
});
