import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { fixAll } from '../../server/src/engine/fixes';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const ROOT = path.resolve('/examples');

/** The examples/ project, loaded into memory so fixes never touch the real files. */
function examplesWorkspace(): MemoryWorkspace {
  const ws = new MemoryWorkspace({}, [ROOT]);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else ws.set(path.join(ROOT, path.relative(EXAMPLES, full)), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(EXAMPLES);
  return ws;
}

const FOUNDATION_RULES = [
  'copy-before-install', 'no-root-user', 'missing-healthcheck', 'secret-in-env', 'single-stage-build',
  'dev-dependencies-in-image', 'package-cache-in-image', 'heavy-base-image', 'unpinned-base-image', 'shell-form-cmd',
  'npm-start-cmd', 'missing-dockerignore', 'dockerignore-leak',
];

describe('examples/ project end to end', () => {
  before(initEngine);

  it('gets every foundation rule that applies to the seed Dockerfile', () => {
    const ws = examplesWorkspace();
    const file = path.join(ROOT, 'Dockerfile');
    const rules = new Set(lint({ path: file, text: ws.readFile(file)! }, ws, {}).findings.map((f) => f.rule));
    for (const rule of ['copy-before-install', 'no-root-user', 'missing-healthcheck', 'secret-in-env', 'single-stage-build',
      'package-cache-in-image', 'heavy-base-image', 'shell-form-cmd', 'npm-start-cmd', 'missing-dockerignore']) {
      assert.ok(rules.has(rule), `${rule} should fire on examples/Dockerfile`);
    }
  });

  it('applying every preferred fix in turn leaves none of those findings, and the result parses', () => {
    const ws = examplesWorkspace();
    const file = path.join(ROOT, 'Dockerfile');
    const result = fixAll({ path: file, text: ws.readFile(file)! }, ws, {});
    const fixed = result.files.get(file)!;
    for (const [f, content] of result.files) ws.set(f, content);
    const after = lint({ path: file, text: fixed }, ws, {}).findings;
    assert.deepStrictEqual(after.filter((f) => FOUNDATION_RULES.includes(f.rule) || f.rule === 'parse-error').map((f) => `${f.rule}: ${f.message}`), [],
      `fixed Dockerfile:\n${fixed}\napplied: ${result.applied.map((a) => a.rule).join(', ')}`);
    // Fixing again changes nothing.
    assert.strictEqual(fixAll({ path: file, text: fixed }, ws, {}).files.size, 0);
  });

  it('the seed Compose file gets its findings, and applying the preferred fixes in turn leaves none of them', () => {
    const ws = examplesWorkspace();
    const file = path.join(ROOT, 'docker-compose.yml');
    const seeded = ['compose-version-obsolete', 'compose-secret-in-environment', 'compose-depends-on-unhealthy', 'compose-port-public', 'compose-unpinned-image'];
    const before = new Set(lint({ path: file, text: ws.readFile(file)! }, ws, {}).findings.map((f) => f.rule));
    for (const rule of seeded) assert.ok(before.has(rule), `${rule} should fire on examples/docker-compose.yml`);
    const result = fixAll({ path: file, text: ws.readFile(file)! }, ws, {});
    for (const [f, content] of result.files) ws.set(f, content);
    const fixed = result.files.get(file)!;
    const after = lint({ path: file, text: fixed }, ws, {}).findings;
    // compose-unpinned-image has no deterministic fix (which version is the user's call): it stays.
    const fixable = seeded.filter((r) => r !== 'compose-unpinned-image');
    assert.deepStrictEqual(after.filter((f) => [...fixable, 'parse-error', 'compose-schema'].includes(f.rule)).map((f) => `${f.rule}: ${f.message}`), [],
      `fixed compose file:\n${fixed}`);
    assert.strictEqual(ws.readFile(path.join(ROOT, '.env')), 'DATABASE_URL=postgres://app:app@db:5432/app\nJWT_SECRET=dev-secret\nPOSTGRES_PASSWORD=postgres\n');
  });
});
