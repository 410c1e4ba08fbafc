import * as assert from 'assert';
import * as path from 'path';
import { folder, requireCli, run } from './cli/run';

interface JsonReport {
  files: { path: string; kind: string; findings: { rule: string; severity: string }[] }[];
}

const parse = (stdout: string) => JSON.parse(stdout) as JsonReport;
const rules = (report: JsonReport) => report.files.flatMap((f) => f.findings.map((x) => x.rule));

/** Two warnings (shell-form-cmd, DL3025) and nothing else at the defaults. */
const WARNINGS = 'FROM node:20-slim\nUSER node\nENTRYPOINT node a.js\nCMD node a.js\n';
/** A secret-in-env (DL3064) error and a shell-form-cmd warning. */
const SECRET = 'FROM node:20-slim\nUSER node\nENV API_KEY=abc\nCMD node a.js\n';

describe('dockhand lint options', function () {
  this.timeout(60000);
  before(requireCli);

  it('--stdin lints standard input, named and typed by --stdin-filename; `-` is the same', () => {
    const dir = folder({});
    const docker = run(['lint', '--stdin', '--stdin-filename', 'svc/Dockerfile', '--format', 'json'], dir, { input: WARNINGS });
    const report = parse(docker.stdout);
    assert.deepStrictEqual(report.files.map((f) => [f.path, f.kind]), [['svc/Dockerfile', 'dockerfile']]);
    assert.ok(rules(report).includes('shell-form-cmd'));
    const compose = parse(run(['lint', '--stdin', '--stdin-filename', 'compose.yaml', '--format', 'json'], dir, { input: 'version: "3"\nservices:\n  a:\n    image: nginx:1.27\n' }).stdout);
    assert.deepStrictEqual(compose.files[0].kind, 'compose');
    assert.ok(rules(compose).includes('compose-version-obsolete'));
    const dash = parse(run(['lint', '-', '--format', 'json'], dir, { input: WARNINGS }).stdout);
    assert.deepStrictEqual(dash.files.map((f) => [f.path, f.kind]), [['<stdin>', 'dockerfile']]);
    assert.deepStrictEqual(rules(dash), rules(report));
    const both = run(['lint', '--stdin', 'Dockerfile'], dir, { input: WARNINGS });
    assert.strictEqual(both.code, 2);
    assert.match(both.stderr, /^dockhand: --stdin reads one file from standard input: drop the paths \(Dockerfile\) or --stdin$/m);
  });

  it('--ignore turns rules off by id or peer code, repeatable or comma-separated', () => {
    const dir = folder({ Dockerfile: SECRET });
    const all = rules(parse(run(['lint', '--format', 'json'], dir).stdout));
    assert.ok(all.includes('shell-form-cmd') && all.includes('secret-in-env'));
    const some = rules(parse(run(['lint', '--format', 'json', '--ignore', 'DL3025', '--ignore', 'secret-in-env'], dir).stdout));
    assert.ok(!some.includes('shell-form-cmd') && !some.includes('secret-in-env'));
    assert.deepStrictEqual(rules(parse(run(['lint', '--format', 'json', '--ignore', 'DL3025,DL3064'], dir).stdout)), some);
  });

  it('warns about a rule id that does not exist, and accepts peer codes it does not know', () => {
    const dir = folder({ Dockerfile: WARNINGS });
    assert.match(run(['lint', '--ignore', 'shell-form-cdm'], dir).stderr, /^dockhand: unknown rule 'shell-form-cdm' \(see dockhand rules for the ids\)$/m);
    assert.strictEqual(run(['lint', '--ignore', 'DL9999'], dir).stderr, '');
  });

  it('--max-warnings fails the run above the count; --quiet reports errors only', () => {
    const dir = folder({ Dockerfile: WARNINGS });
    const warnings = parse(run(['lint', '--format', 'json'], dir).stdout).files[0].findings.filter((f) => f.severity === 'warning').length;
    assert.ok(warnings >= 2);
    assert.strictEqual(run(['lint'], dir).code, 0);
    assert.strictEqual(run(['lint', '--max-warnings', String(warnings)], dir).code, 0);
    const over = run(['lint', '--max-warnings', String(warnings - 1)], dir);
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, new RegExp(`^dockhand: ${warnings} warnings, more than --max-warnings ${warnings - 1}$`, 'm'));
    assert.strictEqual(run(['lint', '--max-warnings', 'many'], dir).code, 2);
    const quiet = run(['lint', '--quiet', '--format', 'json'], folder({ Dockerfile: SECRET }));
    assert.deepStrictEqual(parse(quiet.stdout).files[0].findings.map((f) => f.severity), ['error']);
  });

  it('--config uses one file in our format or hadolint\'s, instead of the ones found by walking up', () => {
    const dir = folder({
      'svc/Dockerfile': SECRET,
      'svc/.dockhand.yaml': 'rules:\n  shell-form-cmd: off\n',
      'ci/strict.yaml': 'rules:\n  shell-form-cmd: error\n',
      'ci/hadolint.yaml': 'failure-threshold: warning\nignored: [DL3025]\n',
    });
    assert.ok(!rules(parse(run(['lint', 'svc', '--format', 'json'], dir).stdout)).includes('shell-form-cmd'));
    const strict = run(['lint', 'svc', '--config', 'ci/strict.yaml', '--format', 'json'], dir);
    assert.strictEqual(strict.code, 1);
    assert.ok(parse(strict.stdout).files[0].findings.some((f) => f.rule === 'shell-form-cmd' && f.severity === 'error'));
    const hadolint = run(['lint', 'svc', '-c', 'ci/hadolint.yaml', '--format', 'json', '--rule', 'secret-in-env=warning'], dir);
    assert.deepStrictEqual(parse(hadolint.stdout).files[0].findings.map((f) => [f.rule, f.severity]), [['secret-in-env', 'warning']]);
    assert.strictEqual(hadolint.code, 1, 'failure-threshold: warning from the hadolint file');
    const missing = run(['lint', 'svc', '--config', 'nope.yaml'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /^dockhand: cannot read config file nope.yaml: no such file \(check the path\)$/m);
    const broken = folder({ Dockerfile: WARNINGS, 'bad.yaml': 'rules: [' });
    assert.match(run(['lint', '--config', 'bad.yaml'], broken).stderr, /^dockhand: bad.yaml: cannot parse bad.yaml: /m);
  });

  it('takes the fail level from the config (hadolint failure-threshold) unless --fail-level says otherwise', () => {
    const dir = folder({ Dockerfile: WARNINGS, '.hadolint.yaml': 'failure-threshold: warning\n' });
    assert.strictEqual(run(['lint'], dir).code, 1);
    assert.strictEqual(run(['lint', '--fail-level', 'error'], dir).code, 0);
    const off = folder({ Dockerfile: 'FROM node:20-slim\nENV API_KEY=abc\n', '.dockhand.yaml': 'fail-level: off\nrules:\n  secret-in-env: error\n' });
    assert.strictEqual(run(['lint'], off).code, 0);
  });

  it('exit codes: 0 clean, 1 findings at the fail level, 2 usage errors and missing paths (the others still linted)', () => {
    const dir = folder({ Dockerfile: WARNINGS });
    assert.strictEqual(run(['lint'], dir).code, 0);
    assert.strictEqual(run(['lint', '--fail-level', 'warning'], dir).code, 1);
    const partly = run(['lint', 'Dockerfile', 'missing/Dockerfile', '--format', 'json'], dir);
    assert.strictEqual(partly.code, 2);
    assert.strictEqual(parse(partly.stdout).files.length, 1);
    for (const args of [['lint', '--fail-level', 'fatal'], ['lint', '--kind', 'podfile'], ['lint', '--bogus'], ['lint', '--fix', '--fix-dry-run'], ['lint', '--stdin-filename', 'x']]) {
      const result = run(args, dir);
      assert.strictEqual(result.code, 2, args.join(' '));
      assert.strictEqual(result.stderr.trim().split('\n').length, 1, `one line on stderr for ${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^dockhand: /);
      assert.strictEqual(result.stdout, '');
    }
  });

  it('colours stylish output only when asked or on a terminal, never with NO_COLOR or --no-color', () => {
    const dir = folder({ Dockerfile: WARNINGS });
    assert.doesNotMatch(run(['lint'], dir).stdout, /\u001b\[/);
    assert.match(run(['lint', '--color'], dir).stdout, /\u001b\[33mwarning/);
    assert.doesNotMatch(run(['lint', '--color', '--no-color'], dir).stdout, /\u001b\[/);
  });

  it('--help lists every option; --version prints the version', () => {
    const dir = folder({});
    const help = run(['lint', '--help'], dir);
    assert.strictEqual(help.code, 0);
    for (const option of ['--format', 'sarif', 'github', 'checkstyle', 'junit', '--fix', '--fix-dry-run', '--config', '--rule', '--ignore', '--fail-level', '--max-warnings', '--enable-all', '--kind', '--stdin', '--stdin-filename', '--quiet', '--no-color']) {
      assert.ok(help.stdout.includes(option), option);
    }
    assert.match(run(['lint', '--version'], dir).stdout, /^\d+\.\d+\.\d+\n$/);
    assert.strictEqual(path.basename(dir).startsWith('dockhand-cli-'), true);
  });
});
