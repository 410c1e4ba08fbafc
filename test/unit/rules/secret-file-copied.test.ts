import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'secret-file-copied';

describe(RULE, () => {
  before(initEngine);

  it('fires on secret files copied into the final image, at the source', () => {
    const [finding] = assertFires('FROM node:20\nCOPY .env package.json /app/\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
    assertFires('FROM node:20\nCOPY id_rsa /root/.ssh/id_rsa\n', RULE, 1);
    assertFires('FROM nginx:1.27\nCOPY certs/server.key certs/server.pem /etc/nginx/\n', RULE, 2);
    assertFires('FROM node:20\nADD .env.production /app/.env\n', RULE, 1);
  });

  it('judges .npmrc by its content when the build context has it', () => {
    assertFires({ dockerfile: 'FROM node:20\nCOPY .npmrc /app/\n', files: { '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' } }, RULE, 1);
    assertQuiet({ dockerfile: 'FROM node:20\nCOPY .npmrc /app/\n', files: { '.npmrc': 'registry=https://registry.npmjs.org/\n' } }, RULE);
  });

  it('tells private keys from public certificates in .pem files, by content or else by name', () => {
    assertFires({ dockerfile: 'FROM nginx:1.27\nCOPY tls.pem /etc/nginx/\n', files: { 'tls.pem': '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n' } }, RULE, 1);
    assertQuiet({ dockerfile: 'FROM nginx:1.27\nCOPY tls.pem /etc/nginx/\n', files: { 'tls.pem': '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n' } }, RULE);
    assertQuiet('FROM debian:12\nCOPY corp-ca.pem fullchain.pem /usr/local/share/ca-certificates/\n', RULE);
  });

  it('is quiet for templates, public keys, builder stages and ordinary files', () => {
    assertQuiet('FROM node:20\nCOPY .env.example id_rsa.pub keys.js /app/\n', RULE);
    assertQuiet('FROM node:20 AS build\nCOPY .npmrc .\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app/dist /app\n', RULE);
  });
});
