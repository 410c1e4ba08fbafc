import type { Finding, Fix } from '../finding';
import type { ComposeModel } from './model';

/**
 * Suppression comments in Compose files, ours and dclint's:
 * - `# dockhand-ignore <ids>` (or `=<ids>`) on its own line: the next line; at the end of a line: that line;
 * - `# dockhand-ignore-file <ids>` anywhere: the whole file;
 * - dclint's `# dclint disable-line [rules]` (same placement rules), and `# dclint disable [rules]` /
 *   `# dclint disable-file` as the first line of the file. No ids means every rule.
 */
export interface ComposeSuppressions {
  file: Set<string> | 'all';
  lines: Map<number, Set<string> | 'all'>;
}

const LOCAL = /#\s*(?:dockhand-ignore(?!-file)\s*[=:]?|dclint\s+disable-line\b)\s*([^#]*)$/i;
const FILE = /#\s*dockhand-ignore-file\s*[=:]?\s*([^#]*)$/i;

function ids(text: string): Set<string> | 'all' {
  const list = text.split(/[,\s]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  return list.length === 0 ? 'all' : new Set(list);
}

function merge(a: Set<string> | 'all' | undefined, b: Set<string> | 'all'): Set<string> | 'all' {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...(a ?? []), ...b]);
}

export function parseComposeSuppressions(model: ComposeModel): ComposeSuppressions {
  const result: ComposeSuppressions = { file: new Set(), lines: new Map() };
  const { lines, text: source } = model;
  // Only lines holding a `#` can suppress: visit those instead of copying every line of the file.
  let first = true;
  for (let hash = source.indexOf('#'); hash !== -1;) {
    const line = lines.positionAt(hash).line;
    hash = line + 1 < lines.lineCount ? source.indexOf('#', lines.lineStart(line + 1)) : -1;
    const text = lines.lineText(line);
    const trimmed = text.trim();
    if (first && !blankBefore(model, line)) first = false;
    if (first) {
      const disable = /^#\s*dclint\s+(disable-file|disable(?!-line))\b\s*(.*)$/i.exec(trimmed);
      if (disable) result.file = merge(result.file, disable[1].toLowerCase() === 'disable-file' ? 'all' : ids(disable[2]));
      first = false;
    }
    const file = FILE.exec(text);
    if (file) {
      result.file = merge(result.file, ids(file[1]));
      continue;
    }
    const local = LOCAL.exec(text);
    if (!local) continue;
    let target = line;
    if (trimmed.startsWith('#')) {
      target = line + 1;
      while (target < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(target))) target++;
    }
    result.lines.set(target, merge(result.lines.get(target), ids(local[1])));
  }
  return result;
}

/** Whether every line above `line` is blank or a `---` document marker (dclint's file-level disable must come first). */
function blankBefore(model: ComposeModel, line: number): boolean {
  for (let l = 0; l < line; l++) {
    const trimmed = model.lines.lineText(l).trim();
    if (trimmed !== '' && trimmed !== '---') return false;
  }
  return true;
}

function covers(set: Set<string> | 'all' | undefined, finding: Finding): boolean {
  if (set === undefined) return false;
  if (set === 'all') return true;
  return set.has(finding.rule) || finding.equivalents.some((e) => set.has(e.toLowerCase()));
}

export function isComposeSuppressed(suppressions: ComposeSuppressions, finding: Finding): boolean {
  return covers(suppressions.file, finding) || covers(suppressions.lines.get(finding.range.start.line), finding);
}

/** "Ignore <rule> on this line" (a comment above it) and "… in this file". */
export function composeIgnoreFixes(model: ComposeModel, finding: Finding): Fix[] {
  const line = finding.range.start.line;
  const indent = /^\s*/.exec(model.lines.lineText(line))?.[0] ?? '';
  const eol = model.lines.eol;
  const at = (l: number) => ({ line: l, character: 0 });
  return [
    { title: `Ignore ${finding.rule} on this line`, changes: [{ kind: 'edit', path: model.path, edits: [{ range: { start: at(line), end: at(line) }, newText: `${indent}# dockhand-ignore ${finding.rule}${eol}` }] }] },
    { title: `Ignore ${finding.rule} in this file`, changes: [{ kind: 'edit', path: model.path, edits: [{ range: { start: at(0), end: at(0) }, newText: `# dockhand-ignore-file ${finding.rule}${eol}` }] }] },
  ];
}
