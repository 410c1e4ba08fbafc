import * as path from 'path';
import type { FileChange, Finding, Fix } from './finding';
import type { LintConfig } from './config';
import type { Workspace } from './workspace';
import { MemoryWorkspace, OverlayWorkspace, isInsideRoots } from './workspace';
import { applyEdits } from './text';
import { lint, type LintRequest } from './engine';

/** The preferred fix of a finding, if it has one. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.isPreferred);
}

/**
 * Applies a fix's changes to the files they touch, reading current contents through `read`.
 * Returns the new content of every touched file. Throws when a change cannot apply.
 */
export function applyFix(fix: Fix, read: (file: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const change of fix.changes) {
    const file = path.resolve(change.path);
    const current = out.get(file) ?? read(file);
    out.set(file, applyChange(change, current));
  }
  return out;
}

function applyChange(change: FileChange, current: string | undefined): string {
  if (change.kind === 'create') {
    if (current !== undefined) throw new Error(`${change.path} already exists`);
    return change.content;
  }
  if (current === undefined) throw new Error(`${change.path} does not exist`);
  return applyEdits(current, change.edits);
}

/** True when every file the fix writes lies inside the workspace roots. */
export function fixStaysInWorkspace(fix: Fix, roots: readonly string[]): boolean {
  return fix.changes.every((c) => isInsideRoots(c.path, roots));
}

export interface FixAllResult {
  /** New contents of every file changed, the linted file included when it changed. */
  files: Map<string, string>;
  applied: { rule: string; title: string }[];
}

/**
 * Applies preferred fixes one at a time, re-linting after each, until none is left (a fixed
 * point) or `maxRounds` or the time budget is reached. Only fixes accepted by `accept` are applied.
 */
export function fixAll(
  request: LintRequest,
  workspace: Workspace,
  config: LintConfig,
  options: { accept?: (finding: Finding, fix: Fix) => boolean; maxRounds?: number; timeBudgetMs?: number } = {},
): FixAllResult {
  const file = path.resolve(request.path);
  const files = new Map<string, string>();
  const view = new OverlayWorkspace(workspace, (f) => files.get(f));
  const applied: FixAllResult['applied'] = [];
  const skipped = new Set<string>();
  const keyOf = (f: Finding) => `${f.rule}:${f.range.start.line}:${f.message}`;
  const alikeIn = (findings: readonly Finding[], f: { rule: string; message: string }) =>
    findings.filter((o) => o.rule === f.rule && o.message === f.message).length;
  let text = request.text;
  // The fix applied last round, with what it changed, until the next lint shows it worked.
  let pending: { key: string; rule: string; message: string; alike: number; shrank: boolean; text: string; files: Map<string, string>; applied: number } | undefined;
  // One fix per round, re-linting after each: a file with hundreds of findings needs hundreds of
  // rounds, so the bound is generous and a time budget stops a pathological file.
  const deadline = Date.now() + (options.timeBudgetMs ?? 10_000);
  for (let round = 0; round < (options.maxRounds ?? 1000) && Date.now() < deadline; round++) {
    const result = lint({ ...request, text }, view, config);
    if (pending) {
      // A fix that leaves its own finding in place (say, a line appended into an unterminated
      // heredoc) would be applied again and again: undo it and never try it again. The same
      // finding may come back legitimately: one of several alike (one fewer each time), or one
      // the YAML hid behind a duplicate key (the fix deleted text, which cannot go on forever).
      const stillThere = result.findings.some((f) => keyOf(f) === pending!.key);
      if (stillThere && alikeIn(result.findings, pending) >= pending.alike && !pending.shrank) {
        text = pending.text;
        files.clear();
        for (const [f, content] of pending.files) files.set(f, content);
        applied.length = pending.applied;
        skipped.add(pending.key);
        pending = undefined;
        continue;
      }
      pending = undefined;
    }
    const next = result.findings.find((f) => {
      const fix = preferredFix(f);
      return fix && !skipped.has(keyOf(f)) && (options.accept?.(f, fix) ?? true);
    });
    if (!next) break;
    const fix = preferredFix(next)!;
    let changed: Map<string, string>;
    try {
      changed = applyFix(fix, (f) => (f === file ? text : view.readFile(f)));
    } catch {
      skipped.add(keyOf(next));
      continue;
    }
    pending = {
      key: keyOf(next), rule: next.rule, message: next.message, alike: alikeIn(result.findings, next),
      shrank: (changed.get(file) ?? text).length < text.length, text, files: new Map(files), applied: applied.length,
    };
    for (const [f, content] of changed) {
      if (f === file) text = content;
      else files.set(f, content);
    }
    applied.push({ rule: next.rule, title: fix.title });
  }
  if (text !== request.text) files.set(file, text);
  return { files, applied };
}

export { MemoryWorkspace };
