import * as path from 'path';
import { lint, type LintRequest } from '../../server/src/engine/engine';
import type { Finding, TextEdit } from '../../server/src/engine/finding';
import { applyFix, fixAll } from '../../server/src/engine/fixes';
import { LineIndex, applyEdits } from '../../server/src/engine/text';
import { MemoryWorkspace, OverlayWorkspace } from '../../server/src/engine/workspace';

export interface FuzzInput {
  kind: 'dockerfile' | 'compose';
  path: string;
  text: string;
}

export interface Violation {
  property: string;
  detail: string;
}

/** Generous for a noisy 2-core machine: a real hang or quadratic blow-up is far above it. */
export const LINT_BOUND_MS = 3000;

const ROOT = '/fuzz';

/** Checks every property on one input; the first violation, or undefined when all hold. */
export function checkInput(input: FuzzInput, options: { fixes: boolean }): Violation | undefined {
  const workspace = new MemoryWorkspace({ [input.path]: input.text }, [ROOT]);
  const request: LintRequest = { path: input.path, text: input.text, kind: input.kind };
  let result;
  const started = performance.now();
  try {
    result = lint(request, workspace, {});
  } catch (error) {
    return { property: 'lint never throws', detail: (error as Error)?.stack ?? String(error) };
  }
  const elapsed = performance.now() - started;
  if (elapsed > LINT_BOUND_MS) return { property: `lint returns within ${LINT_BOUND_MS} ms`, detail: `${Math.round(elapsed)} ms` };
  if (result.failures.length > 0) {
    const failure = result.failures[0];
    return { property: 'no rule throws', detail: `${failure.rule}: ${(failure.error as Error)?.stack ?? String(failure.error)}` };
  }
  const lines = new LineIndex(input.text);
  for (const finding of result.findings) {
    const problem = rangeProblem(lines, finding.range);
    if (problem) return { property: 'every finding lies inside the document', detail: `${finding.rule}: ${problem}` };
  }
  if (!options.fixes) return undefined;
  const errorsBefore = errorCount(result.findings);
  for (const finding of result.findings.slice(0, 12)) {
    for (const fix of finding.fixes) {
      const violation = checkFix(input, workspace, finding, fix.title, fix.changes, errorsBefore);
      if (violation) return violation;
    }
  }
  return checkFixedPoint(request, workspace);
}

function rangeProblem(lines: LineIndex, range: Finding['range']): string | undefined {
  const { start, end } = range;
  const inside = (p: typeof start) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length;
  if (!inside(start) || !inside(end)) return `range ${JSON.stringify(range)} outside ${lines.lineCount} lines`;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return `range ${JSON.stringify(range)} ends before it starts`;
  return undefined;
}

function checkFix(input: FuzzInput, workspace: MemoryWorkspace, finding: Finding, title: string, changes: Finding['fixes'][number]['changes'], errorsBefore: number): Violation | undefined {
  const label = `${finding.rule} fix "${title}"`;
  const own = changes.filter((c) => c.kind === 'edit' && path.resolve(c.path) === path.resolve(input.path));
  for (const change of own) {
    if (change.kind !== 'edit') continue;
    const problem = editsProblem(input.text, change.edits);
    if (problem) return { property: 'fix edits are in range and do not overlap', detail: `${label}: ${problem}` };
  }
  let changed: Map<string, string>;
  try {
    changed = applyFix({ title, changes }, (f) => workspace.readFile(f));
  } catch (error) {
    return { property: 'every fix applies cleanly', detail: `${label}: ${(error as Error).message}` };
  }
  const fixed = changed.get(path.resolve(input.path));
  if (fixed === undefined) return undefined;
  const overlay = new OverlayWorkspace(workspace, (f) => changed.get(f));
  const after = lint({ path: input.path, text: fixed, kind: input.kind }, overlay, {});
  if (after.failures.length > 0) return { property: 'no rule throws after a fix', detail: `${label}: ${after.failures[0].rule}` };
  if (errorCount(after.findings) > errorsBefore) {
    // An error on a line the fix did not write was there all along, hidden until the file read
    // better (a misspelt `services` key hides every service): only errors the fix wrote count,
    // and any new parse error.
    const before = new Set(lint({ path: input.path, text: input.text, kind: input.kind }, workspace, {}).findings.filter((f) => f.severity === 'error').map((f) => f.message));
    const originalLines = new Set(input.text.split(/\r?\n/));
    const fixedLines = new LineIndex(fixed);
    const fresh = after.findings.filter((f) => f.severity === 'error' && !before.has(f.message)
      && (f.rule === 'parse-error' || !originalLines.has(fixedLines.lineText(f.range.start.line))));
    if (fresh.length > 0) return { property: 'a fix adds no error', detail: `${label}: new ${fresh.map((f) => `${f.rule}: ${f.message}`).join('; ')}\n--- fixed text:\n${fixed.slice(0, 2000)}` };
  }
  return undefined;
}

/** Edits inside the text, not overlapping, and applyEdits keeping everything between them. */
function editsProblem(text: string, edits: readonly TextEdit[]): string | undefined {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => {
    const problem = rangeProblem(lines, e.range);
    return { problem, start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText };
  });
  const bad = spans.find((s) => s.problem);
  if (bad) return bad.problem;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) return `edits overlap at offsets ${sorted[i - 1].start}-${sorted[i - 1].end} and ${sorted[i].start}-${sorted[i].end}`;
  }
  let expected = '';
  let cursor = 0;
  for (const span of sorted) {
    expected += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  expected += text.slice(cursor);
  if (applyEdits(text, edits) !== expected) return 'applying the edits changed text outside them';
  return undefined;
}

function checkFixedPoint(request: LintRequest, workspace: MemoryWorkspace): Violation | undefined {
  let first;
  try {
    first = fixAll(request, workspace, {});
  } catch (error) {
    return { property: 'fix-all never throws', detail: (error as Error)?.stack ?? String(error) };
  }
  const file = path.resolve(request.path);
  const overlay = new OverlayWorkspace(workspace, (f) => first.files.get(f));
  const second = fixAll({ ...request, text: first.files.get(file) ?? request.text }, overlay, {});
  if (second.applied.length > 0) {
    return { property: 'fix-all reaches a fixed point', detail: `second pass applied ${second.applied.map((a) => `${a.rule}: ${a.title}`).join('; ')}` };
  }
  return undefined;
}

function errorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}
