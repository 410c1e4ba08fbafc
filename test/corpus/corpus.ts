import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/engine/engine';
import type { Finding } from '../../server/src/engine/finding';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { applyFix } from '../../server/src/engine/fixes';
import { LineIndex } from '../../server/src/engine/text';

/** The shared corpus of other people's Dockerfiles and Compose files, read in place (never copied). */
export const SHARED = process.env.DOCKHAND_SHARED ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS, 'dockerfiles'));
}

export function corpusFiles(folder: 'dockerfiles' | 'compose' | 'odd'): string[] {
  const dir = path.join(CORPUS, folder);
  return fs.readdirSync(dir).sort().map((name) => path.join(dir, name));
}

export interface FixOutcome {
  file: string;
  finding: Finding;
  title: string;
  problem?: string;
}

export interface CorpusReport {
  files: number;
  findings: Finding[];
  byRule: Map<string, number>;
  failures: { file: string; rule: string; error: string }[];
  outOfRange: { file: string; rule: string }[];
  fixes: FixOutcome[];
  millis: number;
}

/**
 * Lints every file (as text with no build context around it: the corpus is flattened, so its
 * folder is not anybody's build context), checks every range, and applies every fix of every
 * finding on its own: the result must parse and the finding must be gone.
 */
export function runCorpus(files: string[], options: { fixes?: boolean; kind?: 'dockerfile' | 'compose' } = {}): CorpusReport {
  const kind = options.kind ?? 'dockerfile';
  const report: CorpusReport = { files: 0, findings: [], byRule: new Map(), failures: [], outOfRange: [], fixes: [], millis: 0 };
  const started = Date.now();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const request = { path: file, text, kind, onDisk: false };
    const result = lint(request, new MemoryWorkspace());
    report.files++;
    for (const failure of result.failures) report.failures.push({ file, rule: failure.rule, error: String((failure.error as Error)?.stack ?? failure.error) });
    const lines = new LineIndex(text);
    for (const finding of result.findings) {
      report.findings.push(finding);
      report.byRule.set(finding.rule, (report.byRule.get(finding.rule) ?? 0) + 1);
      const { start, end } = finding.range;
      if (start.line >= lines.lineCount || end.line >= lines.lineCount || start.line > end.line) report.outOfRange.push({ file, rule: finding.rule });
      if (!options.fixes) continue;
      for (const fix of finding.fixes) report.fixes.push(checkFix(file, text, kind, finding, fix.title, () => applyFix(fix, (f) => (f === path.resolve(file) ? text : undefined))));
    }
  }
  report.millis = Date.now() - started;
  return report;
}

function checkFix(file: string, text: string, kind: 'dockerfile' | 'compose', finding: Finding, title: string, apply: () => Map<string, string>): FixOutcome {
  const outcome: FixOutcome = { file, finding, title };
  let fixed: string;
  try {
    fixed = apply().get(path.resolve(file)) ?? text;
  } catch (error) {
    outcome.problem = `fix did not apply: ${String(error)}`;
    return outcome;
  }
  const before = lint({ path: file, text, kind, onDisk: false }, new MemoryWorkspace());
  const after = lint({ path: file, text: fixed, kind, onDisk: false }, new MemoryWorkspace());
  const parseErrors = (r: typeof after) => r.findings.filter((f) => f.rule === 'parse-error').length;
  if (after.failures.length > 0) outcome.problem = `a rule threw on the fixed file: ${after.failures[0].rule}`;
  else if (parseErrors(after) > parseErrors(before)) outcome.problem = 'the fixed file has a new parse error';
  else {
    const count = (r: typeof after) => r.findings.filter((f) => f.rule === finding.rule).length;
    if (count(after) >= count(before)) outcome.problem = 'the finding is still there after its fix';
  }
  return outcome;
}
