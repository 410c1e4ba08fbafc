import * as assert from 'assert';
import { initEngine, lint } from '../../../server/src/engine/engine';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { applyFix, preferredFix } from '../../../server/src/engine/fixes';

const PATH = '/p/compose.yaml';
/** These rules are mostly off by default: run them as `--enable-all` does. */
const run = (text: string, rule: string) =>
  lint({ path: PATH, text }, new MemoryWorkspace(), { enableAll: true }).findings.filter((f) => f.rule === rule);
const fix = (text: string, rule: string) => {
  const [finding] = run(text, rule);
  assert.ok(finding && preferredFix(finding), `${rule} should offer a fix`);
  const fixed = applyFix(preferredFix(finding)!, () => text).get(PATH)!;
  assert.deepStrictEqual(run(fixed, rule).map((f) => f.message), [], `${rule} should be gone after its fix:\n${fixed}`);
  assert.deepStrictEqual(lint({ path: PATH, text: fixed }, new MemoryWorkspace(), {}).findings.filter((f) => f.rule === 'parse-error' || f.rule === 'compose-schema'), []);
  return fixed;
};

describe('compose rules with dclint equivalents', () => {
  before(initEngine);

  it('compose-duplicate-container-name and compose-container-name-invalid', () => {
    const text = 'services:\n  a:\n    image: x:1\n    container_name: app\n  b:\n    image: x:1\n    container_name: app\n  c:\n    image: x:1\n    container_name: "my-app@1"\n';
    assert.strictEqual(run(text, 'compose-duplicate-container-name').length, 1);
    assert.strictEqual(run(text, 'compose-container-name-invalid').length, 1);
  });

  it('compose-duplicate-published-port: same host port, overlapping ranges, not across disjoint profiles', () => {
    assert.strictEqual(run('services:\n  a:\n    image: x:1\n    ports: ["8080:80"]\n  b:\n    image: x:1\n    ports: ["8079-8081:80-82"]\n', 'compose-duplicate-published-port').length, 1);
    assert.strictEqual(run('services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80"]\n  b:\n    image: x:1\n    ports: ["127.0.0.2:8080:80"]\n', 'compose-duplicate-published-port').length, 0);
    assert.strictEqual(run('services:\n  a:\n    image: x:1\n    ports: ["5672:5672"]\n    profiles: [mq]\n  b:\n    image: x:1\n    ports: ["5672:5672"]\n    profiles: [bus]\n', 'compose-duplicate-published-port').length, 0);
  });

  it('compose-ports-quotes and compose-volume-quoted fix the quoting', () => {
    assert.strictEqual(fix('services:\n  a:\n    image: x:1\n    ports:\n      - 8080:80\n', 'compose-ports-quotes'), 'services:\n  a:\n    image: x:1\n    ports:\n      - "8080:80"\n');
    assert.strictEqual(fix('services:\n  a:\n    image: x:1\n    volumes:\n      - "./data:/data"\n', 'compose-volume-quoted'), 'services:\n  a:\n    image: x:1\n    volumes:\n      - ./data:/data\n');
  });

  it('ordering rules sort whole entries, comments and blank lines included', () => {
    const services = 'services:\n  web:\n    image: nginx:1\n\n  # the database\n  db:\n    image: postgres:16\n';
    assert.strictEqual(fix(services, 'compose-services-order'), 'services:\n  # the database\n  db:\n    image: postgres:16\n\n  web:\n    image: nginx:1\n');
    assert.strictEqual(fix('services:\n  a:\n    ports:\n      - "8080:80"\n      - "443:443"\n    image: x:1\n', 'compose-ports-order'), 'services:\n  a:\n    ports:\n      - "443:443"\n      - "8080:80"\n    image: x:1\n');
    assert.strictEqual(fix('services:\n  a:\n    environment:\n      A: "1"\n    image: x:1\n', 'compose-service-keys-order'), 'services:\n  a:\n    image: x:1\n    environment:\n      A: "1"\n');
    // YAML's merge key stays first and is named as written (it is a symbol in the parsed document).
    const merged = 'x-base: &base\n  restart: always\nservices:\n  a:\n    environment:\n      A: "1"\n    <<: *base\n    image: x:1\n';
    assert.match(run(merged, 'compose-service-keys-order')[0].message, /: <<, image, environment\.$/);
    assert.strictEqual(fix(merged, 'compose-service-keys-order'), 'x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: x:1\n    environment:\n      A: "1"\n');
    assert.strictEqual(fix('services:\n  a:\n    image: x:1\nx-common: {}\nname: demo\n', 'compose-top-level-order'), 'x-common: {}\nname: demo\nservices:\n  a:\n    image: x:1\n');
    assert.strictEqual(fix('services:\n  a:\n    image: x:1\n    depends_on:\n      - web\n      - db\n  db:\n    image: x:1\n  web:\n    image: x:1\n', 'compose-depends-on-order').includes('      - db\n      - web\n'), true);
  });

  it('compose-build-and-image, compose-port-unbound, compose-project-name-missing (off by default)', () => {
    assert.strictEqual(run('services:\n  a:\n    build: .\n    image: app:1\n', 'compose-build-and-image').length, 1);
    assert.strictEqual(run('services:\n  a:\n    build: .\n    image: app:1\n    pull_policy: build\n', 'compose-build-and-image').length, 0);
    assert.strictEqual(run('services:\n  a:\n    image: x:1\n    ports: ["80:80", "0.0.0.0:81:81", "127.0.0.1:82:82"]\n', 'compose-port-unbound').length, 1);
    assert.strictEqual(run('services:\n  a:\n    image: x:1\n', 'compose-project-name-missing').length, 1);
    assert.strictEqual(lint({ path: PATH, text: 'services:\n  a:\n    image: x:1\n' }, new MemoryWorkspace(), {}).findings.filter((f) => f.rule === 'compose-project-name-missing').length, 0);
  });
});

describe('compose suppression comments', () => {
  before(initEngine);
  const text = (prefix: string, trailing = '') => `${prefix}services:\n  web:\n    # a comment between\n    image: nginx:latest${trailing}\n`;
  const found = (t: string) => lint({ path: PATH, text: t }, new MemoryWorkspace(), {}).findings.filter((f) => f.rule === 'compose-unpinned-image').length;

  it('honours dockhand-ignore and dclint disable-line above or at the end of the line, by id or dclint name', () => {
    assert.strictEqual(found(text('')), 1);
    assert.strictEqual(found(text('', ' # dockhand-ignore compose-unpinned-image')), 0);
    assert.strictEqual(found(text('', ' # dclint disable-line service-image-require-explicit-tag')), 0);
    assert.strictEqual(found(text('', ' # dclint disable-line')), 0);
    assert.strictEqual(found(text('', ' # dclint disable-line no-version-field')), 1);
    assert.strictEqual(found('services:\n  web:\n    # dockhand-ignore=compose-unpinned-image\n    image: nginx:latest\n'), 0);
  });

  it('honours file-wide comments: dockhand-ignore-file anywhere, dclint disable / disable-file on the first line', () => {
    assert.strictEqual(found(text('# dclint disable-file\n')), 0);
    assert.strictEqual(found(text('# dclint disable service-image-require-explicit-tag\n')), 0);
    assert.strictEqual(found(text('# dclint disable no-version-field\n')), 1);
    assert.strictEqual(found(text('') + '# dockhand-ignore-file compose-unpinned-image\n'), 0);
  });
});
