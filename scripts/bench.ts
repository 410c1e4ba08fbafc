/**
 * `npm run bench`: Dockhand beside its peers, on the shared corpus and on generated large files.
 * Prints one JSON line per measurement (and per Dockhand/peer ratio).
 *   --quick       a smoke run: fewer passes, edits and files (figures are not for the record)
 *   --markdown    also write docs/performance.md
 *   --only a,b    run only these sections: engine, keystroke, lsp, cli, features
 *   --from f      write docs/performance.md from the JSON lines of an earlier run (saved stdout)
 * Needs `node esbuild.js` first (the server and CLI figures run the bundles in dist/).
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parseArgs } from 'util';
import { initEngine } from '../server/src/engine/engine';
import { Recorder, type BenchLine } from './bench/stats';
import { benchEngineCorpus, benchEngineKeystrokes } from './bench/engine';
import { benchServers } from './bench/server';
import { benchCli } from './bench/cli';
import { machine, markdown } from './bench/markdown';
import { REPO } from './bench/lsp';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      only: { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (values.from) {
    // Regenerate docs/performance.md from the JSON lines of an earlier run, measuring nothing.
    const rec = new Recorder();
    for (const line of fs.readFileSync(values.from, 'utf8').split('\n')) if (line.trim()) rec.lines.push(JSON.parse(line) as BenchLine);
    fs.writeFileSync(path.join(REPO, 'docs', 'performance.md'), markdown(rec, 'npm run bench -- --markdown'));
    return;
  }
  const quick = values.quick;
  const sections = new Set((values.only ?? 'engine,keystroke,lsp,cli,features').split(','));
  const rec = new Recorder();
  rec.info({ machine: machine(), quick });
  for (const bundle of ['server.js', 'cli.js']) {
    if (!fs.existsSync(path.join(REPO, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run \`node esbuild.js\` first`);
  }
  await initEngine();
  const sizes = { dockerfiles: [50, 500, 5000], compose: [10, 100, 1000] };
  const edits = quick ? 10 : 50;
  if (sections.has('engine')) benchEngineCorpus(rec, quick ? 1 : 5);
  if (sections.has('keystroke')) benchEngineKeystrokes(rec, sizes, edits);
  if (sections.has('lsp')) await benchServers(rec, sizes, edits, quick ? 20 : 100);
  if (sections.has('cli')) await benchCli(rec, quick ? 1 : 3);
  if (sections.has('features')) languageFeatures(rec, quick);
  if (values.markdown) {
    const file = path.join(REPO, 'docs', 'performance.md');
    fs.writeFileSync(file, markdown(rec, `npm run bench -- --markdown${quick ? ' --quick' : ''}`));
    process.stderr.write(`bench: wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

/** The language-feature bench (completion, hover), when it exists: its JSON lines join ours. */
function languageFeatures(rec: Recorder, quick: boolean): void {
  const script = path.join(__dirname, 'bench-language-features.js');
  if (!fs.existsSync(script)) return;
  const run = spawnSync(process.execPath, [script, ...(quick ? ['--quick'] : [])], { cwd: REPO, encoding: 'utf8', timeout: 600000 });
  for (const line of (run.stdout ?? '').split('\n')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (parsed && typeof parsed === 'object' && typeof (parsed as { name?: unknown }).name === 'string' && typeof (parsed as { median?: unknown }).median === 'number') {
      const m = parsed as { name: string; tool?: string; unit?: string; median: number; p95?: number; n?: number };
      rec.measure({ name: m.name, tool: m.tool ?? 'dockhand', unit: (m.unit as 'ms') ?? 'ms', median: m.median, p95: m.p95 ?? m.median, n: m.n ?? 1 });
    }
  }
  if (run.status !== 0) rec.info({ note: `bench-language-features exited with ${run.status}: ${(run.stderr ?? '').split('\n')[0]}` });
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
