import { isScalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../finding';
import type { LineIndex } from '../text';

/** Where a YAML document's text is: enough to turn node offsets into edits. */
export interface YamlText {
  lines: LineIndex;
}

function rangeOf(doc: YamlText, node: Node) {
  const r = node.range ?? [0, 0];
  return doc.lines.rangeOf(r[0], r[1]);
}

/** Appends `key:` with block lines as the last entry of a block mapping, at its keys' indentation. */
export function appendToMap(model: YamlText, map: YAMLMap, lines: string[]): TextEdit | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  const first = map.items[0].key as Node;
  const indent = ' '.repeat(rangeOf(model, first).start.character);
  const last = map.items[map.items.length - 1];
  const lastEnd = rangeOf(model, (last.value ?? last.key) as Node).end;
  // Block values end after their line break; scalars end on their own line.
  const line = lastEnd.character === 0 ? lastEnd.line - 1 : lastEnd.line;
  const end = { line, character: model.lines.lineText(line).length };
  const eol = model.lines.eol;
  return { range: { start: end, end }, newText: lines.map((l) => eol + indent + l).join('') };
}

/** The pair of a block mapping with a given key, as written. */
export function pairIn(map: YAMLMap, key: string) {
  return [...map.items].reverse().find((p) => isScalar(p.key) && p.key.value === key);
}

/** YAML flow list of double-quoted strings: `["CMD", "redis-cli", "ping"]`. */
export function flowList(items: string[]): string {
  return `[${items.map((i) => JSON.stringify(i.replace(/\$/g, '$$$$'))).join(', ')}]`;
}

/** Appends an item to a block sequence, at its items' indentation. */
export function appendToSeq(model: YamlText, seq: YAMLSeq, item: string): TextEdit | undefined {
  if (seq.flow || seq.items.length === 0) return undefined;
  const firstRange = rangeOf(model, seq.items[0] as Node);
  const dashLine = model.lines.lineText(firstRange.start.line);
  const dash = dashLine.slice(0, firstRange.start.character).lastIndexOf('-');
  if (dash < 0) return undefined;
  const lastEnd = rangeOf(model, seq.items[seq.items.length - 1] as Node).end;
  const line = lastEnd.character === 0 ? lastEnd.line - 1 : lastEnd.line;
  const end = { line, character: model.lines.lineText(line).length };
  return { range: { start: end, end }, newText: `${model.lines.eol}${' '.repeat(dash)}- ${item}` };
}
