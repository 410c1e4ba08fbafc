import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allRuleMetas, detectKind, initEngine } from '../engine/engine';
import type { Finding, RuleMeta } from '../engine/finding';
import { SEVERITY_ORDER, docsUrl } from '../engine/finding';
import type { LintConfig } from '../engine/config';
import { DiskWorkspace } from '../engine/workspace';
import { parseErrorMeta, readErrorMeta } from '../engine/dockerfile/syntax';
import { ConfigLookup, loadConfigFile } from './config';
import { collectTargets, decodeText, readText, type ReadResult, type Target } from './files';
import { FixPlan } from './fix';
import { lintOutcome, type LintTarget } from './lint-outcome';
import { lintInParallel } from './lint-pool';
import type { FailLevel, LintOptions } from './options';
import { parseLintOptions } from './options';
import type { FileReport } from './report';
import { countBySeverity, displayPath } from './report';
import { formatCheckstyle } from './format-checkstyle';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';

const MAX_FIX_PASSES = 5;

export interface LintCommandContext {
  version: string;
  help: string;
}

/** A file to lint with where its text comes from. */
interface Input extends Target {
  /** Text given on stdin; otherwise read from disk (or from the fixes planned so far). */
  text?: string;
  onDisk: boolean;
}

/** `dockhand lint`: see docs/cli.md. Returns the exit code. */
export async function lintCommand(args: string[], context: LintCommandContext): Promise<number> {
  const options = parseLintOptions(args, process.env, process.stdout.isTTY === true);
  if (options.help) {
    process.stdout.write(context.help + '\n');
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${context.version}\n`);
    return 0;
  }
  warnAboutUnknownRules(options.rules);
  const explicitConfig = options.config === undefined ? undefined : loadConfigFile(options.config);

  let missing = 0;
  let inputs: Input[];
  let roots: string[];
  if (options.stdin) {
    const read = decodeText(await readStdin());
    const name = options.stdinFilename ?? '<stdin>';
    const kind = options.kind ?? detectKind(name) ?? (/\.ya?ml$/i.test(name) ? 'compose' : 'dockerfile');
    const folder = path.dirname(path.resolve(name));
    if ('error' in read) return reportStdinError(read.error);
    inputs = [{ path: name, kind, text: read.text, onDisk: options.stdinFilename !== undefined && isFolder(folder) }];
    roots = [folder];
  } else {
    const collected = collectTargets(options.inputs, options.kind, (input) => {
      missing++;
      process.stderr.write(`dockhand: no such file or directory: ${input} (check the path)\n`);
    });
    inputs = collected.targets.map((t) => ({ ...t, onDisk: true }));
    roots = collected.roots;
    if (inputs.length === 0 && missing > 0) return 2;
    if (inputs.length === 0) process.stderr.write(`dockhand: no Dockerfile or Compose file found in ${options.inputs.join(', ')} (name a file, or use --kind)\n`);
  }

  // Loading the shell parser overlaps with starting the lint workers, which load their own.
  const engineReady = initEngine();
  engineReady.catch(() => undefined);
  const disk = new DiskWorkspace([]);
  const plan = options.fix || options.fixDryRun ? new FixPlan(roots) : undefined;
  const workspace = plan ? plan.view(disk) : disk;
  const cliConfig: LintConfig = { rules: options.rules, enableAll: options.enableAll || undefined };
  const configs = new ConfigLookup(explicitConfig, cliConfig, workspace, plan === undefined);
  const textOf = (input: Input): ReadResult => {
    const planned = plan?.planned(input.path);
    if (planned !== undefined) return { text: planned };
    return input.text !== undefined ? { text: input.text } : readText(input.path);
  };

  if (plan) {
    await engineReady;
    // A fix in one file can make another file fixable (a Compose fix adds EXPOSE, which lets the
    // Dockerfile get a HEALTHCHECK): go over the files again until a pass applies nothing.
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      let applied = 0;
      for (const input of inputs) {
        const read = textOf(input);
        if ('error' in read) continue;
        applied += plan.fix({ path: path.resolve(input.path), text: read.text, kind: input.kind, onDisk: input.onDisk }, workspace, configs.announced(input.path)).length;
      }
      if (applied === 0 || inputs.length === 1) break;
    }
  }

  // Compose files stay on this thread: a worker would first spend ~0.8 s compiling the Compose schema.
  const threads = plan || options.stdin ? 1 : threadCount(options.jobs, inputs.filter((input) => input.kind !== 'compose').length);
  const outcomes =
    threads > 1
      ? await lintInParallel(inputs.map((input) => ({ target: targetOf(input), config: configs.idOf(input.path), here: input.kind === 'compose' })), configs.all(), threads - 1, {
          ready: engineReady,
          lint: (job) => lintOutcome(job.target, readText(job.target.path), workspace, configs.all()[job.config]),
        })
      : await engineReady.then(() => inputs.map((input) => lintOutcome(targetOf(input), textOf(input), workspace, configs.of(input.path))));

  const reports: (FileReport & { failLevel: FailLevel })[] = [];
  const reportedFailures = new Set<string>();
  inputs.forEach((input, i) => {
    const outcome = outcomes[i];
    if ('readError' in outcome) {
      process.stderr.write(`dockhand: ${displayPath(input.path)} ${outcome.readError}\n`);
      reports.push({ path: input.path, kind: input.kind, findings: [readError(outcome.readError)], failLevel: options.failLevel ?? 'error' });
      return;
    }
    const config = configs.announced(input.path);
    for (const failure of outcome.failures) {
      const line = `dockhand: rule ${failure.rule} failed on ${displayPath(input.path)} and was skipped: ${failure.message} (please report this)`;
      if (!reportedFailures.has(line)) process.stderr.write(line + '\n');
      reportedFailures.add(line);
    }
    const findings = options.quiet ? outcome.findings.filter((f) => f.severity === 'error') : outcome.findings;
    const failLevel = options.failLevel ?? (config.failLevel === 'off' ? 'none' : config.failLevel) ?? 'error';
    reports.push({ path: input.path, kind: outcome.kind ?? input.kind, findings, failLevel });
  });

  let writeFailed = false;
  if (plan) {
    const log = options.format === 'stylish' && !options.fixDryRun ? process.stdout : process.stderr;
    if (options.fix) {
      const failures = plan.write();
      for (const failure of failures) process.stderr.write(`dockhand: ${failure} (check the permissions)\n`);
      if (failures.length > 0) writeFailed = true;
    } else {
      process.stdout.write(plan.diff());
    }
    const summary = plan.summary();
    for (const line of summary) log.write(`${options.fix ? '' : 'dry run: '}${line}\n`);
    if (summary.length > 0 && log === process.stdout) log.write('\n');
  }
  if (!options.fixDryRun) process.stdout.write(render(options, reports, context.version));

  const failing = reports.some((r) => r.failLevel !== 'none' && r.findings.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[r.failLevel as keyof typeof SEVERITY_ORDER]));
  const warnings = countBySeverity(reports).warning;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`dockhand: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  return missing > 0 || writeFailed ? 2 : failing || tooManyWarnings ? 1 : 0;
}

function render(options: LintOptions, reports: readonly FileReport[], version: string): string {
  switch (options.format) {
    case 'json':
      return formatJson(reports) + '\n';
    case 'sarif':
      return formatSarif(reports, { version, rules: [...allRuleMetas, parseErrorMeta, readErrorMeta] }) + '\n';
    case 'github': {
      const text = formatGithub(reports);
      return text ? text + '\n' : '';
    }
    case 'checkstyle':
      return formatCheckstyle(reports) + '\n';
    case 'junit':
      return formatJunit(reports) + '\n';
    case 'stylish':
      return formatStylish(reports, options.colour) + '\n';
  }
}

/** Ids that look like ours (kebab-case) but name no rule are likely typos; peer codes we do not implement are fine. */
function warnAboutUnknownRules(rules: Record<string, string>): void {
  const known = new Set<string>([parseErrorMeta.id, readErrorMeta.id]);
  for (const meta of allRuleMetas as readonly RuleMeta[]) {
    known.add(meta.id);
    for (const code of meta.equivalents) known.add(code.toLowerCase());
  }
  for (const id of Object.keys(rules)) {
    if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(id) && !known.has(id)) {
      process.stderr.write(`dockhand: unknown rule '${id}' (see dockhand rules for the ids)\n`);
    }
  }
}

