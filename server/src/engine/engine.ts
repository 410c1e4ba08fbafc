import * as path from 'path';
import type { FileKind, Finding, Fix, RuleMeta, Severity } from './finding';
import { docsUrl } from './finding';
import type { LintConfig } from './config';
import { configuredSeverity, findingSeverity, ruleMayReport } from './config';
import type { Workspace } from './workspace';
import { MemoryWorkspace } from './workspace';
import { parseDockerfile } from './dockerfile/model';
import { BuildContextFacts } from './dockerfile/context';
import { initShellParser } from './dockerfile/shell';
import { syntaxFindings } from './dockerfile/syntax';
import { RuleReuse, type ReportSink } from './dockerfile/rule-reuse';
import { enabledByCheckDirective, isSuppressed, parseSuppressions, suppressesAnything, suppressionFixes, withCheckSeverity } from './dockerfile/suppress';
import { dockerfileRules } from './dockerfile/rules';
import type { ComposeRule, ComposeRuleContext, DockerfileRule, DockerfileRuleContext, Report } from './rule';
import { parseCompose } from './compose/model';
import { composeRules } from './compose/rules';
import { DEFAULT_MAX_FILE_BYTES, SLOW_RULE_MS, fileTooLargeFinding } from './limits';
import { composeIgnoreFixes, isComposeSuppressed, parseComposeSuppressions } from './compose/suppress';

export interface LintRequest {
  path: string;
  text: string;
  /** Forces the kind; otherwise it is detected from the file name and content. */
  kind?: FileKind;
  /** False for text that has no folder on disk around it (stdin). Default true. */
  onDisk?: boolean;
}

export interface RuleFailure {
  rule: string;
  error: unknown;
}

export interface SlowRule {
  rule: string;
  milliseconds: number;
}

export interface LintResult {
  path: string;
  kind: FileKind | undefined;
  findings: Finding[];
  /** Rules that threw: reported once to the log by adapters, never fatal. */
  failures: RuleFailure[];
  /** Rules that ran longer than SLOW_RULE_MS on this file: logged once by adapters. */
  slow: SlowRule[];
}

/** Loads what linting needs (the wasm shell parser). Call once before `lint`. */
export function initEngine(): Promise<void> {
  return initShellParser();
}

export const allRules: readonly (DockerfileRule | ComposeRule)[] = [...dockerfileRules, ...composeRules];
export const allRuleMetas: readonly RuleMeta[] = allRules.map((r) => r.meta);

const DOCKERFILE_NAME = /^(?:Dockerfile|Containerfile)(?:[.-].*)?$|\.(?:dockerfile|containerfile)$/i;
const COMPOSE_NAME = /^(?:(?:docker-)?compose[^/]*|[^/]*docker[-_.]?compose[^/]*)\.ya?ml$/i;

export function detectKind(file: string): FileKind | undefined {
  const base = path.basename(file);
  if (COMPOSE_NAME.test(base)) return 'compose';
  if (DOCKERFILE_NAME.test(base) && !/\.(dockerignore|ya?ml|json|md|txt|sh)$/i.test(base)) return 'dockerfile';
  return undefined;
}

export interface LintOptions {
  /** The Dockerfile rules to run instead of every rule (tests, benchmarks). */
  rules?: readonly DockerfileRule[];
  /** The Compose rules to run instead of every rule. */
  composeRules?: readonly ComposeRule[];
  /** Files longer than this (in characters) get one `file-too-large` finding instead of the rules. */
  maxFileBytes?: number;
  /**
   * The text is a document being edited (the server): keep from its first lint on what its next
   * version can reuse. Otherwise a file starts keeping only when it is linted a second time.
   */
  editing?: boolean;
}

export function lint(
  request: LintRequest,
  workspace: Workspace = new MemoryWorkspace(),
  config: LintConfig = {},
  options: LintOptions = {},
): LintResult {
  const kind = request.kind ?? detectKind(request.path);
  const result: LintResult = { path: request.path, kind, findings: [], failures: [], slow: [] };
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (kind !== undefined && request.text.length > limit) {
    result.findings.push(fileTooLargeFinding(request.text, limit));
    return result;
  }
  if (kind === 'dockerfile') lintDockerfile(request, workspace, config, options.rules ?? dockerfileRules, result, options.editing === true);
  else if (kind === 'compose') lintComposeFile(request, workspace, config, options.composeRules ?? composeRules, result);
  result.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  return result;
}

