import { parseArgs } from 'util';
import type { FileKind, Severity, SeveritySetting } from '../engine/finding';
import { SEVERITY_ORDER } from '../engine/finding';
import { isSeveritySetting } from '../engine/config';
import { fail } from './usage';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'checkstyle', 'junit'] as const;
export type Format = (typeof FORMATS)[number];
export type FailLevel = Severity | 'none';

export interface LintOptions {
  inputs: string[];
  format: Format;
  failLevel: FailLevel | undefined;
  maxWarnings: number | undefined;
  kind: FileKind | undefined;
  enableAll: boolean;
  /** `--rule id=severity` then `--ignore id` (as `off`), by rule id or peer code. */
  rules: Record<string, SeveritySetting>;
  config: string | undefined;
  fix: boolean;
  fixDryRun: boolean;
  stdin: boolean;
  stdinFilename: string | undefined;
  quiet: boolean;
  colour: boolean;
  /** `--jobs`: threads to lint on; undefined = one per core when there are many files. */
  jobs: number | undefined;
  help: boolean;
  version: boolean;
}

export function parseLintOptions(args: string[], env: NodeJS.ProcessEnv, stdoutIsTty: boolean): LintOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      'fail-level': { type: 'string' },
      'max-warnings': { type: 'string' },
      kind: { type: 'string' },
      'enable-all': { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      ignore: { type: 'string', multiple: true, default: [] },
      config: { type: 'string', short: 'c' },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      'no-color': { type: 'boolean', default: false },
      color: { type: 'boolean', default: false },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) fail(`unknown format '${values.format}': use ${FORMATS.join(', ')}`);
  const kind = values.kind as FileKind | undefined;
  if (kind !== undefined && kind !== 'dockerfile' && kind !== 'compose') fail(`unknown kind '${kind}': use dockerfile or compose`);
  const failLevel = values['fail-level'];
  if (failLevel !== undefined && failLevel !== 'none' && !(failLevel in SEVERITY_ORDER)) {
    fail(`unknown fail level '${failLevel}': use error, warning, information, hint or none`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) fail(`--max-warnings '${values['max-warnings']}' should be a whole number, e.g. --max-warnings 0`);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d+$/.test(values.jobs) || !Number.isSafeInteger(jobs) || jobs < 1) fail(`--jobs '${values.jobs}' should be a number of threads, 1 or more, e.g. --jobs 1`);
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of values.rule ?? []) {
    const [id, level, extra] = spec.split('=');
    const normalised = level === 'info' ? 'information' : level;
    if (!id || extra !== undefined || !isSeveritySetting(normalised)) fail(`--rule '${spec}' should be <rule-id>=<off|hint|information|warning|error>`);
    rules[id] = normalised;
  }
  for (const spec of values.ignore ?? []) {
    for (const id of spec.split(',').map((s) => s.trim())) {
      if (!id) fail(`--ignore needs a rule id or peer code, e.g. --ignore DL3008`);
      rules[id] = 'off';
    }
  }
  let stdin = values.stdin;
  const inputs = positionals.filter((p) => p !== '-');
  if (inputs.length < positionals.length) stdin = true;
  if (stdin && inputs.length > 0) fail(`--stdin reads one file from standard input: drop the paths (${inputs.join(', ')}) or --stdin`);
  if (values['stdin-filename'] !== undefined && !stdin) fail('--stdin-filename names the text read with --stdin: add --stdin');
  if (values.fix && values['fix-dry-run']) fail('--fix and --fix-dry-run exclude each other: choose one');
  if (values.fix && stdin) fail('--fix cannot write back to standard input: use --fix-dry-run for a diff');
  const colour = !values['no-color'] && (values.color || (stdoutIsTty && !env.NO_COLOR));
  return {
    inputs: inputs.length > 0 ? inputs : ['.'],
    format,
    failLevel: failLevel as FailLevel | undefined,
    maxWarnings,
    kind,
    enableAll: values['enable-all'],
    rules,
    config: values.config,
    fix: values.fix,
    fixDryRun: values['fix-dry-run'],
    stdin,
    stdinFilename: values['stdin-filename'],
    quiet: values.quiet,
    colour,
    jobs,
    help: values.help,
    version: values.version,
  };
}
