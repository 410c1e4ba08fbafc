import type { DockerfileRule } from '../../rule';
import { selfChange } from '../edits';

/**
 * An empty line inside a `\`-continued instruction is dropped by the parser today but is
 * deprecated (a future Dockerfile syntax ends the instruction there). Comment lines are fine.
 */
const NON_BLANK = /\S/g;

/** Only whitespace between the offsets (what `text.slice(start, end).trim() === ''` says, without the copies). */
function isBlank(text: string, start: number, end: number): boolean {
  NON_BLANK.lastIndex = start;
  const found = NON_BLANK.exec(text);
  return found === null || found.index >= end;
}

export const noEmptyContinuation: DockerfileRule = {
  meta: {
    id: 'no-empty-continuation',
    kind: 'dockerfile',
    title: 'No empty lines inside a continued instruction',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['NoEmptyContinuation'],
    fixable: true,
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      const range = instruction.getRange();
      if (range.start.line === range.end.line) continue;
      const empty: number[] = [];
      for (let line = range.start.line + 1; line < range.end.line; line++) {
        if (isBlank(model.text, model.lines.lineStart(line), model.lines.lineEnd(line))) empty.push(line);
      }
      if (empty.length === 0) continue;
      // Read after the cheap test: most instructions have no empty line, and asking for heredocs parses them.
      const heredocs = (instruction as unknown as { getHeredocs?: () => unknown[] }).getHeredocs?.() ?? [];
      if (heredocs.length > 0) continue;
      const edits = empty.map((line) => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }));
      report({
        range: { start: { line: empty[0], character: 0 }, end: { line: empty[0], character: model.lines.lineText(empty[0]).length } },
        message: `Empty continuation line${empty.length > 1 ? 's' : ''} in this ${instruction.getKeyword()}: deprecated, and a future Dockerfile syntax will end the instruction there. Remove ${empty.length > 1 ? 'them' : 'it'}.`,
        fixes: [{ title: 'Remove the empty continuation lines', isPreferred: true, changes: [selfChange(model, edits)] }],
      });
    }
  },
};
