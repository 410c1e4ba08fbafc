import * as assert from 'assert';
import { initEngine } from '../../../server/src/engine/engine';
import { composeFindings as find, composeFix, where } from './helpers';

describe('compose rules', () => {
  before(initEngine);

  describe('compose-version-obsolete', () => {
    const RULE = 'compose-version-obsolete';
    it('fires on a top-level version and removes it', () => {
      const text = 'version: "3.8"\n\nservices:\n  web:\n    image: nginx:1.27\n';
      assert.deepStrictEqual(find(text, RULE).map(where), ['0:0']);
      assert.strictEqual(composeFix(text, RULE)['compose.yaml'], 'services:\n  web:\n    image: nginx:1.27\n');
    });
    it('is quiet without one, and for a service key named version', () => {
      assert.deepStrictEqual(find('services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "2"\n', RULE), []);
    });
  });

  describe('compose-ports-unquoted', () => {
    const RULE = 'compose-ports-unquoted';
    it('fires on xx:yy that YAML 1.1 reads as base 60, and quotes it', () => {
      const text = 'services:\n  ssh:\n    image: x:1\n    ports:\n      - 22:22\n      - 8080:80\n      - "53:53"\n';
      assert.deepStrictEqual(find(text, RULE).map(where), ['4:8']);
      assert.strictEqual(composeFix(text, RULE)['compose.yaml'], text.replace('- 22:22', '- "22:22"'));
    });
  });

  describe('compose-port-public', () => {
    const RULE = 'compose-port-public';
    it('fires on database ports published on all interfaces, and binds them to 127.0.0.1', () => {
      const text = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n      - 127.0.0.1:6379:6379\n      - "8080:80"\n';
      assert.deepStrictEqual(find(text, RULE).map(where), ['4:8']);
      assert.strictEqual(composeFix(text, RULE)['compose.yaml'], text.replace('"5432:5432"', '"127.0.0.1:5432:5432"'));
    });
    it('binds the long syntax with host_ip', () => {
      const text = 'services:\n  db:\n    image: mysql:8\n    ports:\n      - target: 3306\n        published: 3306\n';
      assert.strictEqual(composeFix(text, RULE)['compose.yaml'],
        'services:\n  db:\n    image: mysql:8\n    ports:\n      - host_ip: 127.0.0.1\n        target: 3306\n        published: 3306\n');
    });
    it('is quiet for web ports, bound ports and unpublished ports', () => {
      assert.deepStrictEqual(find('services:\n  web:\n    image: nginx:1\n    ports: ["80:80", "[::1]:5432:5432"]\n    expose: ["5432"]\n', RULE), []);
    });
  });

  describe('compose-unpinned-image', () => {
    const RULE = 'compose-unpinned-image';
    it('fires on no tag, latest and version-less tags', () => {
      const text = 'services:\n  a:\n    image: nginx\n  b:\n    image: nginx:latest\n  c:\n    image: nginx:alpine\n  d:\n    image: nginx:1.27-alpine\n  e:\n    image: "nginx@sha256:0123"\n  f:\n    image: ${IMAGE}\n';
      assert.deepStrictEqual(find(text, RULE).map(where), ['2:11', '4:11', '6:11']);
    });
  });

  describe('compose-no-resource-limits', () => {
    const RULE = 'compose-no-resource-limits';
    it('fires per service without limits, not in dev-named files', () => {
      const text = 'services:\n  a:\n    image: x:1\n  b:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n';
      assert.deepStrictEqual(find(text, RULE).map(where), ['1:2']);
      assert.deepStrictEqual(find({ compose: text, name: 'compose.dev.yaml' }, RULE), []);
    });
  });

  describe('compose-depends-on-unhealthy', () => {
    const RULE = 'compose-depends-on-unhealthy';
    const db = '  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n';
    it('rewrites the short form into the long form, healthy where a healthcheck exists', () => {
      const text = `services:\n  api:\n    image: api:1\n    depends_on:\n      - db\n      - cache\n${db}  cache:\n    image: redis:7\n`;
      assert.deepStrictEqual(find(text, RULE).map(where), ['4:8']);
      assert.strictEqual(composeFix(text, RULE)['compose.yaml'], text.replace('      - db\n      - cache\n',
        '      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n'));
    });
    it('indents list items written at the key\'s column, and rewrites flow lists', () => {
      const block = `services:\n  api:\n    image: api:1\n    depends_on:\n    - db\n${db}`;
      assert.strictEqual(composeFix(block, RULE)['compose.yaml'], block.replace('    - db\n', '      db:\n        condition: service_healthy\n'));
      const flow = `services:\n  api:\n    image: api:1\n    depends_on: [db]\n${db}`;
      assert.strictEqual(composeFix(flow, RULE)['compose.yaml'], flow.replace(' [db]\n', '\n      db:\n        condition: service_healthy\n'));
    });
    it('changes only the condition in the long form', () => {
      const text = `services:\n  api:\n    image: api:1\n    depends_on:\n      db:\n        condition: service_started\n        restart: true\n${db}`;
      assert.strictEqual(composeFix(text, RULE)['compose.yaml'], text.replace('service_started', 'service_healthy'));
    });
    it('counts a HEALTHCHECK in the Dockerfile the dependency builds', () => {
      const text = 'services:\n  web:\n    image: web:1\n    depends_on: [api]\n  api:\n    build: ./api\n';
      assert.strictEqual(find({ compose: text, files: { 'api/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD true\n' } }, RULE).length, 1);
      assert.strictEqual(find({ compose: text, files: { 'api/Dockerfile': 'FROM node:20\n' } }, RULE).length, 0);
    });
  });

  describe('compose-healthcheck-missing', () => {
    const RULE = 'compose-healthcheck-missing';
    it('fires on service_healthy without a healthcheck and adds one for known images', () => {
      const text = 'services:\n  api:\n    image: api:1\n    depends_on:\n      cache:\n        condition: service_healthy\n  cache:\n    image: redis:7\n';
      assert.deepStrictEqual(find(text, RULE).map(where), ['5:19']);
      assert.strictEqual(composeFix(text, RULE)['compose.yaml'], text +
        '    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n      start_period: 10s\n');
    });
    it('uses the configured postgres user and escapes nothing it need not', () => {
      const text = 'services:\n  api:\n    image: api:1\n    depends_on:\n      db: {condition: service_healthy}\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n';
      assert.match(composeFix(text, RULE)['compose.yaml'], /test: \["CMD", "pg_isready", "-U", "app"\]/);
    });
    it('offers only a template (not preferred) for unknown images, and is quiet when a healthcheck exists', () => {
      const text = 'services:\n  api:\n    image: api:1\n    depends_on:\n      w: {condition: service_healthy}\n  w:\n    image: worker:1\n';
      const [finding] = find(text, RULE);
      assert.strictEqual(finding.fixes.length, 1);
      assert.strictEqual(finding.fixes[0].isPreferred, false);
      assert.deepStrictEqual(find(text + '    healthcheck:\n      test: ["CMD", "true"]\n', RULE), []);
    });
  });
});
