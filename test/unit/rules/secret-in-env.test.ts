import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine, lintFixture } from '../helpers';
import { isSecretName, credentialKind } from '../../../server/src/engine/util/secrets';

const RULE = 'secret-in-env';

describe(RULE, () => {
  before(initEngine);

  it('recognises secret names and credential values', () => {
    for (const name of ['JWT_SECRET', 'DB_PASSWORD', 'API_KEY', 'githubToken', 'SECRET_KEY_BASE', 'AWS_SECRET_ACCESS_KEY', 'auth', 'SUPER_Secret', 'client_secret']) assert.ok(isSecretName(name), name);
    for (const name of ['GPG_KEY', 'GPG_KEYS', 'PASSWORD_FILE', 'PUBLIC_KEY', 'public_token', 'AUTH_MODULE_VERSION', 'TOKEN_URL', 'AWS_ACCESS_KEY_ID', 'NODE_ENV', 'KEYSERVER', 'PATH']) assert.ok(!isSecretName(name), name);
    assert.strictEqual(credentialKind('ghp_' + 'a'.repeat(36)), 'a GitHub token');
    assert.strictEqual(credentialKind('hello'), undefined);
  });

  it('fires on ENV with a literal secret (error) and on ARG (warning), at the name, never echoing the value', () => {
    const [env] = assertFires('FROM node:20\nENV JWT_SECRET=s3cr3t-value\n', RULE, 1);
    assert.strictEqual(env.severity, 'error');
    assert.deepStrictEqual(env.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } });
    assert.doesNotMatch(env.message, /s3cr3t-value/);
    const [arg] = assertFires('FROM node:20\nARG NPM_TOKEN\n', RULE, 1);
    assert.strictEqual(arg.severity, 'warning');
    assertFires('FROM node:20\nENV CONFIG=ghp_' + 'a'.repeat(36) + '\n', RULE, 1);
  });

  it('removes the ENV and declares the name in .env.example (no value)', () => {
    const { dockerfile, files } = assertFixRoundTrip({ dockerfile: 'FROM node:20\nENV NODE_ENV=production JWT_SECRET=abc\nCMD ["node", "a.js"]\n', files: { 'package.json': '{}' } }, RULE);
    assert.strictEqual(dockerfile, 'FROM node:20\nENV NODE_ENV=production\nCMD ["node", "a.js"]\n');
    assert.strictEqual(files['.env.example'], 'JWT_SECRET=\n');
  });

  it('passes it through the Compose service that builds this Dockerfile', () => {
    const compose = 'services:\n  api:\n    build: .\n    environment:\n      - NODE_ENV=production\n';
    const { dockerfile, files } = assertFixRoundTrip({ dockerfile: 'FROM node:20\nENV JWT_SECRET=abc\n', files: { 'compose.yaml': compose } }, RULE);
    assert.strictEqual(dockerfile, 'FROM node:20\n');
    assert.strictEqual(files['compose.yaml'], compose + '      - JWT_SECRET\n');
    const already = assertFixRoundTrip({ dockerfile: 'FROM node:20\nENV JWT_SECRET=abc\n', files: { 'compose.yaml': compose.replace('NODE_ENV=production', 'JWT_SECRET=dev') } }, RULE);
    assert.deepStrictEqual(Object.keys(already.files), ['Dockerfile']);
    const mapForm = assertFixRoundTrip({ dockerfile: 'FROM node:20\nENV JWT_SECRET=abc\n', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n    image: api:1\n' } }, RULE);
    assert.strictEqual(mapForm.files['compose.yaml'], 'services:\n  api:\n    build:\n      context: .\n    image: api:1\n    environment:\n      - JWT_SECRET\n');
  });

  it('turns an ARG read by RUN into a build secret mount', () => {
    const { dockerfile } = assertFixRoundTrip('FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n', RULE);
    assert.strictEqual(dockerfile, 'FROM node:20\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n');
    assert.strictEqual(assertFixRoundTrip('FROM node:20\nARG API_KEY=abc\nRUN true\n', RULE).dockerfile, 'FROM node:20\nRUN true\n');
  });

  it('offers no ARG removal when an ENV copies it', () => {
    const findings = lintFixture('FROM node:20\nARG API_KEY\nENV API_KEY=$API_KEY\n').filter((f) => f.rule === RULE);
    assert.strictEqual(findings.length, 2);
    assert.deepStrictEqual(findings[0].fixes, []);
  });

  it('is quiet for ordinary names, public keys and file paths to secrets', () => {
    assertQuiet('FROM python:3.12\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\nENV PYTHON_VERSION=3.12.1\n', RULE);
    assertQuiet('FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n', RULE);
  });
});

describe(`${RULE}: empty defaults`, () => {
  before(initEngine);
  it('is quiet for an ENV that declares an empty default, and still fires for an ARG without one', () => {
    assertQuiet('FROM alpine:3\nENV SMTP_PASSWORD= SMTP_USER=\n', RULE);
    assertFires('FROM alpine:3\nARG SMTP_PASSWORD\n', RULE, 1);
  });
});

describe(`${RULE}: URLs`, () => {
  before(initEngine);
  it('fires on a connection URL with an embedded password, whatever the name', () => {
    assertFires('FROM node:20\nENV DATABASE_URL=postgres://app:hunter2@db:5432/app\n', RULE, 1);
    assertQuiet('FROM node:20\nENV DATABASE_URL=postgres://db:5432/app\n', RULE);
  });
});

describe(`${RULE}: access key ids`, () => {
  before(initEngine);

  it('fires on an ARG or ENV named like an access key id (hadolint DL3064), quiet for other *_ID names', () => {
    const [arg] = assertFires('ARG AWS_ACCESS_KEY_ID\nFROM debian:bookworm\nRUN true\n', RULE, 1);
    assert.ok(arg.equivalents.includes('DL3064'));
    assertFires('FROM debian:bookworm\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\n', RULE, 1);
    assertQuiet('FROM debian:bookworm\nARG CLIENT_ID\nARG AWS_REGION\n', RULE);
  });

  it('reports a one- or two-character placeholder value as a warning, not an error', () => {
    const [finding] = assertFires('FROM mcr.microsoft.com/mssql/server:2022-latest\nENV sa_password="_"\n', RULE, 1);
    assert.strictEqual(finding.severity, 'warning');
  });
});
