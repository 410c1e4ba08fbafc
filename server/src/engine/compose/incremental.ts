import { parseDocument, visit, isMap, isPair, isScalar, isSeq, isNode, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/**
 * Re-parsing a 1,000-service Compose file takes ~0.4 s, far over a keystroke's budget. An edit
 * inside one entry of a top-level section (a service, a volume, ...) changes only that entry: parse
 * its lines alone, put them in place of the old entry and move the offsets of every node after it.
 * The previous Document is updated in place (copying the nodes after the edit cost more than the
 * rest of a keystroke's lint): its model is updated with it, so whoever holds it sees the new text.
 *
 * Anything unusual (anchors, aliases, merges, syntax errors, an edit across entries, a change of
 * indentation or of the entry count) returns undefined: the caller parses the whole text.
 */

export interface Reparsed {
  document: Document.Parsed;
  value: Record<string, unknown>;
}

const BLOCK = 4096;


export const PARSE_OPTIONS = { logLevel: 'error', merge: true, uniqueKeys: true, prettyErrors: false, strict: false, keepSourceTokens: false } as const;

/** True when the document has no anchors, aliases or `<<` keys: its entries mean the same parsed alone. */
export function isSplittable(document: Document.Parsed): boolean {
  if (document.errors.length > 0) return false;
  let plain = true;
  visit(document, {
    Alias() {
      plain = false;
      return visit.BREAK;
    },
    Node(_, node) {
      if (node.anchor) {
        plain = false;
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && (pair.key.value === '<<' || typeof pair.key.value === 'symbol')) {
        plain = false;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return plain;
}

export function reparse(
  previous: { text: string; document: Document.Parsed; value: unknown },
  text: string,
  maxDepth: number,
): Reparsed | undefined {
  const old = previous.text;
  const root = previous.document.contents;
  if (!isMap(root) || root.flow || !isPlainRecord(previous.value)) return undefined;
  // The edited span, as the common prefix and suffix leave it.
  const limit = Math.min(old.length, text.length);
  let prefix = 0;
  // Whole blocks first (string comparison is a memcmp), then character by character.
  while (prefix + BLOCK <= limit && old.slice(prefix, prefix + BLOCK) === text.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + BLOCK <= limit - prefix && old.slice(old.length - suffix - BLOCK, old.length - suffix) === text.slice(text.length - suffix - BLOCK, text.length - suffix)) suffix += BLOCK;
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEnd = old.length - suffix;
  const delta = text.length - old.length;

  const sectionIndex = entryContaining(old, root, prefix, oldEnd);
  if (sectionIndex === undefined) return undefined;
  const sectionPair = root.items[sectionIndex];
  const section = sectionPair.value;
  if (!isScalar(sectionPair.key) || typeof sectionPair.key.value !== 'string' || !isMap(section) || section.flow) return undefined;
  const sectionValue = previous.value[sectionPair.key.value];
  if (!isPlainRecord(sectionValue)) return undefined;
  const entryIndex = entryContaining(old, section, prefix, oldEnd, spanEnd(old, root, sectionIndex));
  if (entryIndex === undefined) return undefined;
  const oldPair = section.items[entryIndex];
  const start = lineStartOf(old, keyOffset(oldPair)!);
  const oldStop = entryIndex + 1 < section.items.length ? lineStartOf(old, keyOffset(section.items[entryIndex + 1])!) : spanEnd(old, root, sectionIndex);
  const indent = keyOffset(oldPair)! - start;
  const newStop = oldStop + delta;
  const chunk = text.slice(start, newStop);
  if (newStop < text.length && !chunk.endsWith('\n')) return undefined;
  // The entry's key must stay first on its line, at the section's indentation.
  if (!/^ *$/.test(chunk.slice(0, indent)) || /^[\s#]/.test(chunk.charAt(indent))) return undefined;
  // A comment after the entry's last line ends a collection's range in the whole file, but not alone.
  if (chunk.slice(chunk.trimEnd().lastIndexOf('\n') + 1).includes('#')) return undefined;

  // Where a section or the document ends inside the entry's lines (its last entry), that end
  // depends on the new content: leave it to the whole parse.
  const ancestorEnds = [previous.document.range, root.range, section.range].flatMap((r) => r ? [r[1], r[2]] : []);
  if (ancestorEnds.some((end) => end >= start && end <= oldStop)) return undefined;

  const parsed = parseDocument(chunk, PARSE_OPTIONS);
  if (parsed.errors.length > 0 || !isSplittable(parsed)) return undefined;
  const entryRoot = parsed.contents;
  if (!isMap(entryRoot) || entryRoot.flow || entryRoot.items.length !== 1) return undefined;
  const newPair = entryRoot.items[0];
  if (!isScalar(newPair.key) || typeof newPair.key.value !== 'string' || newPair.key.range?.[0] !== indent) return undefined;
  const name = newPair.key.value;
  const oldName = isScalar(oldPair.key) ? oldPair.key.value : undefined;
  if (typeof oldName !== 'string' || !Object.prototype.hasOwnProperty.call(sectionValue, oldName)) return undefined;
  // A new name equal to a sibling's is a duplicate key: the whole parse reports it.
  if (section.items.some((p, i) => i !== entryIndex && isScalar(p.key) && String(p.key.value) === name)) return undefined;
  const entryValue = (parsed.toJS() as Record<string, unknown>)[name];
  if (depthOf(entryValue, 0, maxDepth) > maxDepth - 2) return undefined;

  // Everything after the entry moves by the edit's length; the new entry's nodes start at its line.
  for (let i = entryIndex + 1; i < section.items.length; i++) shiftPair(section.items[i], delta, oldStop);
  for (let i = sectionIndex + 1; i < root.items.length; i++) shiftPair(root.items[i], delta, oldStop);
  shiftPair(newPair, start, 0);
  // A new array, so lookups indexed by the old one are rebuilt.
  section.items = section.items.map((pair, i) => i === entryIndex ? newPair : pair);
  for (const range of [section.range, root.range, previous.document.range]) if (range) shiftRange(range, delta, oldStop);
  const document = previous.document;
  document.errors = [];
  document.warnings = [];

  const entries: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sectionValue)) {
    if (key === oldName) entries[name] = entryValue;
    else entries[key] = value;
  }
  return { document, value: { ...previous.value, [sectionPair.key.value]: entries } };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

function keyOffset(pair: Pair): number | undefined {
  return isNode(pair.key) ? (pair.key as Node).range?.[0] : undefined;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the span of the root entry at `index` ends: the line of the next root key, or the text's end. */
function spanEnd(text: string, root: YAMLMap, index: number): number {
  const next = root.items[index + 1];
  return next ? lineStartOf(text, keyOffset(next)!) : text.length;
}

/**
 * The index of the entry of a block map whose lines hold the edit [from, to): from the start of
 * its key's line to the start of the next key's line (the last one up to `end`).
 */
function entryContaining(text: string, map: YAMLMap, from: number, to: number, end = text.length): number | undefined {
  const starts: number[] = [];
  for (const pair of map.items) {
    const offset = keyOffset(pair);
    if (offset === undefined || !isScalar(pair.key)) return undefined;
    const lineStart = lineStartOf(text, offset);
    if (!/^ *$/.test(text.slice(lineStart, offset))) return undefined;
    starts.push(lineStart);
  }
  for (let i = 0; i < starts.length; i++) {
    const stop = i + 1 < starts.length ? starts[i + 1] : end;
    // An insertion right at the next key's line start belongs to that entry (from < stop).
    if (from >= starts[i] && to <= stop && from < stop) return i;
  }
  return undefined;
}

function depthOf(value: unknown, depth: number, limit: number): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Array.isArray(value) ? value : Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1, limit));
  return deepest;
}

function shiftRange(range: [number, number, number], by: number, from: number): void {
  for (let i = 0; i < 3; i++) if (range[i] >= from) range[i] += by;
}

function shiftPair(pair: Pair, by: number, from: number): void {
  shiftNode(pair.key, by, from);
  shiftNode(pair.value, by, from);
}

/** Moves every offset at or after `from` by `by`, in place; subtrees wholly before `from` are skipped. */
function shiftNode(node: unknown, by: number, from: number): void {
  if (by === 0 || !isNode(node)) return;
  const range = node.range;
  if (range) {
    if (range[2] < from) return;
    shiftRange(range, by, from);
  }
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isPair(item)) shiftPair(item, by, from);
      else shiftNode(item, by, from);
    }
  }
}
