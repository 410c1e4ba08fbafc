import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TestClient, project, uri, applyWorkspaceEdit } from './client';

const DOCKERFILE = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nENV JWT_SECRET=s3cr3t\nEXPOSE 3000\nCMD npm start\n';
const PACKAGE = JSON.stringify({ name: 'app', scripts: { start: 'node server.js' } });

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    const running = client;
    client = undefined;
    await running?.stopExpectingAlive();
  });

  it('publishes diagnostics with rule codes, exact ranges, doc links and peer codes (push mode)', async () => {
    const root = project({ Dockerfile: DOCKERFILE, 'package.json': PACKAGE });
    client = new TestClient();
    const c = client;
    await c.initialize(root);
    await c.open(path.join(root, 'Dockerfile'));
    const diagnostics = await c.diagnosticsFor(path.join(root, 'Dockerfile'), (d) => d.length > 0);
    const codes = new Set(diagnostics.map((d) => d.code));
    for (const code of ['no-root-user', 'secret-in-env', 'shell-form-cmd', 'npm-start-cmd', 'copy-before-install', 'missing-dockerignore']) assert.ok(codes.has(code), code);
    const shellForm = diagnostics.find((d) => d.code === 'shell-form-cmd')!;
    assert.deepStrictEqual(shellForm.range.start, { line: 6, character: 0 });
    assert.strictEqual(shellForm.source, 'dockhand');
    assert.match(shellForm.codeDescription!.href, /docs\/rules\/shell-form-cmd\.md$/);
    assert.match(String(shellForm.message), /\(DL3025, JSONArgsRecommended\)$/);
    assert.strictEqual(diagnostics.find((d) => d.code === 'secret-in-env')!.severity, 1);
  });

  it('answers pull diagnostics when the client asks for them', async () => {
    const root = project({ Dockerfile: 'FROM node:20\nCMD node a.js\n' });
    client = new TestClient();
    const c = client;
    await c.initialize(root, { pull: true });
    await c.open(path.join(root, 'Dockerfile'));
    const items = await c.pull(path.join(root, 'Dockerfile'));
    assert.ok(items.some((d) => d.code === 'shell-form-cmd'));
    assert.deepStrictEqual(await c.pull(path.join(root, 'Unknown.Dockerfile')), []);
  });

  it('applies a quick-fix returned as a WorkspaceEdit, with the preferred one marked', async () => {
    const root = project({ Dockerfile: DOCKERFILE, 'package.json': PACKAGE });
    const file = path.join(root, 'Dockerfile');
    client = new TestClient();
    const c = client;
    await c.initialize(root);
    await c.open(file);
    const diagnostics = await c.diagnosticsFor(file, (d) => d.length > 0);
    const actions = await c.codeActions(file, diagnostics.filter((d) => d.code === 'npm-start-cmd'));
    const preferred = actions.find((a) => a.isPreferred);
    assert.strictEqual(preferred?.kind, 'quickfix');
    assert.ok(actions.some((a) => /Ignore npm-start-cmd for this instruction/.test(a.title)));
    const texts = new Map([[file, DOCKERFILE]]);
    applyWorkspaceEdit(preferred!.edit!, texts);
    assert.strictEqual(texts.get(file), DOCKERFILE.replace('CMD npm start', 'CMD ["node", "server.js"]'));
  });

  it('applies a cross-file fix: a Compose secret moves to .env and .env.example', async () => {
    const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n';
    const root = project({ 'compose.yaml': compose, '.gitignore': '.env\n' });
    const file = path.join(root, 'compose.yaml');
    client = new TestClient();
    const c = client;
    await c.initialize(root);
    await c.open(file, 'dockercompose');
    const diagnostics = await c.diagnosticsFor(file, (d) => d.some((x) => x.code === 'compose-secret-in-environment'));
    const [action] = (await c.codeActions(file, diagnostics.filter((d) => d.code === 'compose-secret-in-environment'))).filter((a) => a.isPreferred);
    applyWorkspaceEdit(action.edit!, new Map([[file, compose]]));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), compose.replace('POSTGRES_PASSWORD: postgres', 'POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}"'));
    assert.strictEqual(fs.readFileSync(path.join(root, '.env'), 'utf8'), 'POSTGRES_PASSWORD=postgres\n');
    assert.strictEqual(fs.readFileSync(path.join(root, '.env.example'), 'utf8'), 'POSTGRES_PASSWORD=\n');
  });

  it('offers source.fixAll.dockhand that applies every same-file fix at once', async () => {
    const root = project({ Dockerfile: 'FROM node:20-slim\nCMD node server.js\nENTRYPOINT tini --\n' });
    const file = path.join(root, 'Dockerfile');
    client = new TestClient();
    const c = client;
    await c.initialize(root);
    await c.open(file);
    await c.diagnosticsFor(file, (d) => d.length > 0);
    const [fixAll] = await c.codeActions(file, [], ['source.fixAll.dockhand']);
    assert.strictEqual(fixAll.kind, 'source.fixAll.dockhand');
    const texts = new Map([[file, fs.readFileSync(file, 'utf8')]]);
    applyWorkspaceEdit(fixAll.edit!, texts);
    assert.match(texts.get(file)!, /CMD \["node", "server\.js"\]\nENTRYPOINT \["tini", "--"\]\n/);
  });

  it('turns a rule off by its peer code when the configuration changes', async () => {
    const root = project({ Dockerfile: 'FROM node:20-slim\nCMD node server.js\n' });
    const file = path.join(root, 'Dockerfile');
    client = new TestClient();
    const c = client;
    await c.initialize(root);
    await c.open(file);
    await c.diagnosticsFor(file, (d) => d.some((x) => x.code === 'shell-form-cmd'));
    await c.configure({ rules: { DL3025: 'off' } });
    await c.diagnosticsFor(file, (d) => !d.some((x) => x.code === 'shell-form-cmd'));
  });

  it('re-lints when a watched file changes: creating .dockerignore clears missing-dockerignore', async () => {
    const root = project({ Dockerfile: 'FROM node:20-slim\nCOPY . .\n', 'package.json': '{}' });
    const file = path.join(root, 'Dockerfile');
    client = new TestClient();
    const c = client;
    await c.initialize(root);
    await c.open(file);
    await c.diagnosticsFor(file, (d) => d.some((x) => x.code === 'missing-dockerignore'));
    fs.writeFileSync(path.join(root, '.dockerignore'), '.git\n.env*\nnode_modules\n*.pem\n*.key\nid_rsa*\n');
    await c.fileChanged(path.join(root, '.dockerignore'));
    await c.diagnosticsFor(file, (d) => !d.some((x) => x.code === 'missing-dockerignore'));
  });

  it('survives garbage, half-typed edits and requests for unknown documents', async () => {
    const root = project({ Dockerfile: 'FROM node:20\n' });
    const file = path.join(root, 'Dockerfile');
    client = new TestClient();
    const c = client;
    await c.initialize(root);
    await c.open(file);
    for (const text of ['\0\u0001binary\uffff', 'FRO', 'FROM node:20\nRUN "unterminated', 'FROM node:20\nRUN <<EOF\nnpm ci\n', 'x'.repeat(200000)]) {
      await c.change(file, text);
    }
    await c.change(file, 'FROM node:20\nCMD node a.js\n');
    await c.diagnosticsFor(file, (d) => d.some((x) => x.code === 'shell-form-cmd'));
    assert.deepStrictEqual(await c.codeActions(path.join(root, 'nope', 'Dockerfile'), []), []);
    const garbage = await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(path.join(root, 'x')) } }).catch((e: Error) => e);
    assert.ok(garbage !== undefined);
  });

  it('shuts down cleanly', async () => {
    const root = project({});
    const local = new TestClient();
    await local.initialize(root);
    assert.strictEqual(await local.stop(), 0);
  });
});
