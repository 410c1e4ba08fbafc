import { DockerfileParser } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver/node';

/**
 * Keeps only the formatter's edits that cannot change what the Dockerfile means.
 *
 * dockerfile-utils re-indents lines. The first line of an instruction may be indented freely, but
 * BuildKit keeps the leading whitespace of a continuation line: inside a quoted string it is part
 * of the string, and after `a\` a line `b` makes `ab` where an indented one makes `a b`. Heredoc
 * bodies are data. So an edit survives only when it changes leading whitespace and the line is
 * the start of an instruction or comment, or a continuation line outside quotes whose word
 * boundary stays a word boundary.
 */
export function safeFormatEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const lines = text.split(/\r?\n/);
  const guard = lineGuards(text, lines);
  return edits.filter((edit) => {
    const { start, end } = edit.range;
    if (start.line !== end.line || start.character !== 0) return false;
    const line = lines[start.line];
    if (line === undefined) return false;
    const old = line.slice(0, end.character);
    if (!/^[ \t]*$/.test(old) || !/^[ \t]*$/.test(edit.newText)) return false;
    const rule = guard.get(start.line) ?? 'free';
    if (rule === 'free') return true;
    if (rule === 'frozen') return false;
    // 'separator': the line continues a word list; whitespace may change, but not appear or vanish.
    return old.length > 0 === edit.newText.length > 0 || rule === 'separator-after-space';
  });
}

type Guard = 'free' | 'frozen' | 'separator' | 'separator-after-space';

function lineGuards(text: string, lines: readonly string[]): Map<number, Guard> {
  const guards = new Map<number, Guard>();
  let dockerfile;
  try {
    dockerfile = DockerfileParser.parse(text);
  } catch {
    // Unparseable: touch nothing but lines we cannot misjudge (none).
    for (let i = 0; i < lines.length; i++) guards.set(i, 'frozen');
    return guards;
  }
  const escape = dockerfile.getEscapeCharacter();
  for (const instruction of dockerfile.getInstructions()) {
    const range = instruction.getRange();
    const heredocLines = new Set<number>();
    const withHeredocs = instruction as unknown as { getHeredocs?: () => { getContentRange(): Range | null; getDelimiterRange(): Range | null }[] };
    if (typeof withHeredocs.getHeredocs === 'function') {
      for (const heredoc of withHeredocs.getHeredocs()) {
        const content = heredoc.getContentRange();
        if (content) for (let l = content.start.line; l <= content.end.line; l++) heredocLines.add(l);
        const delimiter = heredoc.getDelimiterRange();
        if (delimiter) heredocLines.add(delimiter.start.line);
      }
    }
    const quote = new QuoteTracker(escape);
    // Legacy `ENV key value words`, `LABEL key value words` and MAINTAINER keep their spacing verbatim.
    const keyword = instruction.getKeyword().toUpperCase();
    const firstArg = instruction.getArguments()[0]?.getValue() ?? '';
    const verbatim = keyword === 'MAINTAINER' || ((keyword === 'ENV' || keyword === 'LABEL') && !firstArg.includes('='));
    let endsWithSpace = false;
    for (let l = range.start.line; l <= range.end.line; l++) {
      const line = lines[l] ?? '';
      if (heredocLines.has(l)) continue;
      const content = withoutEscape(l === range.start.line ? line.slice(range.start.character) : line, escape);
      if (l > range.start.line) {
        if (/^\s*#/.test(line)) {
          guards.set(l, 'free');
          continue;
        }
        if (quote.open || verbatim || content.trim() === '') guards.set(l, 'frozen');
        else guards.set(l, endsWithSpace ? 'separator-after-space' : 'separator');
      }
      quote.feed(content);
      if (content.trim() !== '') endsWithSpace = /\s$/.test(content);
      else if (content.length > 0) endsWithSpace = true;
    }
    // Heredoc lines may lie past the instruction's own range.
    for (const l of heredocLines) guards.set(l, 'frozen');
  }
  return guards;
}

function withoutEscape(line: string, escape: string): string {
  const trimmed = line.replace(/\s+$/, '');
  return trimmed.endsWith(escape) ? trimmed.slice(0, -1) : line;
}

/** Shell quoting state across the physical lines of one instruction. */
class QuoteTracker {
  open: '' | "'" | '"' = '';
  constructor(private readonly escape: string) {}

  feed(line: string): void {
    if (this.open === '' && /^\s*#/.test(line)) return;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (this.open === "'") {
        if (ch === "'") this.open = '';
      } else if (ch === '\\' || ch === this.escape) {
        i++;
      } else if (this.open === '"') {
        if (ch === '"') this.open = '';
      } else if (ch === "'" || ch === '"') {
        this.open = ch;
      }
    }
  }
}