function lintDockerfile(
  request: LintRequest,
  workspace: Workspace,
  config: LintConfig,
  rules: readonly DockerfileRule[],
  result: LintResult,
  editing: boolean,
): void {
  const model = parseDockerfile(request.path, request.text);
  const findings: Finding[] = syntaxFindings(model);
  const build = new BuildContextFacts(workspace, path.resolve(request.path), request.onDisk !== false);
  const suppressions = parseSuppressions(model, isKnownRuleId);
  const runner = new RuleRunner<DockerfileRuleContext>({ model, workspace, build, config }, result);
  const reuse = new RuleReuse(request.path, model, config, request.onDisk !== false, rules, editing);
  for (const entry of entriesOf(rules)) {
    const meta = entry.meta;
    // `# check=experimental=<check>` turns on an experimental check unless the user set it.
    const forced = enabledByCheckDirective(suppressions, meta) && configuredSeverity(meta, config) === undefined;
    if (!forced && !ruleMayReport(meta, config)) continue;
    const reports = runDockerfileRule(entry, runner, reuse);
    for (const report of reports) {
      // Judged finding by finding: `ignored: [DL3007]` drops the DL3007 findings of a rule that also reports DL3006.
      const severity = forced ? report.severity ?? meta.severity : findingSeverity(meta, config, report);
      if (severity !== 'off') findings.push(toFinding(meta, report, severity));
    }
  }
  if (!suppressesAnything(suppressions)) result.findings.push(...findings);
  else result.findings.push(...findings.filter((f) => !isSuppressed(suppressions, f)).map((f) => withCheckSeverity(suppressions, f)));
}

/**
 * What the engine reads from a rule on every file, read once per rule list: the rules are object
 * literals of many shapes, and reading their properties file after file is slow (megamorphic).
 */
interface RuleEntry {
  readonly rule: DockerfileRule;
  readonly meta: RuleMeta;
  readonly checkRun: DockerfileRule['checkRun'];
}

const ruleEntries = new WeakMap<readonly DockerfileRule[], readonly RuleEntry[]>();

function entriesOf(rules: readonly DockerfileRule[]): readonly RuleEntry[] {
  let entries = ruleEntries.get(rules);
  if (!entries) ruleEntries.set(rules, entries = rules.map((rule) => ({ rule, meta: rule.meta, checkRun: rule.checkRun })));
  return entries;
}

/** A rule's reports on this version: kept from the previous version where they hold, found anew elsewhere. */
function runDockerfileRule(entry: RuleEntry, runner: RuleRunner<DockerfileRuleContext>, reuse: RuleReuse): readonly Report[] {
  const { rule, checkRun } = entry;
  // Nothing to keep or note (every file of a CLI run): the rule runs plainly, with no closure, and
  // its reuse key, which may read the build context (package.json), is not asked for.
  if (reuse.keepsNothing) return checkRun ? runner.runEachSite(entry, checkRun, reuse.runSites) : runner.run(entry);
  const reports = runner.run(entry, (context) => {
    const keep = reuse.begin(rule, rule.reuseKey?.(context));
    const kept = keep ? reuse.kept(rule) : undefined;
    if (kept) for (const report of kept) runner.push(report);
    else if (checkRun) reuse.eachRun(rule, keep, runner, (site) => checkRun.call(rule, context, site));
    else rule.check(context);
  });
  if (!runner.failed) {
    reuse.remember(rule, reports);
    if (checkRun) reuse.checkedEveryRun(rule);
  }
  return reports;
}

let knownRuleIds: Set<string> | undefined;

/** Rule ids and peer codes (lower case) that suppression comments may name. */
function isKnownRuleId(id: string): boolean {
  knownRuleIds ??= new Set(dockerfileRules.flatMap((r) => [r.meta.id, ...r.meta.equivalents].map((code) => code.toLowerCase())));
  return knownRuleIds.has(id) || /^(?:dl|sc)\d{4}$/.test(id);
}

/** Code actions that silence a finding with a comment ("for this instruction", "in this file"). */
export function ignoreFixes(request: LintRequest, finding: Finding): Fix[] {
  const kind = request.kind ?? detectKind(request.path);
  if (finding.rule === 'parse-error') return [];
  if (kind === 'compose') return composeIgnoreFixes(parseCompose(request.path, request.text), finding);
  if (kind !== 'dockerfile') return [];
  return suppressionFixes(parseDockerfile(request.path, request.text), finding);
}

