import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { initEngine } from '../../server/src/engine/engine';
import { DiskWorkspace } from '../../server/src/engine/workspace';
import { FixPlan, writeAtomically } from '../../server/src/cli/fix';
import { folder, requireCli, run, snapshot } from './cli/run';

const PROJECT = {
  'app/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD node server.js\n',
  'app/package.json': '{"name":"app","scripts":{"start":"node server.js"}}\n',
  'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    build: ./app\n    ports:\n      - "8080:8080"\n',
};

interface JsonReport {
  files: { path: string; findings: { rule: string; fixable: boolean }[] }[];
}

function fixableRules(dir: string): string[] {
  const report = JSON.parse(run(['lint', '.', '--format', 'json', '--fail-level', 'none'], dir).stdout) as JsonReport;
  return report.files.flatMap((f) => f.findings.filter((x) => x.fixable).map((x) => `${f.path}:${x.rule}`));
}

describe('fix planning and atomic writes (in-process)', () => {
  before(() => initEngine());

  it('writeAtomically creates missing folders inside the roots, keeps the mode, and refuses outside them', () => {
    const dir = folder({ 'a/file': 'old\n' });
    fs.chmodSync(path.join(dir, 'a/file'), 0o600);
    writeAtomically(path.join(dir, 'a/file'), 'new\n', [dir]);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a/file'), 'utf8'), 'new\n');
    assert.strictEqual(fs.statSync(path.join(dir, 'a/file')).mode & 0o777, 0o600);
    writeAtomically(path.join(dir, 'b/c/new.env'), 'X=\n', [dir]);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'b/c/new.env'), 'utf8'), 'X=\n');
    assert.throws(() => writeAtomically(path.join(dir, '..', 'escaped'), 'x', [path.join(dir, 'a')]), /outside the folders being linted/);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'a')), ['file']);
  });

  it('shows later lints the files as the planned fixes leave them, new files and folders included', () => {
    const dir = folder({ 'svc/Dockerfile': 'FROM node:20-slim\nCOPY . .\nUSER node\nCMD ["node", "a.js"]\n' });
    const plan = new FixPlan([dir]);
    const disk = new DiskWorkspace([]);
    const view = plan.view(disk);
    assert.ok(!view.listDir(path.join(dir, 'svc'))!.includes('.dockerignore'));
    const file = path.join(dir, 'svc/Dockerfile');
    assert.ok(plan.fix({ path: file, text: fs.readFileSync(file, 'utf8') }, view, {}).some((a) => a.rule === 'missing-dockerignore'));
    assert.ok(view.listDir(path.join(dir, 'svc'))!.includes('.dockerignore'));
    assert.ok(view.exists(path.join(dir, 'svc/.dockerignore')));
    assert.match(view.readFile(path.join(dir, 'svc/.dockerignore'))!, /^\.git$/m);
    assert.ok(!fs.existsSync(path.join(dir, 'svc/.dockerignore')), 'planning writes nothing');
  });

  it('does not overwrite a file that changed on disk after it was linted, and writes the others', () => {
    const dir = folder({ 'one/Dockerfile': 'FROM node:20-slim\nUSER node\nCMD node a.js\n', 'two/Dockerfile': 'FROM node:20-slim\nUSER node\nCMD node b.js\n' });
    const plan = new FixPlan([dir]);
    const workspace = new DiskWorkspace([]);
    for (const name of ['one/Dockerfile', 'two/Dockerfile']) {
      const file = path.join(dir, name);
      assert.ok(plan.fix({ path: file, text: fs.readFileSync(file, 'utf8') }, workspace, {}).some((a) => a.rule === 'shell-form-cmd'));
    }
    fs.writeFileSync(path.join(dir, 'one/Dockerfile'), 'FROM node:20-slim\n# edited meanwhile\n');
    const failures = plan.write();
    assert.strictEqual(failures.length, 1);
    assert.match(failures[0], /one\/Dockerfile: it changed on disk while dockhand was fixing it/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'one/Dockerfile'), 'utf8'), 'FROM node:20-slim\n# edited meanwhile\n');
    assert.match(fs.readFileSync(path.join(dir, 'two/Dockerfile'), 'utf8'), /^CMD \["node", "b.js"\]$/m);
  });
});

