import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { folder, requireCli, run as runCli } from './cli/run';

const run = (args: string[], cwd: string) => runCli(args, cwd);

describe('dockhand CLI', function () {
  this.timeout(60000);
  before(requireCli);

  it('lints a folder: JSON output follows the contract, 0-based positions, relative paths', () => {
    const dir = folder({ Dockerfile: 'FROM node:20-slim\nCMD node a.js\n', 'node_modules/x/Dockerfile': 'FROM x\n', 'compose.yaml': 'services:\n  a:\n    image: nginx:1.27\n' });
    const { code, stdout } = run(['lint', '.', '--format', 'json'], dir);
    assert.strictEqual(code, 0);
    const report = JSON.parse(stdout);
    assert.strictEqual(report.version, 1);
    assert.deepStrictEqual(report.files.map((f: { path: string }) => f.path).sort(), ['Dockerfile', 'compose.yaml']);
    const docker = report.files.find((f: { path: string }) => f.path === 'Dockerfile');
    const finding = docker.findings.find((f: { rule: string }) => f.rule === 'shell-form-cmd');
    assert.deepStrictEqual(Object.keys(finding).sort(), ['equivalents', 'fixable', 'message', 'range', 'rule', 'severity']);
    assert.deepStrictEqual(finding.range.start, { line: 1, character: 0 });
    assert.strictEqual(finding.fixable, true);
  });

  it('exits 1 at or above the fail level, 0 below it, and honours --rule by peer code', () => {
    const dir = folder({ Dockerfile: 'FROM node:20-slim\nENV API_KEY=abc\n' });
    assert.strictEqual(run(['lint', 'Dockerfile'], dir).code, 1);
    assert.strictEqual(run(['lint', 'Dockerfile', '--fail-level', 'none'], dir).code, 0);
    assert.strictEqual(run(['lint', 'Dockerfile', '--rule', 'SecretsUsedInArgOrEnv=off'], dir).code, 0);
    assert.strictEqual(run(['lint', 'Dockerfile', '--rule', 'secret-in-env=warning', '--fail-level', 'warning'], dir).code, 1);
  });

  it('prints stylish output without colours when piped, with a summary', () => {
    const dir = folder({ Dockerfile: 'FROM node:20-slim\nCMD node a.js\n' });
    const { stdout } = run(['lint'], dir);
    assert.doesNotMatch(stdout, /\u001b\[/);
    assert.match(stdout, /^Dockerfile\n/);
    assert.match(stdout, /^ {2}2:1 +warning +CMD uses shell form.* shell-form-cmd$/m);
    assert.match(stdout, /problems? \(0 errors, \d+ warnings?/);
  });

  it('reports usage errors and missing paths on stderr with exit 2', () => {
    const dir = folder({});
    const missing = run(['lint', 'nope'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /^dockhand: no such file or directory: nope \(check the path\)$/m);
    assert.strictEqual(run(['lint', '--format', 'xml'], dir).code, 2);
    assert.strictEqual(run(['frobnicate'], dir).code, 2);
    assert.match(run(['--version'], dir).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('forces the kind with --kind and reports unreadable files as read-error while going on', () => {
    const dir = folder({ 'build.txt': 'FROM node:20-slim\nCMD node a.js\n', Dockerfile: Buffer.from([0x46, 0x00, 0x01]) });
    const forced = JSON.parse(run(['lint', 'build.txt', '--kind', 'dockerfile', '--format', 'json'], dir).stdout);
    assert.ok(forced.files[0].findings.some((f: { rule: string }) => f.rule === 'shell-form-cmd'));
    const binary = run(['lint', 'Dockerfile', 'build.txt', '--kind', 'dockerfile', '--format', 'json'], dir);
    const files = JSON.parse(binary.stdout).files;
    assert.strictEqual(files[0].findings[0].rule, 'read-error');
    assert.strictEqual(files.length, 2);
    assert.match(binary.stderr, /binary file/);
    assert.strictEqual(binary.code, 1);
  });

  it('goes on past symbolic-link loops, broken links, non-UTF-8 and unreadable files, each a read-error and one stderr line', () => {
    const dir = folder({ 'a/Dockerfile': 'FROM node:20-slim\nUSER node\nCMD ["node", "a.js"]\n', 'latin1/Dockerfile': Buffer.from('FROM alpine:3.20\nRUN echo caf\xe9\n', 'latin1'), 'locked/Dockerfile': 'FROM alpine:3.20\n' });
    fs.symlinkSync('..', path.join(dir, 'a', 'loop'));
    fs.symlinkSync('nowhere', path.join(dir, 'broken.Dockerfile'));
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) fs.chmodSync(path.join(dir, 'locked', 'Dockerfile'), 0o000);
    const result = run(['lint', '.', '--format', 'json'], dir);
    const files = JSON.parse(result.stdout).files as { path: string; findings: { rule: string; message: string }[] }[];
    const readErrors = files.filter((f) => f.findings.some((x) => x.rule === 'read-error')).map((f) => f.path).sort();
    assert.deepStrictEqual(readErrors, asRoot ? ['broken.Dockerfile', 'latin1/Dockerfile'] : ['broken.Dockerfile', 'latin1/Dockerfile', 'locked/Dockerfile']);
    assert.ok(files.some((f) => f.path === 'a/Dockerfile'), 'the good file is still linted');
    assert.strictEqual(result.code, 1);
    const lines = result.stderr.trim().split('\n');
    assert.strictEqual(lines.length, readErrors.length, result.stderr);
    for (const line of lines) assert.match(line, /^dockhand: \S+ .+: .+$/, 'one line that says what to do');
  });

  it('lists rules as JSON with the documented fields', () => {
    const rules = JSON.parse(run(['rules', '--format', 'json'], os.tmpdir()).stdout);
    const noRoot = rules.find((r: { id: string }) => r.id === 'no-root-user');
    assert.deepStrictEqual(noRoot, { id: 'no-root-user', kind: 'dockerfile', severity: 'warning', enabledByDefault: true, fixable: true, equivalents: ['DL3002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'DS002', 'DS-0002'], docs: 'docs/rules/no-root-user.md' });
  });

  it('reads .hadolint.yaml and .dockhand.yaml from the folders above the file', () => {
    const dir = folder({ 'svc/Dockerfile': 'FROM node:20-slim\nCMD node a.js\n', '.hadolint.yaml': 'ignored: [DL3025]\n' });
    const report = JSON.parse(run(['lint', 'svc', '--format', 'json'], dir).stdout);
    assert.ok(!report.files[0].findings.some((f: { rule: string }) => f.rule === 'shell-form-cmd'));
  });
});
