import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { PathStep } from './compose-schema';

/** Where a position falls in a Compose file: by the YAML tree when it is whole, by indentation while typing. */

export interface NodeHit {
  /** Keys and list indexes from the root to the node under the cursor (a key's own name included). */
  path: PathStep[];
  kind: 'key' | 'value';
  node: Node;
  pair?: Pair;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const range = node?.range;
  return !!range && offset >= range[0] && offset <= range[1];
}

/** The deepest key or value at `offset` in a parsed YAML tree. */
export function locate(root: Node | null | undefined, offset: number, path: PathStep[] = []): NodeHit | undefined {
  if (!root) return undefined;
  if (isMap(root)) {
    for (const pair of root.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined) continue;
      if (contains(key, offset)) return { path: [...path, name], kind: 'key', node: key!, pair };
      const value = pair.value as Node | null;
      if (contains(value, offset)) return locate(value, offset, [...path, name]) ?? { path: [...path, name], kind: 'value', node: value!, pair };
    }
    return undefined;
  }
  if (isSeq(root)) {
    for (let i = 0; i < root.items.length; i++) {
      const item = root.items[i] as Node | Pair;
      if (isPair(item)) continue;
      if (contains(item, offset)) return locate(item, offset, [...path, i]) ?? { path: [...path, i], kind: 'value', node: item };
    }
    return undefined;
  }
  if (isScalar(root) && contains(root, offset)) return { path, kind: 'value', node: root };
  return undefined;
}

export interface TypingContext {
  /** Path of the key being typed (its parent plus the prefix) or of the value being typed. */
  path: PathStep[];
  mode: 'key' | 'value';
  /** What is typed so far, and where it starts (offset in the line). */
  prefix: string;
  prefixStart: number;
  /** Keys already present beside the one being typed. */
  siblings: Set<string>;
  /** The line starts a new list item (`- `). */
  item: boolean;
}

const KEY_LINE = /^(\s*)((?:-[ \t]+)*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(?:\s|$)/;

interface LineShape {
  indent: number;
  dashes: number;
  key?: string;
  blank: boolean;
}

function shape(line: string): LineShape {
  if (/^\s*(#.*)?$/.test(line)) return { indent: 0, dashes: 0, blank: true };
  const match = KEY_LINE.exec(line);
  if (match) return { indent: match[1].length + match[2].length, dashes: match[2].length, key: unquote(match[3]), blank: false };
  const dash = /^(\s*)((?:-[ \t]+|-$)*)/.exec(line)!;
  return { indent: dash[1].length + dash[2].length, dashes: dash[2].length, blank: false };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/** The keys (and list markers) that contain a line indented by `indent`, from the root. */
function parentPath(lines: readonly string[], lineNo: number, indent: number, startsItem: boolean, siblings: Set<string>): PathStep[] {
  const path: PathStep[] = [];
  let current = indent;
  let afterDash = startsItem;
  if (startsItem) path.push(0);
  for (let l = lineNo - 1; l >= 0 && (current > 0 || afterDash); l--) {
    const s = shape(lines[l]);
    if (s.blank) continue;
    if (s.indent === current && !afterDash) {
      if (s.key !== undefined && path.length === (startsItem ? 1 : 0)) siblings.add(s.key);
      if (s.dashes > 0) {
        // A sibling that opens the list item this map belongs to.
        path.push(0);
        current = s.indent - s.dashes;
        afterDash = true;
      }
      continue;
    }
    if (s.indent < current || (afterDash && s.indent === current && s.dashes === 0)) {
      if (s.key === undefined) {
        if (s.dashes > 0 && s.indent - s.dashes < current) {
          path.push(0);
          current = s.indent - s.dashes;
          afterDash = true;
        }
        continue;
      }
      path.push(s.key);
      if (s.dashes > 0) {
        path.push(0);
        current = s.indent - s.dashes;
        afterDash = true;
      } else {
        current = s.indent;
        afterDash = false;
      }
    }
  }
  return path.reverse();
}

/** What is being typed at (line, character), read from indentation so half-typed files work. */
export function typingContext(text: string, line: number, character: number): TypingContext {
  const lines = text.split(/\r?\n/);
  const before = (lines[line] ?? '').slice(0, character);
  const siblings = new Set<string>();
  const keyValue = /^(\s*)((?:-[ \t]+)*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"][^:#]*?):[ \t]+(.*)$/.exec(before);
  if (keyValue) {
    const startsItem = keyValue[2].length > 0;
    const key = unquote(keyValue[3]);
    const parent = parentPath(lines, line, keyValue[1].length, startsItem, siblings);
    let value = keyValue[4];
    let offset = before.length - value.length;
    const path: PathStep[] = [...parent, key];
    const flow = /^\[([^\]]*)$/.exec(value);
    if (flow) {
      const last = flow[1].lastIndexOf(',');
      const itemText = flow[1].slice(last + 1);
      offset += 1 + last + 1 + (itemText.length - itemText.trimStart().length);
      value = itemText.trimStart();
      path.push(0);
    }
    const quoted = /^["']/.exec(value);
    if (quoted) {
      value = value.slice(1);
      offset += 1;
    }
    return { path, mode: 'value', prefix: value, prefixStart: offset, siblings, item: false };
  }
  const partial = /^(\s*)((?:-[ \t]+)*)(["']?)([^\s:#'"]*)$/.exec(before);
  if (partial) {
    const indent = partial[1].length + partial[2].length;
    const startsItem = partial[2].length > 0;
    const parent = parentPath(lines, line, partial[1].length, startsItem, siblings);
    for (let l = line + 1; l < lines.length; l++) {
      const s = shape(lines[l]);
      if (s.blank) continue;
      if (s.indent < indent || (s.indent === indent && s.dashes > 0)) break;
      if (s.indent === indent && s.key !== undefined) siblings.add(s.key);
    }
    const prefix = partial[4];
    return { path: parent, mode: 'key', prefix, prefixStart: before.length - prefix.length, siblings, item: startsItem };
  }
  return { path: [], mode: 'value', prefix: '', prefixStart: character, siblings, item: false };
}
