import * as assert from 'assert';
import { initEngine } from '../../../server/src/engine/engine';
import { composeFindings as find, composeFix, where } from './helpers';

describe('compose rules across files', () => {
  before(initEngine);

  describe('compose-undefined-reference', () => {
    const RULE = 'compose-undefined-reference';
    it('fires on undefined services, networks, volumes, secrets with did-you-mean', () => {
      const text = [
        'services:',
        '  api:',
        '    image: api:1',
        '    depends_on: [databse]',
        '    networks: [backend, front]',
        '    volumes:',
        '      - data:/data',
        '      - ./src:/src',
        '      - cache:/cache',
        '    secrets: [jwt]',
        '  database:',
        '    image: postgres:16',
        'networks:',
        '  backend: {}',
        'volumes:',
        '  data: {}',
        'secrets:',
        '  db_password:',
        '    file: ./db.txt',
        '',
      ].join('\n');
      const found = find(text, RULE);
      assert.deepStrictEqual(found.map((f) => f.message), [
        'No service named `databse` is defined in this project. Did you mean `database`?',
        'No network named `front` is defined in this project. Define it under top-level `networks:` or fix the name.',
        'No volume named `cache` is defined in this project. Define it under top-level `volumes:` or fix the name.',
        'No secret named `jwt` is defined in this project. Define it under top-level `secrets:` or fix the name.',
      ]);
      assert.strictEqual(where(found[0]), '3:17');
      assert.match(composeFix(text, RULE)['compose.yaml'], /depends_on: \[database\]/);
    });

    it('stays quiet for a namespace nothing visible defines (a fragment of a larger project) and for overlays without a base', () => {
      assert.deepStrictEqual(find('services:\n  api:\n    image: a:1\n    secrets: [jwt]\n', RULE), []);
      assert.deepStrictEqual(find({ compose: 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n', name: 'compose.prod.yaml' }, RULE), []);
      assert.strictEqual(find({ compose: 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n', name: 'compose.prod.yaml', files: { 'compose.yaml': 'services:\n  web:\n    image: w:1\n' } }, RULE).length, 1);
    });

    it('counts names defined in included files and sibling override files, and the default network', () => {
      const text = 'include:\n  - ./db/compose.yaml\nservices:\n  api:\n    image: api:1\n    depends_on: [db, worker]\n    networks: [default]\n';
      const files = {
        'db/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
        'compose.override.yaml': 'services:\n  worker:\n    image: w:1\n',
      };
      assert.deepStrictEqual(find({ compose: text, files }, RULE), []);
    });

    it('checks extends targets in this file and in other files', () => {
      const text = 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: bse\n';
      const [finding] = find({ compose: text, files: { 'common.yaml': 'services:\n  base:\n    image: x:1\n' } }, RULE);
      assert.match(finding.message, /`extends` names service `bse`, which `common.yaml` does not define\. Did you mean `base`\?/);
    });
  });

  describe('compose-missing-file', () => {
    const RULE = 'compose-missing-file';
    it('fires on missing env files, build contexts, Dockerfiles, bind sources and secret files', () => {
      const text = [
        'services:',
        '  api:',
        '    build:',
        '      context: ./api',
        '      dockerfile: Dockerfile.prod',
        '    env_file: .env.api',
        '    volumes:',
        '      - ./conf/app.conf:/etc/app.conf:ro',
        '      - ./data:/data',
        'secrets:',
        '  jwt:',
        '    file: ./secrets/jwt.txt',
        '',
      ].join('\n');
      const files = { 'api/Dockerfile': 'FROM node:20\n', 'data/.keep': '' };
      assert.deepStrictEqual(find({ compose: text, files }, RULE).map((f) => f.message.split(' does not')[0]), [
        'Dockerfile `api/Dockerfile.prod`',
        'env_file `.env.api`',
        'Bind-mount source `./conf/app.conf`',
        'Secret file `./secrets/jwt.txt`',
      ]);
      const created = composeFix({ compose: text, files }, RULE);
      assert.deepStrictEqual(Object.keys(created), ['.env.api']);
    });

    it('never offers to create a file outside the project folder', () => {
      const [finding] = find('services:\n  a:\n    image: x:1\n    env_file: ../../etc/x\n', RULE);
      assert.deepStrictEqual(finding.fixes, []);
    });
  });

  describe('compose-build-target-missing', () => {
    const RULE = 'compose-build-target-missing';
    it('fires when the target is not a stage and offers each stage, the closest preferred', () => {
      const text = 'services:\n  api:\n    build:\n      context: .\n      target: prod\n';
      const files = { Dockerfile: 'FROM node:20 AS build\nFROM node:20-slim AS production\n' };
      const [finding] = find({ compose: text, files }, RULE);
      assert.match(finding.message, /only the stages `build`, `production`/);
      assert.strictEqual(finding.fixes.find((f) => f.isPreferred)?.title, 'Build stage `production`');
      assert.match(composeFix({ compose: text, files }, RULE)['compose.yaml'], /target: production/);
      assert.deepStrictEqual(find({ compose: text.replace('prod\n', 'production\n'), files }, RULE), []);
    });
  });

  describe('compose-build-arg-undeclared', () => {
    const RULE = 'compose-build-arg-undeclared';
    it('fires on args the Dockerfile never declares, in list and map form', () => {
      const files = { Dockerfile: 'ARG BASE=node:20\nFROM ${BASE}\nARG VERSION\n' };
      assert.deepStrictEqual(find({ compose: 'services:\n  a:\n    build:\n      context: .\n      args:\n        BASE: node:22\n        VERSION: "1"\n        VERSON: "1"\n        HTTP_PROXY: x\n', files }, RULE).map(where), ['7:8']);
      assert.deepStrictEqual(find({ compose: 'services:\n  a:\n    build:\n      context: .\n      args: ["VERSION=1", "NOPE=2"]\n', files }, RULE).map(where), ['4:26']);
    });
  });

  describe('compose-port-not-exposed', () => {
    const RULE = 'compose-port-not-exposed';
    it('fires when a published port is not EXPOSEd and adds EXPOSE before CMD', () => {
      const text = 'services:\n  api:\n    build: .\n    ports:\n      - "8080:3000"\n      - "9229:9229"\n';
      const files = { Dockerfile: 'FROM node:20\nEXPOSE 9229\nCMD ["node", "a.js"]\n' };
      assert.deepStrictEqual(find({ compose: text, files }, RULE).map(where), ['4:8']);
      const fixed = composeFix({ compose: text, files }, RULE);
      assert.strictEqual(fixed.Dockerfile, 'FROM node:20\nEXPOSE 9229\nEXPOSE 3000\nCMD ["node", "a.js"]\n');
    });
  });
});

describe('compose-secret-in-environment', () => {
  const RULE = 'compose-secret-in-environment';
  before(initEngine);

  it('fires on literal secrets in list and map form, at the value, never echoing it', () => {
    const text = 'services:\n  api:\n    image: a:1\n    environment:\n      - NODE_ENV=production\n      - JWT_SECRET=dev-secret\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n      POSTGRES_USER: app\n';
    const found = find(text, RULE);
    assert.deepStrictEqual(found.map(where), ['5:8', '9:25']);
    assert.ok(found.every((f) => !f.message.includes('dev-secret')));
  });

  it('moves the value to .env, declares it in .env.example, and warns when .env is not git-ignored', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n';
    const [finding] = find(text, RULE);
    assert.match(finding.fixes[0].title, /not git-ignored/);
    const files = composeFix(text, RULE);
    assert.strictEqual(files['compose.yaml'], text.replace('POSTGRES_PASSWORD: postgres', 'POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}"'));
    assert.strictEqual(files['.env'], 'POSTGRES_PASSWORD=postgres\n');
    assert.strictEqual(files['.env.example'], 'POSTGRES_PASSWORD=\n');
    const [ignored] = find({ compose: text, files: { '.gitignore': '.env\n' } }, RULE);
    assert.doesNotMatch(ignored.fixes[0].title, /not git-ignored/);
  });

  it('is quiet for interpolated, empty and ordinary values', () => {
    assert.deepStrictEqual(find('services:\n  a:\n    image: a:1\n    environment:\n      - JWT_SECRET=${JWT_SECRET}\n      - DB_PASSWORD\n      - DB_PASSWORD_FILE=/run/secrets/db\n      - NODE_ENV=production\n', RULE), []);
  });
});
