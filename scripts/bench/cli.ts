import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from './lsp';
import { CORPUS, corpusFiles } from './inputs';
import { type Recorder, now, summary, percentile } from './stats';

/** The command-line tools over the whole corpus, each in a fresh process: wall time, files/s, peak RSS. */

interface RunResult {
  ms: number;
  peakRssMB: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[]): Promise<RunResult> {
  const rssFile = path.join(os.tmpdir(), `dockhand-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const preload = path.join(__dirname, 'peak-rss.js');
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, ['--require', preload, ...args], {
      cwd: REPO,
      env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = now() - t0;
      let peakRssMB = NaN;
      try {
        peakRssMB = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
        fs.rmSync(rssFile);
      } catch {
        // the process died before its exit hook
      }
      resolve({ ms, peakRssMB, code, stdout, stderr });
    });
  });
}

interface CliSpec {
  tool: string;
  kind: 'dockerfiles' | 'compose';
  args: (files: string[]) => string[];
  /** Files the tool could not lint (crashes), from its output. */
  crashes?: (r: RunResult) => number;
}

const DOCKHAND = path.join(REPO, 'dist', 'cli.js');

const SPECS: CliSpec[] = [
  { tool: 'dockhand', kind: 'dockerfiles', args: () => [DOCKHAND, 'lint', path.join(CORPUS, 'dockerfiles'), '--kind', 'dockerfile', '--enable-all', '--format', 'json', '--fail-level', 'none'], crashes: dockhandCrashes },
  { tool: 'parsers-only', kind: 'dockerfiles', args: (files) => [path.join(__dirname, 'parsers-only.js'), ...files] },
  { tool: 'dockerfilelint', kind: 'dockerfiles', args: (files) => [path.join(__dirname, 'dockerfilelint-driver.js'), ...files], crashes: (r) => Number(/crashes (\d+)/.exec(r.stderr)?.[1] ?? NaN) },
  { tool: 'dockhand', kind: 'compose', args: () => [DOCKHAND, 'lint', path.join(CORPUS, 'compose'), '--kind', 'compose', '--enable-all', '--format', 'json', '--fail-level', 'none'], crashes: dockhandCrashes },
  { tool: 'dclint', kind: 'compose', args: (files) => [path.join(REPO, 'node_modules', 'dclint', 'bin', 'dclint.cjs'), ...files, '-f', 'json'] },
];

/** Files our CLI could not lint: read errors, and rules that threw (reported on stderr). */
function dockhandCrashes(r: RunResult): number {
  const failures = (r.stderr.match(/failed on .* and was skipped/g) ?? []).length;
  return failures + (r.code === 0 ? 0 : 1);
}

export async function benchCli(rec: Recorder, runs: number, only?: string[]): Promise<void> {
  const medians = new Map<string, number>();
  for (const spec of SPECS) {
    if (only && !only.includes(spec.tool)) continue;
    const files = corpusFiles(spec.kind);
    const results: RunResult[] = [];
    // dclint takes minutes over the corpus: once is enough to know the ratio.
    const times = spec.tool === 'dclint' ? 1 : runs;
    for (let i = 0; i < times; i++) results.push(await runNode(spec.args(files)));
    const walls = results.map((r) => r.ms);
    const wall = percentile(walls, 50);
    medians.set(`${spec.tool}:${spec.kind}`, wall);
    const last = results[results.length - 1];
    rec.measure({
      name: `cli.corpus-${spec.kind}.wall`, tool: spec.tool, unit: 'ms', ...summary(walls),
      extra: {
        files: files.length,
        filesPerSecond: Math.round(files.length / (wall / 1000)),
        peakRssMB: Math.round(Math.max(...results.map((r) => r.peakRssMB)) * 10) / 10,
        crashes: spec.crashes ? spec.crashes(last) : 'n/a',
        exitCode: String(last.code),
      },
    });
  }
  const ratio = (kind: string, peer: string, target?: number, of = 'dockhand') => {
    const ours = medians.get(`${of}:${kind}`);
    const theirs = medians.get(`${peer}:${kind}`);
    if (ours === undefined || theirs === undefined) return;
    rec.ratio({ name: `cli.corpus-${kind}.wall`, ratio: ours / theirs, of, peer, ...(target === undefined ? {} : { target: `< ${target}`, pass: ours / theirs < target }) });
  };
  ratio('dockerfiles', 'dockerfilelint', 1);
  ratio('dockerfiles', 'dockerfilelint', undefined, 'parsers-only');
  ratio('compose', 'dclint', 0.1);
}