describe('dockhand lint --fix', function () {
  this.timeout(60000);
  before(requireCli);

  it('applies every preferred fix, says what changed, and the fixed files re-lint clean for the fixed rules', () => {
    const dir = folder(PROJECT);
    const before = fixableRules(dir);
    assert.ok(before.includes('app/Dockerfile:shell-form-cmd') && before.includes('compose.yaml:compose-version-obsolete'), before.join(', '));
    const fixed = run(['lint', '.', '--fix', '--fail-level', 'none'], dir);
    assert.strictEqual(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout, /^fixed app\/Dockerfile: .*shell-form-cmd.* \(\d+ fixes\)$/m);
    assert.match(fixed.stdout, /^fixed compose.yaml: compose-version-obsolete/m);
    assert.match(fixed.stdout, /^created app\/.dockerignore$/m);
    assert.match(fs.readFileSync(path.join(dir, 'app/Dockerfile'), 'utf8'), /^CMD \["node", "server.js"\]$/m);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), /^version:/m);
    assert.deepStrictEqual(fixableRules(dir), []);
    assert.deepStrictEqual(
      fs.readdirSync(path.join(dir, 'app')).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file is left behind',
    );
  });

  it('changes nothing on a second run', () => {
    const dir = folder(PROJECT);
    run(['lint', '.', '--fix', '--fail-level', 'none'], dir);
    const once = snapshot(dir);
    const again = run(['lint', '.', '--fix', '--fail-level', 'none'], dir);
    assert.deepStrictEqual(snapshot(dir), once);
    assert.doesNotMatch(again.stdout, /^(fixed|created|updated) /m);
  });

  it('--fix-dry-run prints a unified diff that patch applies to give what --fix writes, and writes nothing', function () {
    if (spawnSync('patch', ['--version']).status !== 0) this.skip();
    const dry = folder(PROJECT);
    const untouched = snapshot(dry);
    const diff = run(['lint', '.', '--fix-dry-run'], dry);
    assert.deepStrictEqual(snapshot(dry), untouched, '--fix-dry-run must not write');
    assert.match(diff.stdout, /^--- a\/app\/Dockerfile\n\+\+\+ b\/app\/Dockerfile\n@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    assert.match(diff.stdout, /^--- \/dev\/null\n\+\+\+ b\/app\/.dockerignore$/m);
    assert.match(diff.stderr, /^dry run: fixed app\/Dockerfile: /m);
    const patched = spawnSync('patch', ['-p1', '--batch', '--forward'], { cwd: dry, input: diff.stdout, encoding: 'utf8' });
    assert.strictEqual(patched.status, 0, patched.stdout + patched.stderr);
    const fixed = folder(PROJECT);
    run(['lint', '.', '--fix'], fixed);
    const withoutBackups = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([name]) => !/\.orig$/.test(name)));
    assert.deepStrictEqual(withoutBackups(snapshot(dry)), snapshot(fixed));
  });

  it('exits by what is left after fixing', () => {
    const dir = folder({ Dockerfile: 'FROM node:20-slim\nUSER node\nCMD node a.js\n' });
    assert.strictEqual(run(['lint', '--fail-level', 'warning'], dir).code, 1);
    const fixed = run(['lint', '--fix', '--fail-level', 'warning', '--format', 'json'], dir);
    assert.strictEqual(fixed.code, 0, fixed.stdout);
    assert.deepStrictEqual(JSON.parse(fixed.stdout).files[0].findings.filter((f: { severity: string }) => f.severity !== 'information'), []);
    assert.match(fixed.stderr, /^fixed Dockerfile: shell-form-cmd \(1 fix\)$/m, 'with a machine format, the summary goes to stderr');
  });

  it('keeps the file mode and never writes outside the folders it lints', () => {
    const dir = folder({ 'svc/Dockerfile': 'FROM node:20-slim\nCOPY . .\nCMD node a.js\n' });
    fs.chmodSync(path.join(dir, 'svc/Dockerfile'), 0o640);
    const outside = folder({ Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD node a.js\n' });
    fs.symlinkSync(path.join(outside, 'Dockerfile'), path.join(dir, 'svc', 'linked.Dockerfile'));
    const result = run(['lint', 'svc/Dockerfile', '--fix', '--fail-level', 'none'], dir);
    assert.strictEqual(result.code, 0, result.stderr);
    assert.strictEqual(fs.statSync(path.join(dir, 'svc/Dockerfile')).mode & 0o777, 0o640);
    assert.ok(fs.existsSync(path.join(dir, 'svc/.dockerignore')), 'a fix may create a file next to the linted file');
    const escaping = run(['lint', 'svc', '--fix', '--fail-level', 'none'], dir);
    assert.match(escaping.stdout, /^not fixed: svc\/linked.Dockerfile is outside the folders being linted/m);
    assert.strictEqual(escaping.code, 0, escaping.stderr);
    assert.strictEqual(fs.readFileSync(path.join(outside, 'Dockerfile'), 'utf8'), 'FROM node:20-slim\nCOPY . .\nCMD node a.js\n');
  });

  it('--fix-dry-run works on stdin; --fix on stdin is a usage error', () => {
    const dir = folder({});
    const text = 'FROM node:20-slim\nUSER node\nCMD node a.js\n';
    const dry = run(['lint', '--stdin', '--stdin-filename', 'Dockerfile', '--fix-dry-run'], dir, { input: text });
    assert.match(dry.stdout, /^-CMD node a.js\n\+CMD \["node", "a.js"\]$/m);
    const refused = run(['lint', '--stdin', '--fix'], dir, { input: text });
    assert.strictEqual(refused.code, 2);
    assert.match(refused.stderr, /^dockhand: --fix cannot write back to standard input: use --fix-dry-run for a diff$/m);
  });
});
