import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/engine/engine';
import type { Finding } from '../../server/src/engine/finding';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { applyFix } from '../../server/src/engine/fixes';
import { LineIndex } from '../../server/src/engine/text';
import { parseAllDocuments, visit, type Document } from 'yaml';

/** The shared corpus of other people's Dockerfiles and Compose files, read in place (never copied). */
export const SHARED = process.env.DOCKHAND_SHARED ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS, 'dockerfiles'));
}

/** In a `before` hook: skips the suite, saying why, where the corpus is absent. */
export function skipWithoutCorpus(context: Mocha.Context, indent = '    '): void {
  if (corpusAvailable()) return;
  console.log(`${indent}(skipped: no corpus at ${CORPUS}; it lives in ../shared beside the repository)`);
  context.skip();
}

/**
 * The corpus holds only the Dockerfiles and Compose files of each repository, not the env files,
 * configs and sources beside them: every other path is taken to exist, so that missing-file
 * checks judge only what the corpus can show.
 */
class CorpusWorkspace extends MemoryWorkspace {
  exists(file: string): boolean {
    return super.exists(file) || path.resolve(file).startsWith('/corpus/');
  }
}

/**
 * The corpus laid out at its original paths (`/corpus/<repo>/<path>`) in memory, from MANIFEST.tsv,
 * so that cross-file checks see each file's real neighbours (overrides, includes, extends).
 */
export function corpusWorkspace(): { workspace: MemoryWorkspace; originalPath: Map<string, string> } {
  const workspace = new CorpusWorkspace({}, ['/corpus']);
  const originalPath = new Map<string, string>();
  const manifest = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of manifest) {
    const [, file, repo, original] = line.split('\t');
    if (!file || !repo || !original) continue;
    const stored = path.join(CORPUS, file);
    if (!fs.existsSync(stored)) continue;
    const virtual = path.posix.join('/corpus', repo, original);
    workspace.set(virtual, fs.readFileSync(stored, 'utf8'));
    originalPath.set(stored, virtual);
  }
  return { workspace, originalPath };
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
  /** Compose findings whose range does not start at a YAML node (key, value, item or pair) of the file. */
  offNode: { file: string; rule: string; line: number; text: string }[];
  fixes: FixOutcome[];
  millis: number;
}

/**
 * Lints every file (as text with no build context around it: the corpus is flattened, so its
 * folder is not anybody's build context), checks every range, and applies every fix of every
 * finding on its own: the result must parse and the finding must be gone.
 */
export function runCorpus(
  files: string[],
  options: { fixes?: boolean; kind?: 'dockerfile' | 'compose'; layout?: ReturnType<typeof corpusWorkspace> } = {},
): CorpusReport {
  const kind = options.kind ?? 'dockerfile';
  const layout = options.layout;
  const report: CorpusReport = { files: 0, findings: [], byRule: new Map(), failures: [], outOfRange: [], offNode: [], fixes: [], millis: 0 };
  const started = Date.now();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const virtual = layout?.originalPath.get(file);
    const request = virtual ? { path: virtual, text, kind, onDisk: true } : { path: file, text, kind, onDisk: false };
    const result = lint(request, virtual ? layout!.workspace : new MemoryWorkspace());
    report.files++;
    for (const failure of result.failures) report.failures.push({ file, rule: failure.rule, error: String((failure.error as Error)?.stack ?? failure.error) });
    const lines = new LineIndex(text);
    const starts = kind === 'compose' ? yamlNodeStarts(text) : undefined;
    for (const finding of result.findings) {
      report.findings.push(finding);
      report.byRule.set(finding.rule, (report.byRule.get(finding.rule) ?? 0) + 1);
      const { start, end } = finding.range;
      if (start.line >= lines.lineCount || end.line >= lines.lineCount || start.line > end.line) report.outOfRange.push({ file, rule: finding.rule });
      if (starts && finding.rule !== 'parse-error' && !starts.has(lines.offsetAt(start))) {
        report.offNode.push({ file, rule: finding.rule, line: start.line + 1, text: lines.lineText(start.line).trim() });
      }
      if (!options.fixes) continue;
      const ws = virtual ? layout!.workspace : new MemoryWorkspace();
      const lintText = (t: string) => lint({ ...request, text: t }, ws);
      const target = path.resolve(request.path);
      for (const fix of finding.fixes) {
        report.fixes.push(checkFix(file, finding, fix.title, lintText(text), lintText, () => applyFix(fix, (f) => (f === target ? text : ws.readFile(f))).get(target) ?? text));
      }
    }
  }
  report.millis = Date.now() - started;
  return report;
}

/** Where every node of a YAML file starts: keys, values, sequence items and pairs. */
function yamlNodeStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const document of parseAllDocuments(text, { logLevel: 'silent' }) as Document.Parsed[]) {
    if (!('contents' in document)) continue;
    visit(document, {
      Node(_key, node) {
        if (node.range) starts.add(node.range[0]);
      },
      Pair(_key, pair) {
        const key = pair.key as { range?: [number, number] } | null;
        if (key?.range) starts.add(key.range[0]);
      },
    });
  }
  return starts;
}

function checkFix(
  file: string,
  finding: Finding,
  title: string,
  before: ReturnType<typeof lint>,
  lintText: (text: string) => ReturnType<typeof lint>,
  apply: () => string,
): FixOutcome {
  const outcome: FixOutcome = { file, finding, title };
  let fixed: string;
  try {
    fixed = apply();
  } catch (error) {
    outcome.problem = `fix did not apply: ${String(error)}`;
    return outcome;
  }
  const after = lintText(fixed);
  const parseErrors = (r: typeof after) => r.findings.filter((f) => f.rule === 'parse-error').length;
  if (after.failures.length > 0) outcome.problem = `a rule threw on the fixed file: ${after.failures[0].rule}`;
  else if (parseErrors(after) > parseErrors(before)) outcome.problem = 'the fixed file has a new parse error';
  else {
    // Fixes that only write other files (.dockerignore, the Dockerfile) are judged on those files by their own tests.
    const count = (r: typeof after) => r.findings.filter((f) => f.rule === finding.rule).length;
    const touchesThisFile = finding.fixes.some((f) => f.changes.some((c) => c.kind === 'edit' && path.resolve(c.path) === path.resolve(before.path)));
    if (touchesThisFile && count(after) >= count(before)) outcome.problem = 'the finding is still there after its fix';
  }
  return outcome;
}
