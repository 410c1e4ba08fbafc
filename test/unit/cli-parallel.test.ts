import * as assert from 'assert';
import * as path from 'path';
import { initEngine } from '../../server/src/engine/engine';
import { DiskWorkspace } from '../../server/src/engine/workspace';
import type { LintConfig } from '../../server/src/engine/config';
import { readText } from '../../server/src/cli/files';
import { lintOutcome } from '../../server/src/cli/lint-outcome';
import { lintInParallel, type PoolJob } from '../../server/src/cli/lint-pool';
import { folder, requireCli, run } from './cli/run';

/** Dockerfiles that differ in what they trigger, so a result landing at the wrong index shows. */
function dockerfile(i: number): string {
  const lines = [`FROM node:${18 + (i % 4)}${i % 3 === 0 ? '' : '-slim'}`, `WORKDIR /app${i}`];
  if (i % 2 === 0) lines.push('RUN apt-get update && apt-get install -y curl');
  if (i % 5 === 0) lines.push(`ENV API_KEY=secret${i}`);
  if (i % 7 === 0) lines.push('ADD https://example.com/x.tgz /x.tgz');
  lines.push(i % 3 === 0 ? `CMD node server${i}.js` : `CMD ["node", "server${i}.js"]`);
  return lines.join('\n') + '\n';
}

/** 48 files in four folders, two with config files (one of them broken), a Compose file and an unreadable file. */
function project(): string {
  const files: Record<string, string | Buffer> = {
    'b/.hadolint.yaml': 'ignored: [DL3008]\noverride:\n  bogus: [DL3009]\n',
    'c/.dockhand.yaml': 'rules:\n  shell-form-cmd: error\n',
    'c/compose.yaml': 'services:\n  web:\n    build: .\n    ports: ["80:80"]\n',
    'd/Dockerfile.binary': Buffer.from([0x46, 0x00, 0x01]),
  };
  for (let i = 0; i < 48; i++) files[`${'abcd'[i % 4]}/Dockerfile.${String(i).padStart(2, '0')}`] = dockerfile(i);
  return folder(files);
}

