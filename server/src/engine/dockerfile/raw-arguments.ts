import type { Instruction } from 'dockerfile-ast';
import { Argument } from 'dockerfile-ast/lib/argument';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

interface InstructionFields {
  document: TextDocument;
  escapeChar: string;
}

/**
 * dockerfile-ast's `Instruction.getRawArguments` (v0.7.1, MIT, by Remy Suen), step for step, with
 * the same results: the words of an instruction's arguments, split at white space, escaped line
 * breaks and comment lines inside continuations removed, escapes undone. The library builds each
 * word a character at a time (a string allocated per character, which is most of what parsing a
 * Dockerfile allocates); here a word's characters are taken as whole slices of the text where they
 * follow each other, and ranges are made without re-validating positions the document just made.
 * test/unit/raw-arguments.test.ts checks it against the library's own on generated text.
 */
export function rawArguments(instruction: Instruction): Argument[] {
  const { document, escapeChar } = instruction as unknown as InstructionFields;
  const args: Argument[] = [];
  const range = instruction.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const fullArgs = instruction.getTextContent().substring(extra);
  const offset = document.offsetAt(range.start) + extra;
  const escapeCode = escapeChar.length === 1 ? escapeChar.charCodeAt(0) : -1;
  const positionAt = positionsFrom(document);
  const rangeOf = (from: number, to: number): Range => ({ start: positionAt(offset + from), end: positionAt(offset + to) });

  let start = false;
  let comment = false;
  let found = -1;
  // whether white space was met inside an escaped line break sequence
  let escapedWhitespaceDetected = false;
  // whether inside an escaped line break sequence
  let escaping = false;
  let escapeMarker = -1;
  // The word so far: `word`, then the characters of fullArgs from `runStart` to `runEnd`.
  let word = '';
  let runStart = 0;
  let runEnd = 0;
  const take = (at: number): void => {
    if (at === runEnd && runEnd > runStart) {
      runEnd++;
      return;
    }
    if (runEnd > runStart) word += fullArgs.substring(runStart, runEnd);
    runStart = at;
    runEnd = at + 1;
  };
  const push = (end: number): void => {
    const value = runEnd > runStart ? word + fullArgs.substring(runStart, runEnd) : word;
    args.push(new Argument(value, rangeOf(found, end)));
    word = '';
    runStart = runEnd = 0;
    found = -1;
  };

  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i);
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === '\r' || char === '\n') {
          // a line break: white space seen before it does not count
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        push(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < fullArgs.length; j++) {
          const after = fullArgs.charAt(j);
          if (after === ' ' || after === '\t') continue;
          if (after === '\r' || after === '\n') {
            // (the library skips the character after a CR, whatever it is)
            if (after === '\r') j++;
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) escapeMarker = i;
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) push(escapeMarker);
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '$') {
          take(i);
          take(i + 1);
        } else if (next === '') {
          // end of the text
          break;
        } else {
          take(i + 1);
        }
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) push(escapeMarker);
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        take(i);
        if (found === -1) found = i;
        // The characters up to the next white space or escape character would each come back
        // here and extend the word by one, the flags now all cleared: take them at once.
        while (i + 1 < fullArgs.length && !isWhitespaceOrEscape(fullArgs.charCodeAt(i + 1), escapeCode)) i++;
        runEnd = i + 1;
      }
      // a character other than white space
      start = false;
    }
  }
  if (found !== -1) push(escapeMarker === -1 ? fullArgs.length : escapeMarker);
  return args;
}

function isWhitespaceOrEscape(code: number, escapeCode: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10 || code === escapeCode;
}

/**
 * `document.positionAt`, for offsets that mostly grow (the words of one instruction): the line is
 * found by stepping on from the previous answer's instead of by a binary search over every line.
 * Same answers: the line is the last one starting at or before the offset, and an offset inside a
 * line break counts as the end of that line.
 */
export function positionsFrom(document: TextDocument): (offset: number) => Position {
  const lineOffsets = (document as unknown as { getLineOffsets?(): number[] }).getLineOffsets?.();
  if (!lineOffsets || lineOffsets.length === 0) return (offset) => document.positionAt(offset);
  const text = document.getText();
  let line = -1;
  return (offset) => {
    const at = Math.max(Math.min(offset, text.length), 0);
    if (line < 0 || lineOffsets[line] > at) {
      const position = document.positionAt(offset);
      line = position.line;
      return position;
    }
    while (line + 1 < lineOffsets.length && lineOffsets[line + 1] <= at) line++;
    const lineStart = lineOffsets[line];
    let end = at;
    while (end > lineStart && isLineBreak(text.charCodeAt(end - 1))) end--;
    return { line, character: end - lineStart };
  };
}

function isLineBreak(code: number): boolean {
  return code === 13 || code === 10;
}
