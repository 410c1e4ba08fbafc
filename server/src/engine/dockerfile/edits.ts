import type { Instruction } from 'dockerfile-ast';
import type { FileChange, TextEdit } from '../finding';
import type { DockerfileModel } from './model';

/** Edit helpers for Dockerfile fixes. Inserted lines use the file's own line break. */

export function selfChange(model: DockerfileModel, edits: TextEdit[]): FileChange {
  return { kind: 'edit', path: model.path, edits };
}

/** Inserts whole lines above the instruction's first line. */
export function insertLinesBefore(model: DockerfileModel, instruction: Instruction, lines: string[]): TextEdit {
  const line = instruction.getRange().start.line;
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: lines.map((l) => l + model.lines.eol).join('') };
}

/** Inserts whole lines below the instruction's last line (its continuation lines included). */
export function insertLinesAfter(model: DockerfileModel, instruction: Instruction, lines: string[]): TextEdit {
  const lastLine = instruction.getRange().end.line;
  const end = { line: lastLine, character: model.lines.lineEnd(lastLine) - model.lines.lineStart(lastLine) };
  return { range: { start: end, end }, newText: lines.map((l) => model.lines.eol + l).join('') };
}


/** Replaces the instruction's whole text (all its lines). */
export function replaceInstruction(instruction: Instruction, newText: string): TextEdit {
  return { range: instruction.getRange(), newText };
}

/**
 * Deletes the instruction's lines, line breaks included; when it stood between blank lines, one of
 * them goes too, so no double gap is left behind.
 */
export function deleteInstruction(model: DockerfileModel, instruction: Instruction): TextEdit {
  const range = instruction.getRange();
  const start = { line: range.start.line, character: 0 };
  const blank = (line: number) => line >= 0 && line < model.lines.lineCount && model.lines.lineText(line).trim() === '';
  const gapAfter = blank(range.end.line + 1) && (range.start.line === 0 || blank(range.start.line - 1)) && range.end.line + 2 < model.lines.lineCount;
  const next = range.end.line + (gapAfter ? 2 : 1);
  const end = next < model.lines.lineCount
    ? { line: next, character: 0 }
    : model.lines.positionAt(model.text.length);
  return { range: { start, end }, newText: '' };
}

/** Text of the instruction's lines, from column 0 to the end of its last line. */
export function instructionLines(model: DockerfileModel, instruction: Instruction): string {
  const range = instruction.getRange();
  return model.text.slice(model.lines.lineStart(range.start.line), model.lines.lineEnd(range.end.line));
}

export function insertAtOffset(model: DockerfileModel, offset: number, newText: string): TextEdit {
  const pos = model.lines.positionAt(offset);
  return { range: { start: pos, end: pos }, newText };
}

export function replaceOffsets(model: DockerfileModel, start: number, end: number, newText: string): TextEdit {
  return { range: model.lines.rangeOf(start, end), newText };
}