function readError(reason: string): Finding {
  return {
    rule: readErrorMeta.id,
    severity: 'error',
    message: `This file ${reason}.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    equivalents: [],
    docs: docsUrl(readErrorMeta.id),
    fixes: [],
  };
}

function reportStdinError(reason: string): number {
  process.stderr.write(`dockhand: standard input ${reason}\n`);
  return 2;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

function targetOf(input: Input): LintTarget {
  return { path: input.path, kind: input.kind, onDisk: input.onDisk };
}

/**
 * Below this many files per thread, starting a worker (loading the engine again) costs more than
 * it saves.
 */
const MIN_FILES_PER_THREAD = 16;
/** Each thread loads its own engine (tens of MB): beyond this, more cores save little and cost memory. */
const MAX_DEFAULT_THREADS = 8;

/**
 * Threads to lint on: `--jobs`, else one per core but one (up to MAX_DEFAULT_THREADS) as long as
 * each gets enough files. V8 compiles hot code and collects garbage on other threads, about as
 * much CPU again as the lint: on 2 cores a second lint thread took that core from them and made
 * the corpus run slower (wall and CPU), so the default leaves them a core.
 */
function threadCount(jobs: number | undefined, files: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  return Math.max(1, Math.min(os.availableParallelism() - 1, MAX_DEFAULT_THREADS, Math.floor(files / MIN_FILES_PER_THREAD)));
}
