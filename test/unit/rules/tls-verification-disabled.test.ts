import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'tls-verification-disabled';

describe(RULE, () => {
  before(initEngine);

  it('fires at the flag or setting, with the matching Checkov id', () => {
    const [curl] = assertFires('FROM debian:bookworm\nRUN curl -fsSLk https://x/y -o /y\n', RULE, 1);
    assert.deepStrictEqual(curl.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 15 } });
    assert.deepStrictEqual(curl.equivalents, ['CKV2_DOCKER_2']);
    assert.deepStrictEqual(assertFires('FROM debian:bookworm\nRUN wget --no-check-certificate https://x\n', RULE, 1)[0].equivalents, ['CKV2_DOCKER_3']);
    assert.deepStrictEqual(assertFires('FROM python:3.12\nRUN pip install --trusted-host pypi.org -r r.txt\n', RULE, 1)[0].equivalents, ['CKV2_DOCKER_4']);
    assert.deepStrictEqual(assertFires('FROM node:20\nRUN npm config set strict-ssl false\n', RULE, 1)[0].equivalents, ['CKV2_DOCKER_13']);
    assertFires('FROM node:20\nRUN yarn config set strict-ssl false && npm install --strict-ssl=false\n', RULE, 2);
    assertFires('FROM debian:bookworm\nRUN git config --global http.sslVerify false && git -c http.sslVerify=false clone x\n', RULE, 2);
    assertFires('FROM debian:bookworm\nRUN GIT_SSL_NO_VERIFY=1 git clone https://x/y\n', RULE, 1);
    assertFires('FROM node:20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n', RULE, 1);
    assertFires('FROM debian:bookworm\nRUN GIT_SSL_NO_VERIFY=true; git clone https://x/y\n', RULE, 1);
  });

  it('is quiet for secure uses, other flags and quoted or commented text', () => {
    assertQuiet('FROM debian:bookworm\nRUN curl -fsSL --cacert /ca.pem https://x && wget -q https://y\n', RULE);
    assertQuiet('FROM node:20\nRUN npm config set strict-ssl true && git config http.sslVerify true\n', RULE);
    assertQuiet('FROM node:20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=1 GIT_SSL_NO_VERIFY=0\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "curl -k" # wget --no-check-certificate\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN cat <<EOF > /x.sh\ncurl -k https://x\nEOF\n', RULE);
  });
});
