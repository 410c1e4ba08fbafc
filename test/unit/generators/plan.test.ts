import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { copiedPaths, planGeneration } from '../../../server/src/engine/generators/plan';
import { mergeEnvExample } from '../../../server/src/engine/generators/compose';
import { flavoursFor } from '../../../server/src/engine/generators/dockerfile';
import { initCommand } from '../../../server/src/cli/init';
import { PROJECTS } from './fixtures';

const ROOT = path.resolve('/project');

function workspace(files: Record<string, string>): MemoryWorkspace {
  return new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([n, c]) => [path.join(ROOT, n), c])), [ROOT]);
}

function files(plan: ReturnType<typeof planGeneration>) {
  assert.ok('files' in plan, 'error' in plan ? plan.error : '');
  return plan.files.map((f) => ({ name: path.relative(ROOT, f.path), action: f.action, content: f.content, added: f.added }));
}

describe('generation plans', () => {
  it('the Dockerfile generator adds a .dockerignore only when there is none, and asks before replacing', () => {
    const ws = workspace(PROJECTS['node-npm']);
    assert.deepStrictEqual(files(planGeneration('dockerfile', ws, ROOT)).map((f) => `${f.name}:${f.action}`), ['Dockerfile:create', '.dockerignore:create']);
    ws.set(path.join(ROOT, 'Dockerfile'), 'FROM node:22\n');
    ws.set(path.join(ROOT, '.dockerignore'), '.git\n');
    assert.deepStrictEqual(files(planGeneration('dockerfile', ws, ROOT)).map((f) => `${f.name}:${f.action}`), ['Dockerfile:replace']);
  });

  it('build outputs are excluded only when the image builds them itself', () => {
    const ignoreOf = (project: Record<string, string>) => files(planGeneration('dockerfile', workspace(project), ROOT)).find((f) => f.name === '.dockerignore')!.content.split('\n');
    assert.ok(!ignoreOf(PROJECTS['node-npm']).includes('dist'), 'plain JS ships what is in the folder');
    assert.ok(ignoreOf(PROJECTS['node-ts-prisma']).includes('dist'), 'TypeScript is compiled in the image');
  });

  it('an existing .dockerignore is merged: the user\'s lines stay, missing ones are added, a second run changes nothing', () => {
    const ws = workspace({ ...PROJECTS['node-npm'], '.dockerignore': '# mine\nnode_modules\n!important.env\n' });
    const [merge] = files(planGeneration('dockerignore', ws, ROOT));
    assert.strictEqual(merge.action, 'merge');
    assert.ok(merge.content.startsWith('# mine\nnode_modules\n!important.env\n'));
    assert.ok(merge.added!.includes('.env') && !merge.added!.includes('node_modules'));
    ws.set(path.join(ROOT, '.dockerignore'), merge.content);
    assert.strictEqual(files(planGeneration('dockerignore', ws, ROOT))[0].action, 'unchanged');
  });

  it('never excludes what the Dockerfile copies by name', () => {
    const ws = workspace({ ...PROJECTS['node-npm'], Dockerfile: 'FROM node:22\nCOPY .env.production ./\nCOPY ["coverage/report", "/srv/"]\nCOPY --from=build /app/dist ./dist\nRUN npm run build\n' });
    const lines = files(planGeneration('dockerignore', ws, ROOT))[0].content.split('\n');
    assert.ok(!lines.includes('.env.*'), 'the copied .env.production must not be excluded');
    assert.ok(!lines.includes('coverage'));
    assert.ok(lines.includes('.env') && lines.includes('dist'));
  });

  it('copiedPaths reads COPY/ADD sources, skipping stages, URLs, heredocs and variables', () => {
    assert.deepStrictEqual(copiedPaths('FROM x\nCOPY a b ./\nADD https://x/y.tgz /tmp/\nCOPY --from=build /o /o\nCOPY --chown=1:1 \\\n  c d/\nCOPY <<EOF /f\nhi\nEOF\nCOPY $SRC .\n'), ['a', 'b', 'c']);
  });

  it('the Compose generator writes .env.example and merges it into an existing one', () => {
    const ws = workspace({ ...PROJECTS['node-ts-prisma'], '.env.example': 'PORT=3000\nDATABASE_URL=postgresql://me@localhost/x' });
    const planned = files(planGeneration('compose', ws, ROOT));
    assert.deepStrictEqual(planned.map((f) => `${f.name}:${f.action}`), ['compose.yaml:create', '.env.example:merge']);
    assert.deepStrictEqual(planned[1].added, ['POSTGRES_PASSWORD=change-me']);
    assert.strictEqual(planned[1].content, 'PORT=3000\nDATABASE_URL=postgresql://me@localhost/x\nPOSTGRES_PASSWORD=change-me\n');
    assert.strictEqual(mergeEnvExample('A=1\n', 'A=2\n').added.length, 0);
  });

  it('the Compose file: healthchecks, healthy depends_on, named volumes, secrets from .env, no published database port', () => {
    const compose = files(planGeneration('compose', workspace(PROJECTS['node-ts-prisma']), ROOT))[0].content;
    assert.match(compose, /depends_on:\n {6}db:\n {8}condition: service_healthy\n {6}redis:\n {8}condition: service_healthy/);
    assert.match(compose, /POSTGRES_PASSWORD: "\$\{POSTGRES_PASSWORD:\?/);
    assert.match(compose, /volumes:\n {2}db-data:\n {2}redis-data:\n$/);
    assert.strictEqual((compose.match(/ports:/g) ?? []).length, 1, 'only the app publishes a port');
    assert.strictEqual((compose.match(/healthcheck:/g) ?? []).length, 2);
  });

  it('offers only the runtime flavours that exist for the version', () => {
    const flavours = (files: Record<string, string>) => flavoursFor(planGeneration('dockerfile', workspace(files), ROOT).facts.app!);
    assert.deepStrictEqual(flavours({ 'package.json': '{}', '.nvmrc': '23' }), ['slim', 'alpine']);
    assert.deepStrictEqual(flavours({ 'package.json': '{}', '.nvmrc': '22' }), ['slim', 'alpine', 'distroless']);
    assert.deepStrictEqual(flavours({ 'requirements.txt': '' }), ['slim', 'alpine']);
    assert.deepStrictEqual(flavours({ 'pom.xml': '<project><properties><java.version>11</java.version></properties></project>' }), ['slim', 'alpine']);
    const fallback = planGeneration('dockerfile', workspace({ 'package.json': '{}', '.nvmrc': '23' }), ROOT, { flavour: 'distroless' });
    assert.match(files(fallback)[0].content, /^FROM node:23-slim$/m);
  });

  it('no project: a clear error, not an empty file', () => {
    const plan = planGeneration('dockerfile', workspace({ 'README.md': '' }), ROOT);
    assert.ok('error' in plan && /no Node\.js/.test(plan.error));
  });
});

describe('dockhand init', () => {
  const sink = () => {
    const chunks: string[] = [];
    return { stream: new Writable({ write(chunk, _e, done) { chunks.push(String(chunk)); done(); } }), text: () => chunks.join('') };
  };
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-init-'));
    for (const [name, content] of Object.entries(PROJECTS['go'])) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the Dockerfile and .dockerignore, then refuses to replace without --force', () => {
    const out = sink();
    const err = sink();
    assert.strictEqual(initCommand(['dockerfile', dir, '--flavour', 'alpine'], out.stream, err.stream), 0);
    assert.match(out.text(), /Detected Go 1\.22/);
    assert.match(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), /FROM alpine:3\.21/);
    assert.ok(fs.existsSync(path.join(dir, '.dockerignore')));
    assert.strictEqual(initCommand(['dockerfile', dir], out.stream, err.stream), 1);
    assert.match(err.text(), /exists and was not replaced/);
    assert.match(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), /FROM alpine:3\.21/, 'not replaced');
    assert.strictEqual(initCommand(['dockerfile', dir, '--force'], out.stream, err.stream), 0);
    assert.match(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), /distroless/);
  });

  it('--dry-run writes nothing; usage errors exit 2', () => {
    const out = sink();
    const err = sink();
    assert.strictEqual(initCommand(['compose', dir, '--dry-run'], out.stream, err.stream), 0);
    assert.ok(!fs.existsSync(path.join(dir, 'compose.yaml')));
    assert.match(out.text(), /--- .*compose\.yaml \(would create\)/);
    assert.strictEqual(initCommand(['nope', dir], out.stream, err.stream), 2);
    assert.strictEqual(initCommand(['dockerfile', dir, '--flavour', 'huge'], out.stream, err.stream), 2);
    assert.strictEqual(initCommand(['dockerfile', dir, '--port', '99999'], out.stream, err.stream), 2);
    assert.strictEqual(initCommand(['dockerfile', path.join(dir, 'missing')], out.stream, err.stream), 2);
    fs.writeFileSync(path.join(dir, 'requirements.txt'), 'flask\n');
    fs.rmSync(path.join(dir, 'go.mod'));
    assert.strictEqual(initCommand(['dockerfile', dir, '--flavour', 'distroless', '--dry-run'], out.stream, err.stream), 0);
    assert.match(err.text(), /no distroless runtime for this project \(slim, alpine are\); using slim/);
  });
});
