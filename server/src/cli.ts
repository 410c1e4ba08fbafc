import * as path from 'path';
import { parseArgs } from 'util';
import { initEngine, lint, allRuleMetas } from './engine/engine';
import type { FileKind, Finding, Severity, SeveritySetting } from './engine/finding';
import { SEVERITY_ORDER, docsPath, docsUrl } from './engine/finding';
import type { LintConfig } from './engine/config';
import { isSeveritySetting } from './engine/config';
import { loadConfigFiles, mergeConfig } from './engine/config-files';
import { DiskWorkspace } from './engine/workspace';
import { readErrorMeta } from './engine/dockerfile/syntax';
import { collectTargets, readText } from './cli/files';
import { formatJson, formatStylish, displayPath, type FileReport } from './cli/format';

declare const DOCKHAND_VERSION: string | undefined;
const VERSION = typeof DOCKHAND_VERSION === 'string' ? DOCKHAND_VERSION : '0.1.0';

const HELP = `dockhand ${VERSION} — Dockerfile and Docker Compose best practices, with fixes

Usage:
  dockhand lint [paths...] [options]   lint files, or folders searched for Dockerfiles and Compose files
  dockhand rules [--format table|json] list every rule
  dockhand --version | --help

Lint options:
  --format stylish|json      output format (default: stylish)
  --fail-level <level>       exit 1 when a finding is at or above: error|warning|information|hint|none (default: error)
  --kind dockerfile|compose  treat every path given as this kind
  --enable-all               turn on every rule, including those off by default
  --rule <id>=<severity>     set a rule's severity (id or peer code, e.g. DL3008=off); repeatable
  --no-color                 plain output (also when NO_COLOR is set or output is not a terminal)

Config: .dockhand.yaml and .hadolint.yaml are found by walking up from each file; --rule wins over them.
Exit codes: 0 no finding at or above the fail level, 1 some, 2 usage error.`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'lint') return lintCommand(rest);
  if (command === 'rules') return rulesCommand(rest);
  fail(`unknown command '${command}': use 'dockhand lint [paths]' or 'dockhand rules' (see dockhand --help)`);
}

async function lintCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'fail-level': { type: 'string' },
      kind: { type: 'string' },
      'enable-all': { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      'no-color': { type: 'boolean', default: false },
      color: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const format = values.format;
  if (format !== 'stylish' && format !== 'json') fail(`unknown format '${format}': use stylish or json`);
  const kind = values.kind as FileKind | undefined;
  if (kind !== undefined && kind !== 'dockerfile' && kind !== 'compose') fail(`unknown kind '${kind}': use dockerfile or compose`);
  const failLevel = values['fail-level'];
  if (failLevel !== undefined && failLevel !== 'none' && !(failLevel in SEVERITY_ORDER)) {
    fail(`unknown fail level '${failLevel}': use error, warning, information, hint or none`);
  }
  const overrides: Record<string, SeveritySetting> = {};
  for (const spec of values.rule ?? []) {
    const [id, level] = spec.split('=');
    if (!id || !isSeveritySetting(level)) fail(`--rule '${spec}' should be <rule-id>=<off|hint|information|warning|error>`);
    overrides[id] = level;
  }
  const cli: LintConfig = { rules: overrides, enableAll: values['enable-all'] || undefined };

  let missing = 0;
  const inputs = positionals.length > 0 ? positionals : ['.'];
  const targets = collectTargets(inputs, kind, (input) => {
    missing++;
    process.stderr.write(`dockhand: no such file or directory: ${input} (check the path)\n`);
  });
  if (targets.length === 0 && missing > 0) return 2;
  if (targets.length === 0) process.stderr.write(`dockhand: no Dockerfile or Compose file found in ${inputs.join(', ')}\n`);

  await initEngine();
  const workspace = new DiskWorkspace([]);
  const reports: FileReport[] = [];
  let threshold: Severity | 'none' | undefined = failLevel as Severity | 'none' | undefined;
  const reportedConfigErrors = new Set<string>();
  for (const target of targets) {
    const read = readText(target.path);
    if ('error' in read) {
      process.stderr.write(`dockhand: ${displayPath(target.path)} ${read.error}\n`);
      reports.push({ path: target.path, kind: target.kind, findings: [readError(read.error)] });
      continue;
    }
    const files = loadConfigFiles(target.path, workspace);
    for (const error of files.errors) {
      if (reportedConfigErrors.has(error.message)) continue;
      reportedConfigErrors.add(error.message);
      process.stderr.write(`dockhand: ${displayPath(error.path)}: ${error.message}\n`);
    }
    const config = mergeConfig(files.config, cli);
    threshold ??= config.failLevel === 'off' ? 'none' : (config.failLevel as Severity | undefined);
    const result = lint({ path: path.resolve(target.path), text: read.text, kind: target.kind }, workspace, config);
    for (const failure of result.failures) {
      process.stderr.write(`dockhand: rule ${failure.rule} failed on ${displayPath(target.path)} and was skipped: ${String((failure.error as Error)?.message ?? failure.error)} (please report this)\n`);
    }
    reports.push({ path: target.path, kind: result.kind ?? target.kind, findings: result.findings });
  }
  const colour = !values['no-color'] && (values.color || (process.stdout.isTTY === true && !process.env.NO_COLOR));
  process.stdout.write((format === 'json' ? formatJson(reports) : formatStylish(reports, colour)) + '\n');
  const level = threshold ?? 'error';
  const failing = level !== 'none' && reports.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[level]));
  return missing > 0 ? 2 : failing ? 1 : 0;
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

function rulesCommand(args: string[]): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'table' } } });
  const rules = allRuleMetas.map((m) => ({
    id: m.id,
    kind: m.kind,
    severity: m.severity,
    enabledByDefault: m.enabledByDefault,
    fixable: m.fixable,
    equivalents: [...m.equivalents],
    docs: docsPath(m.id),
  }));
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(rules) + '\n');
    return 0;
  }
  if (values.format !== 'table') fail(`unknown format '${values.format}': use table or json`);
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) {
    const flags = `${r.kind.padEnd(10)} ${r.severity.padEnd(11)} ${r.enabledByDefault ? 'on ' : 'off'} ${r.fixable ? 'fix' : '   '}`;
    process.stdout.write(`${r.id.padEnd(width)}  ${flags}  ${r.equivalents.join(', ')}\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
        process.stderr.write(`dockhand: ${(error as Error).message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`dockhand: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
        process.exitCode = 2;
      }
    },
  );
}