function lintComposeFile(
  request: LintRequest,
  workspace: Workspace,
  config: LintConfig,
  rules: readonly ComposeRule[],
  result: LintResult,
): void {
  const model = parseCompose(request.path, request.text);
  const parseError = (range: Finding['range'], message: string): Finding =>
    ({ rule: 'parse-error', severity: 'error', message, range, equivalents: [], docs: docsUrl('parse-error'), fixes: [] });
  result.findings.push(...model.syntaxErrors.map((e) => parseError(e.range, e.message)));
  if (model.refused) {
    result.findings.push(parseError({ start: { line: 0, character: 0 }, end: { line: 0, character: model.lines.lineText(0).length } }, model.refused));
    return;
  }
  const onDisk = request.onDisk !== false;
  // In a file YAML cannot fully read, a fix's edit may land in what the parser misread and leave
  // the file worse: findings are still shown, their fixes wait until the syntax errors are gone.
  const fixable = !model.misread;
  const findings: Finding[] = [];
  const runner = new RuleRunner<ComposeRuleContext>({ model, workspace, onDisk }, result);
  for (const rule of rules) {
    if (!ruleMayReport(rule.meta, config)) continue;
    for (const report of runner.run({ rule, meta: rule.meta })) {
      const severity = findingSeverity(rule.meta, config, report);
      if (severity !== 'off') findings.push(toFinding(rule.meta, fixable ? report : { ...report, fixes: [] }, severity));
    }
  }
  const suppressions = parseComposeSuppressions(model);
  result.findings.push(...findings.filter((f) => !isComposeSuppressed(suppressions, f)));
}

/**
 * Runs the rules of one file over one context object (a rule's reports go to whichever rule runs
 * now): no closure, context or array per rule and file. A rule that throws is recorded as a
 * failure and its partial reports are dropped; one slower than SLOW_RULE_MS is recorded too.
 */
class RuleRunner<C extends { report(report: Report): void }> implements ReportSink {
  /** The running rule's reports; made at its first (most rules report nothing on most files). */
  private reports: Report[] | undefined;
  private readonly context: C;
  /** Whether the last rule run threw. */
  failed = false;

  constructor(facts: Omit<C, 'report'>, private readonly result: LintResult) {
    this.context = { ...facts, report: (report: Report) => this.push(report) } as C;
  }

  /** Runs the rule's check, or `body` in its place, over this file's context. */
  run(entry: { rule: { check(context: C): void }; meta: RuleMeta }, body?: (context: C) => void): readonly Report[] {
    this.reports = undefined;
    this.failed = false;
    const started = performance.now();
    try {
      if (body) body(this.context);
      else entry.rule.check(this.context);
    } catch (error) {
      return this.fail(entry.meta, error);
    } finally {
      this.timed(entry.meta, started);
    }
    return this.reports ?? NO_REPORTS;
  }

  /** Runs a rule's `checkRun` on each RUN, in order, over this file's context. */
  runEachSite<S>(entry: { rule: unknown; meta: RuleMeta }, checkRun: (this: unknown, context: C, site: S) => void, sites: readonly S[]): readonly Report[] {
    this.reports = undefined;
    this.failed = false;
    const started = performance.now();
    try {
      for (const site of sites) checkRun.call(entry.rule, this.context, site);
    } catch (error) {
      return this.fail(entry.meta, error);
    } finally {
      this.timed(entry.meta, started);
    }
    return this.reports ?? NO_REPORTS;
  }

  private fail(meta: RuleMeta, error: unknown): readonly Report[] {
    this.failed = true;
    this.result.failures.push({ rule: meta.id, error });
    return [];
  }

  private timed(meta: RuleMeta, started: number): void {
    const milliseconds = performance.now() - started;
    if (milliseconds > SLOW_RULE_MS) this.result.slow.push({ rule: meta.id, milliseconds });
  }

  push(report: Report): void {
    (this.reports ??= []).push(report);
  }

  count(): number {
    return this.reports?.length ?? 0;
  }

  since(start: number): Report[] {
    return this.reports?.slice(start) ?? [];
  }
}

const NO_REPORTS: readonly Report[] = Object.freeze([]);

function toFinding(meta: RuleMeta, report: Report, severity: Severity): Finding {
  const fixes: Fix[] = report.fixes ?? [];
  return {
    rule: meta.id,
    severity,
    message: report.message,
    range: report.range,
    equivalents: report.equivalents ?? meta.equivalents,
    docs: docsUrl(meta.id),
    fixes,
  };
}
