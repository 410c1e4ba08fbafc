import { isMap, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../finding';
import type { ComposeModel } from './model';

/**
 * Reorders the entries of a block mapping or sequence by moving their whole lines (comments
 * above an entry travel with it). Undefined for flow collections or entries sharing a line.
 */
export function reorderEdit(model: ComposeModel, collection: YAMLMap | YAMLSeq, order: number[]): TextEdit | undefined {
  if (collection.flow) return undefined;
  const items = collection.items as (Pair | Node)[];
  if (items.length < 2) return undefined;
  const starts = items.map((item) => {
    const node = (isMap(collection) ? (item as Pair).key : item) as Node | null;
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : model.lines.positionAt(offset).line;
  });
  if (starts.some((s) => s === undefined)) return undefined;
  const lineStarts = starts as number[];
  // Comment lines directly above an entry belong to it.
  const spans = lineStarts.map((start, i) => {
    let first = start;
    while (first - 1 > (i === 0 ? -1 : lineStarts[i - 1]) && model.lines.lineText(first - 1).trim().startsWith('#')) first--;
    return first;
  });
  for (let i = 1; i < spans.length; i++) if (spans[i] <= lineStarts[i - 1]) return undefined;
  const last = items[items.length - 1];
  const lastNode = (isMap(collection) ? ((last as Pair).value ?? (last as Pair).key) : last) as Node | null;
  const endOffset = lastNode?.range?.[1];
  if (endOffset === undefined) return undefined;
  const endPos = model.lines.positionAt(endOffset);
  const endLine = endPos.character === 0 ? endPos.line - 1 : endPos.line;
  let separated = false;
  const blocks = spans.map((first, i) => {
    const lastLine = i + 1 < spans.length ? spans[i + 1] - 1 : endLine;
    const lines: string[] = [];
    for (let l = first; l <= lastLine; l++) lines.push(model.lines.lineText(l));
    while (lines.length > 1 && lines[lines.length - 1].trim() === '') {
      lines.pop();
      separated = true;
    }
    return lines.join(model.lines.eol);
  });
  const start = { line: spans[0], character: 0 };
  const end = { line: endLine, character: model.lines.lineText(endLine).length };
  // Entries that were separated by blank lines stay separated.
  const newText = order.map((i) => blocks[i]).join(model.lines.eol + (separated ? model.lines.eol : ''));
  return { range: { start, end }, newText };
}

/** Indexes of `keys` in the order `compare` sorts them (stable). */
export function sortedOrder<T>(keys: T[], compare: (a: T, b: T) => number): number[] {
  return keys.map((k, i) => ({ k, i })).sort((a, b) => compare(a.k, b.k) || a.i - b.i).map((x) => x.i);
}

export function isCollection(node: unknown): node is YAMLMap | YAMLSeq {
  return isMap(node) || isSeq(node);
}
