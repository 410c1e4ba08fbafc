/**
 * Property-based and mutation fuzzing of the engine (fast-check, fixed seed, time budget).
 * Inputs: Dockerfiles and Compose files generated from small grammars, and byte/line mutations
 * of every file in ../shared/corpus (dockerfiles, compose, odd) when it is there.
 * Properties: lint never throws and returns within a bound; no rule fails; every finding's range
 * lies inside the document; every fix's edits are in range, non-overlapping, apply cleanly, keep
 * the text outside them, and leave a document without new parse errors; fix-all reaches a fixed
 * point.
 * Usage: node out/scripts/fuzz.js [--seconds N] [--seed N] [--workers N] [--json]
 * Exits 1 on a property violation and prints the smallest input fast-check found.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { spawn } from 'child_process';
import fc from 'fast-check';
import { initEngine } from '../server/src/engine/engine';
import { fuzzDockerfile, fuzzCompose } from './fuzz/generators';
import { mutatedCorpus } from './fuzz/mutations';
import { checkInput, type FuzzInput, type Violation } from './fuzz/properties';
import { billionLaughsCompose, megabyteLine } from './fuzz/hostile';
import { lint } from '../server/src/engine/engine';
import { MemoryWorkspace } from '../server/src/engine/workspace';

const SHARED = process.env.DOCKHAND_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');

function corpusTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const folder of ['dockerfiles', 'compose', 'odd']) {
    const dir = path.join(SHARED, 'corpus', folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) out.push({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') });
  }
  return out;
}

/** The inputs issue 8 names, timed: each must come back within a second with a clear finding. */
function hostileTimings(): { input: string; ms: number; findings: string[] }[] {
  const inputs: [string, FuzzInput][] = [
    ['billion-laughs compose', billionLaughsCompose()],
    ['1 MB-line Dockerfile', megabyteLine('dockerfile')],
    ['1 MB-line compose', megabyteLine('compose')],
  ];
  return inputs.map(([name, input]) => {
    const started = performance.now();
    const result = lint({ path: input.path, text: input.text, kind: input.kind }, new MemoryWorkspace({}, ['/fuzz']), {});
    const ms = Math.round(performance.now() - started);
    return { input: name, ms, findings: result.findings.map((f) => `${f.rule}: ${f.message.slice(0, 70)}`) };
  });
}

/** One process per core, each with its own seed (seed, seed+1, …); the totals are summed. */
async function runWorkers(count: number, budget: number, seed: number, json: boolean): Promise<number> {
  let seconds = budget;
  const runs = Array.from({ length: count }, (_, i) => new Promise<{ code: number; summary?: { inputs: number; violations: number } }>((resolve) => {
    const child = spawn(process.execPath, [__filename, '--seconds', String(budget), '--seed', String(seed + i), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      if (i === 0) for (const line of lines.filter((l) => 'input' in l)) console.log(json ? JSON.stringify(line) : `fuzz: ${String(line.input)}: ${String(line.ms)} ms`);
      resolve({ code: code ?? 1, summary: lines.find((l) => 'inputs' in l) as { inputs: number; violations: number } | undefined });
    });
  }));
  const started = Date.now();
  const results = await Promise.all(runs);
  seconds = Math.round((Date.now() - started) / 100) / 10;
  const inputs = results.reduce((n, r) => n + (r.summary?.inputs ?? 0), 0);
  const violations = results.reduce((n, r) => n + (r.summary?.violations ?? 0), 0);
  const summary = { workers: count, seeds: `${seed}..${seed + count - 1}`, seconds, inputs, inputsPerSecond: Math.round(inputs / seconds), violations };
  console.log(json ? JSON.stringify(summary) : `fuzz: ${inputs} inputs in ${seconds} s over ${count} workers (${summary.inputsPerSecond}/s), seeds ${summary.seeds}, ${violations} violation(s)`);
  return results.some((r) => r.code !== 0) ? 1 : 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      seed: { type: 'string', default: '20261201' },
      json: { type: 'boolean', default: false },
      workers: { type: 'string', default: '1' },
    },
  });
  const workers = Math.max(1, Number(values.workers));
  if (workers > 1) {
    process.exitCode = await runWorkers(workers, Number(values.seconds), Number(values.seed), values.json ?? false);
    return;
  }
  await initEngine();
  const budgetMs = Number(values.seconds) * 1000;
  const seed = Number(values.seed);
  const corpus = corpusTexts();
  if (corpus.length === 0) console.error(`fuzz: no corpus at ${path.join(SHARED, 'corpus')}; fuzzing generated inputs only`);

  const hostile = hostileTimings();
  if (values.json) for (const h of hostile) console.log(JSON.stringify(h));
  else for (const h of hostile) console.log(`fuzz: ${h.input}: ${h.ms} ms, ${h.findings.join('; ')}`);

  const arbitraries: fc.Arbitrary<FuzzInput>[] = [fuzzDockerfile(), fuzzCompose()];
  if (corpus.length > 0) arbitraries.push(mutatedCorpus(corpus));
  const input = fc.oneof(...arbitraries);

  let tried = 0;
  let lastViolation: Violation | undefined;
  const started = Date.now();
  const property = fc.property(input, fc.nat(), (candidate, pick) => {
    tried++;
    // The costlier fix properties run on one input in sixteen, to keep throughput high.
    const violation = checkInput(candidate, { fixes: pick % 16 === 0 });
    if (violation) {
      lastViolation = violation;
      return false;
    }
    return true;
  });
  const details = fc.check(property, {
    seed,
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: budgetMs,
    markInterruptAsFailure: false,
    endOnFailure: false,
  });
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    seed,
    seconds: Number(seconds.toFixed(1)),
    inputs: tried,
    inputsPerSecond: Math.round(tried / seconds),
    corpusFiles: corpus.length,
    violations: details.failed ? 1 : 0,
  };
  if (values.json) console.log(JSON.stringify(summary));
  else console.log(`fuzz: ${summary.inputs} inputs in ${summary.seconds} s (${summary.inputsPerSecond}/s), seed ${seed}, ${summary.violations} violation(s)`);
  if (details.failed) {
    const [smallest] = (details.counterexample ?? []) as unknown as [FuzzInput | undefined];
    console.error(`fuzz: property violated after shrinking (${details.numShrinks} shrinks): ${lastViolation?.property ?? 'unknown'}`);
    if (smallest) {
      const again = checkInput(smallest, { fixes: true });
      console.error(`  property: ${again?.property ?? lastViolation?.property}\n  detail: ${again?.detail ?? lastViolation?.detail}`);
      console.error(`  input (${smallest.kind}, ${smallest.path}): ${JSON.stringify(smallest.text).slice(0, 4000)}`);
    }
    console.error(`  replay: node out/scripts/fuzz.js --seed ${seed} (path ${details.counterexamplePath})`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`fuzz: ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 2;
});
