import type { Instruction } from 'dockerfile-ast';
import type { Finding, Fix } from '../finding';
import type { DockerfileModel } from './model';
import { selfChange } from './edits';

/**
 * Inline suppression comments, ours and the peers' so existing files keep working:
 * - `# dockhand-ignore=<ids>` and `# hadolint ignore=<ids>`: the next instruction;
 * - `# dockhand-ignore-file=<ids>` and `# hadolint global ignore=<ids>`: the whole file;
 * - BuildKit's `# check=skip=<ids>|all` parser directive at the top of the file.
 * Ids are Dockhand rule ids or any equivalent peer code, case-insensitive.
 */
export interface Suppressions {
  file: Set<string>;
  /** Ids suppressed on the lines of one instruction: [first line, last line, ids]. */
  instructions: { first: number; last: number; ids: Set<string> }[];
}

const NEXT_INSTRUCTION = /^\s*#\s*(?:dockhand-ignore\s*[=:]?|hadolint\s+ignore\s*=)\s*(.+)$/i;
const WHOLE_FILE = /^\s*#\s*(?:dockhand-ignore-file\s*[=:]?|hadolint\s+global\s+ignore\s*=)\s*(.+)$/i;
const DIRECTIVE = /^\s*#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*)$/;

function ids(list: string): string[] {
  return list.split(/[,\s]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
}

export function parseSuppressions(model: DockerfileModel): Suppressions {
  const result: Suppressions = { file: new Set(), instructions: [] };
  const instructions = model.ast.getInstructions();
  const directiveEnd = directiveBlockEnd(model);
  let next = 0;
  for (let line = 0; line < model.lines.lineCount; line++) {
    const text = model.lines.lineText(line);
    if (!text.trimStart().startsWith('#')) continue;
    if (line < directiveEnd) {
      const directive = DIRECTIVE.exec(text);
      if (directive && directive[1].toLowerCase() === 'check') {
        for (const part of directive[2].split(';')) {
          const [key, value = ''] = part.split('=');
          if (key.trim().toLowerCase() === 'skip') for (const id of ids(value)) result.file.add(id);
        }
      }
      continue;
    }
    const whole = WHOLE_FILE.exec(text);
    if (whole) {
      for (const id of ids(whole[1])) result.file.add(id);
      continue;
    }
    const local = NEXT_INSTRUCTION.exec(text);
    if (!local) continue;
    while (next < instructions.length && instructions[next].getRange().start.line <= line) next++;
    const target = instructions[next];
    if (!target) continue;
    const range = target.getRange();
    result.instructions.push({ first: range.start.line, last: range.end.line, ids: new Set(ids(local[1])) });
  }
  return result;
}

function matches(idSet: Set<string>, finding: Finding): boolean {
  if (idSet.has(finding.rule)) return true;
  return finding.equivalents.some((code) => idSet.has(code.toLowerCase()));
}

export function isSuppressed(suppressions: Suppressions, finding: Finding): boolean {
  if (suppressions.file.has('all') || matches(suppressions.file, finding)) return true;
  const line = finding.range.start.line;
  return suppressions.instructions.some((s) => line >= s.first && line <= s.last && matches(s.ids, finding));
}

/** The line after the parser directives (`# syntax=`, `# escape=`, `# check=`) at the top of the file. */
export function directiveBlockEnd(model: DockerfileModel): number {
  let line = 0;
  while (line < model.lines.lineCount) {
    const directive = DIRECTIVE.exec(model.lines.lineText(line).replace(/^\uFEFF/, ''));
    if (!directive || !['syntax', 'escape', 'check'].includes(directive[1].toLowerCase())) break;
    line++;
  }
  return line;
}

/** "Ignore <rule> for this instruction" and "… in this file": comment insertions, never preferred. */
export function suppressionFixes(model: DockerfileModel, finding: Finding): Fix[] {
  const fixes: Fix[] = [];
  const eol = model.lines.eol;
  const instruction = instructionAt(model, finding.range.start.line);
  if (instruction) {
    const line = instruction.getRange().start.line;
    const indent = /^\s*/.exec(model.lines.lineText(line))?.[0] ?? '';
    const above = line > 0 ? model.lines.lineText(line - 1) : '';
    const existing = /^(\s*#\s*dockhand-ignore\s*=\s*)(.*?)\s*$/i.exec(above);
    const edit = existing && line - 1 >= directiveBlockEnd(model)
      ? { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: `${existing[1]}${existing[2]},${finding.rule}` }
      : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# dockhand-ignore=${finding.rule}${eol}` };
    fixes.push({ title: `Ignore ${finding.rule} for this instruction`, changes: [selfChange(model, [edit])] });
  }
  const top = directiveBlockEnd(model);
  const pos = { line: top, character: 0 };
  const newText = top >= model.lines.lineCount && model.text.length > 0 && !model.text.endsWith('\n')
    ? `${eol}# dockhand-ignore-file=${finding.rule}${eol}`
    : `# dockhand-ignore-file=${finding.rule}${eol}`;
  fixes.push({ title: `Ignore ${finding.rule} in this file`, changes: [selfChange(model, [{ range: { start: pos, end: pos }, newText }])] });
  return fixes;
}

function instructionAt(model: DockerfileModel, line: number): Instruction | undefined {
  return model.ast.getInstructions().find((i) => i.getRange().start.line <= line && i.getRange().end.line >= line);
}