describe('parallel linting', function () {
  this.timeout(120000);

  describe('through the CLI', () => {
    before(requireCli);

    for (const format of ['json', 'stylish', 'sarif', 'github']) {
      it(`gives byte-identical ${format} output, stderr and exit code on one thread and on several`, () => {
        const dir = project();
        const serial = run(['lint', '.', '--format', format, '--enable-all', '--jobs', '1'], dir);
        assert.match(serial.stderr, /bogus/, 'the broken config file should be reported');
        assert.match(serial.stderr, /Dockerfile\.binary is a binary file/);
        assert.ok(serial.stdout.length > 1000);
        for (const jobs of [['--jobs', '2'], ['--jobs', '4'], []]) {
          const parallel = run(['lint', '.', '--format', format, '--enable-all', ...jobs], dir);
          assert.strictEqual(parallel.stdout, serial.stdout, `stdout with ${jobs.join(' ') || 'the default'}`);
          assert.strictEqual(parallel.stderr, serial.stderr, `stderr with ${jobs.join(' ') || 'the default'}`);
          assert.strictEqual(parallel.code, serial.code);
        }
      });
    }

    it('keeps exit codes: 1 for findings at the fail level, 0 below it', () => {
      const dir = project();
      assert.strictEqual(run(['lint', '.', '--jobs', '3'], dir).code, 1);
      assert.strictEqual(run(['lint', '.', '--jobs', '3', '--fail-level', 'none'], dir).code, 0);
    });

    it('refuses a --jobs that is not a positive whole number', () => {
      const dir = folder({ Dockerfile: 'FROM scratch\n' });
      for (const value of ['0', 'two', '-1', '1.5']) {
        const result = run(['lint', '.', `--jobs=${value}`], dir);
        assert.strictEqual(result.code, 2, value);
        assert.match(result.stderr, /^dockhand: --jobs '.*' should be a number of threads/, value);
      }
    });
  });

  describe('lintInParallel', () => {
    before(() => initEngine());

    it('returns the outcomes of files linted only by worker threads in the files\' order, equal to linting them here', async () => {
      const dir = project();
      const workspace = new DiskWorkspace([]);
      const configs: LintConfig[] = [{ enableAll: true }, { rules: { 'shell-form-cmd': 'off' } }];
      const jobs: PoolJob[] = ['a', 'b', 'c', 'd'].flatMap((sub, s) =>
        Array.from({ length: 12 }, (_, i) => ({ target: { path: path.join(dir, sub, `Dockerfile.${String(i * 4 + s).padStart(2, '0')}`), kind: 'dockerfile' as const, onDisk: true }, config: i % 2 })),
      );
      jobs.push({ target: { path: path.join(dir, 'd', 'Dockerfile.binary'), kind: 'dockerfile', onDisk: true }, config: 0 });
      const here = jobs.map((job) => lintOutcome(job.target, readText(job.target.path), workspace, configs[job.config]));
      const parallel = await lintInParallel(jobs, configs, 2);
      assert.deepStrictEqual(parallel, here);
      assert.ok(here.some((o) => 'findings' in o && o.findings.some((f) => f.rule === 'shell-form-cmd')));
      assert.ok('readError' in parallel[parallel.length - 1]);
    });

    it('lints the files marked for this thread here, the rest wherever, and keeps their order', async () => {
      const dir = project();
      const workspace = new DiskWorkspace([]);
      const configs: LintConfig[] = [{ enableAll: true }];
      const compose = { target: { path: path.join(dir, 'c', 'compose.yaml'), kind: 'compose' as const, onDisk: true }, config: 0, here: true };
      const jobs: PoolJob[] = Array.from({ length: 40 }, (_, i) => ({ target: { path: path.join(dir, 'abcd'[i % 4], `Dockerfile.${String(i).padStart(2, '0')}`), kind: 'dockerfile' as const, onDisk: true }, config: 0 }));
      jobs.splice(20, 0, compose);
      jobs.push(compose);
      const lintedHere: PoolJob[] = [];
      const lintHere = (job: PoolJob) => {
        lintedHere.push(job);
        return lintOutcome(job.target, readText(job.target.path), workspace, configs[job.config]);
      };
      const parallel = await lintInParallel(jobs, configs, 1, { lint: lintHere });
      assert.strictEqual(lintedHere.filter((job) => job === compose).length, 2);
      assert.deepStrictEqual(parallel, jobs.map((job) => lintOutcome(job.target, readText(job.target.path), workspace, configs[job.config])));
      assert.strictEqual((parallel[20] as { kind: string }).kind, 'compose');
    });

    it('lints everything here when no worker can start', async () => {
      const dir = project();
      const workspace = new DiskWorkspace([]);
      // A function cannot be handed to a worker thread, so starting one fails.
      const configs = [{ enableAll: true, uncloneable: () => undefined } as LintConfig];
      const jobs: PoolJob[] = Array.from({ length: 8 }, (_, i) => ({ target: { path: path.join(dir, 'abcd'[i % 4], `Dockerfile.${String(i).padStart(2, '0')}`), kind: 'dockerfile' as const, onDisk: true }, config: 0 }));
      let lintedHere = 0;
      const parallel = await lintInParallel(jobs, configs, 2, {
        ready: Promise.resolve(),
        lint: (job) => {
          lintedHere++;
          return lintOutcome(job.target, readText(job.target.path), workspace, configs[job.config]);
        },
      });
      assert.strictEqual(lintedHere, jobs.length);
      assert.deepStrictEqual(parallel, jobs.map((job) => lintOutcome(job.target, readText(job.target.path), workspace, configs[job.config])));
      await assert.rejects(lintInParallel(jobs, configs, 2), /worker/);
    });
  });
});
