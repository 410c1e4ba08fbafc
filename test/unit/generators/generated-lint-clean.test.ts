import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { initEngine, lint } from '../../../server/src/engine/engine';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { planGeneration, type GeneratorKind } from '../../../server/src/engine/generators/plan';
import { flavoursFor } from '../../../server/src/engine/generators/dockerfile';
import { detectProject } from '../../../server/src/engine/generators/project';
import { PROJECTS } from './fixtures';

const ROOT = path.resolve('/project');

/** The fixture project in memory, with everything the three generators write added to it. */
function generateAll(files: Record<string, string>, flavour?: 'slim' | 'alpine' | 'distroless'): MemoryWorkspace {
  const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([n, c]) => [path.join(ROOT, n), c])), [ROOT]);
  for (const kind of ['dockerfile', 'dockerignore', 'compose'] as GeneratorKind[]) {
    const plan = planGeneration(kind, ws, ROOT, { flavour });
    assert.ok('files' in plan, `${kind}: ${'error' in plan ? plan.error : ''}`);
    for (const file of plan.files) ws.set(file.path, file.content);
  }
  return ws;
}

function findingsIn(ws: MemoryWorkspace, name: string): string[] {
  const file = path.join(ROOT, name);
  const result = lint({ path: file, text: ws.readFile(file)! }, ws, {});
  assert.deepStrictEqual(result.failures.map((f) => `${f.rule}: ${String(f.error)}`), []);
  return result.findings.map((f) => `${name}:${f.range.start.line + 1} ${f.rule} (${f.severity}): ${f.message}`);
}

describe('generated Dockerfile, .dockerignore and Compose lint clean at default settings', () => {
  before(initEngine);

  for (const [name, files] of Object.entries(PROJECTS)) {
    const app = detectProject(new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([n, c]) => [path.join(ROOT, n), c]))), ROOT).app!;
    for (const flavour of flavoursFor(app)) {
      it(`${name} (${flavour})`, () => {
        const ws = generateAll(files, flavour);
        const findings = [...findingsIn(ws, 'Dockerfile'), ...findingsIn(ws, 'compose.yaml')];
        assert.deepStrictEqual(findings, [], `Dockerfile:\n${ws.readFile(path.join(ROOT, 'Dockerfile'))}\ncompose.yaml:\n${ws.readFile(path.join(ROOT, 'compose.yaml'))}`);
      });
    }
  }

  it('the generated Compose files pass dclint (the peer) with its default rules too', function () {
    const dclint = path.resolve(__dirname, '..', '..', '..', '..', 'node_modules', '.bin', 'dclint');
    if (!fs.existsSync(dclint)) this.skip();
    this.timeout(60000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-dclint-'));
    try {
      // dclint takes about a second per file: one project per kind of backing service.
      const files = ['node-ts-prisma', 'node-pnpm', 'python-poetry'].map((name) => [name, PROJECTS[name]] as const).map(([name, project]) => {
        const file = path.join(dir, `${name}.compose.yaml`);
        fs.writeFileSync(file, generateAll(project).readFile(path.join(ROOT, 'compose.yaml'))!);
        return file;
      });
      const run = spawnSync(dclint, files, { encoding: 'utf8' });
      assert.strictEqual(run.status, 0, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout, /warning|error/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the seed rules do fire on the same projects with a naive Dockerfile (the check can fail)', () => {
    const ws = generateAll(PROJECTS['node-npm']);
    ws.set(path.join(ROOT, 'Dockerfile'), 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install\nEXPOSE 8080\nCMD npm start\n');
    const rules = findingsIn(ws, 'Dockerfile').join('\n');
    for (const rule of ['no-root-user', 'copy-before-install', 'shell-form-cmd']) assert.ok(rules.includes(rule), rule);
  });
});
