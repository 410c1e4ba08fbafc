import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from '../finding';
import type { ComposeModel } from './model';
import { rangeOf } from './services';

/** Appends `key:` with block lines as the last entry of a block mapping, at its keys' indentation. */
export function appendToMap(model: ComposeModel, map: YAMLMap, lines: string[]): TextEdit | undefined {
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
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** YAML flow list of double-quoted strings: `["CMD", "redis-cli", "ping"]`. */
export function flowList(items: string[]): string {
  return `[${items.map((i) => JSON.stringify(i.replace(/\$/g, '$$$$'))).join(', ')}]`;
}
