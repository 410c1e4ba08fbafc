import {
  parseDocument, isAlias, isMap, isPair, isScalar, isSeq, isNode,
  type Document, type Node, type Pair, type YAMLMap, type Scalar,
} from 'yaml';
import type { Range } from '../finding';
import { LineIndex } from '../text';
import { keepRecent } from '../util/recent';
import { isSplittable, PARSE_OPTIONS, reparse } from './incremental';

/** A Compose file parsed with source ranges: what its rules and the schema validator read. */
export interface ComposeModel {
  path: string;
  text: string;
  lines: LineIndex;
  document: Document.Parsed;
  /** The resolved plain value (anchors, aliases and `<<` merges applied), or undefined if it cannot be built. */
  value: unknown;
  /** YAML syntax errors, at their positions. */
  syntaxErrors: { range: Range; message: string }[];
  /** A syntax error other than a duplicate key: what the parser built may not be what was meant. */
  misread: boolean;
  /** Refused outright (alias bomb, too deep): the reason, shown as one finding. */
  refused?: string;
}

export const MAX_ALIAS_COUNT = 100000;

/** A LineIndex that scans for the line break style once: rules ask for it per finding and fix. */
class ComposeLines extends LineIndex {
  private cachedEol?: string;

  override get eol(): string {
    return (this.cachedEol ??= super.eol);
  }
}

/**
 * The last model of each path, so a keystroke re-parses only the entry it changed (see
 * incremental.ts), and the same text (code actions, project loading) is parsed once.
 */
const recentModels = new Map<string, { model: ComposeModel; splittable: boolean }>();
const RECENT_LIMIT = 32;

export function parseCompose(path: string, text: string): ComposeModel {
  const recent = recentModels.get(path);
  if (recent?.model.text === text) return recent.model;
  const reparsed = recent?.splittable ? reparse(recent.model, text, MAX_DEPTH) : undefined;
  let entry: { model: ComposeModel; splittable: boolean };
  if (recent && reparsed) {
    // The previous model's document was updated in place: the model follows it to the new text.
    entry = { model: Object.assign(recent.model, { text, lines: new ComposeLines(text), document: reparsed.document, value: reparsed.value, syntaxErrors: [] }), splittable: true };
  } else {
    const model = parseWhole(path, text);
    entry = { model, splittable: model.syntaxErrors.length === 0 && !model.refused && isSplittable(model.document) };
  }
  keepRecent(recentModels, path, entry, RECENT_LIMIT);
  return entry.model;
}

function parseWhole(path: string, text: string): ComposeModel {
  const lines = new ComposeLines(text);
  const document = parseDocument(text, PARSE_OPTIONS);
  const syntaxErrors = document.errors.map((e) => ({ range: lines.rangeOf(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)), message: yamlMessage(e.message) }));
  const misread = document.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  const model: ComposeModel = { path, text, lines, document, value: undefined, syntaxErrors, misread };
  try {
    model.value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const shape = unsafeShape(model.value);
    if (shape) model.refused = shape;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    model.refused = /alias/i.test(message)
      ? `This file expands YAML aliases into far more data than it holds (an "alias bomb"); it is not expanded or linted further. Reduce the nesting of anchors and aliases.`
      : `This file cannot be read as YAML data: ${message.split('\n')[0]}`;
  }
  return model;
}

export const MAX_DEPTH = 64;

/** A value that contains itself (`&a [*a]`) or nests deeper than any Compose file: rules would recurse forever. */
function unsafeShape(value: unknown): string | undefined {
  const onPath = new Set<unknown>();
  const visit = (node: unknown, depth: number): string | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    if (onPath.has(node)) return 'An anchor in this file contains an alias to itself, so its value never ends; it is not linted further. Remove the alias from inside its own anchor.';
    if (depth > MAX_DEPTH) return `This file nests collections more than ${MAX_DEPTH} levels deep, far beyond any Compose file; it is not linted further. Flatten the nesting.`;
    onPath.add(node);
    const children = node instanceof Map ? [...node.values()] : Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      const problem = visit(child, depth + 1);
      if (problem) return problem;
    }
    onPath.delete(node);
    return undefined;
  };
  return visit(value, 0);
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax error: ${first}`;
}

export function nodeRange(model: ComposeModel, node: Node | Pair | null | undefined): Range | undefined {
  if (!node) return undefined;
  if (isPair(node)) {
    const key = node.key as Node | null;
    const value = node.value as Node | null;
    const start = key?.range?.[0] ?? value?.range?.[0];
    const end = value?.range?.[1] ?? key?.range?.[1];
    return start === undefined || end === undefined ? undefined : model.lines.rangeOf(start, end);
  }
  const range = node.range;
  return range ? model.lines.rangeOf(range[0], range[1]) : undefined;
}

/** A map's pair for `key`, looking through `<<` merges (the pair is where it is written). */
export function pairOf(model: ComposeModel, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const index = pairIndex(map);
  if (!index.hasMerge) return index.pairs.get(key);
  let merged: Pair | undefined;
  let own: Pair | undefined;
  for (const pair of map.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    // With a duplicate key (a YAML error), the value comes from the last one: point there too.
    if (k === key) own = pair;
    if (k === '<<' && depth < 10 && !merged) {
      for (const source of mergeSources(model, pair.value as Node)) {
        merged = pairOf(model, source, key, depth + 1);
        if (merged) break;
      }
    }
  }
  return own ?? merged;
}

/**
 * Each map's pairs by key, built once per parsed map: rules look keys up by path from the root for
 * every service, which scanned the 1,000 entries of a large `services:` map each time.
 */
const pairIndexes = new WeakMap<YAMLMap, { pairs: Map<unknown, Pair>; hasMerge: boolean; items: unknown[] }>();

function pairIndex(map: YAMLMap): { pairs: Map<unknown, Pair>; hasMerge: boolean } {
  const cached = pairIndexes.get(map);
  // An incremental re-parse gives a map a new items array.
  if (cached && cached.items === map.items) return cached;
  const pairs = new Map<unknown, Pair>();
  let hasMerge = false;
  for (const pair of map.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    // With a duplicate key (a YAML error), the value comes from the last one: point there too.
    pairs.set(k, pair);
    if (k === '<<') hasMerge = true;
  }
  const index = { pairs, hasMerge, items: map.items };
  pairIndexes.set(map, index);
  return index;
}

function mergeSources(model: ComposeModel, node: Node | null): YAMLMap[] {
  if (!node) return [];
  const resolved = isAlias(node) ? node.resolve(model.document) : node;
  if (isMap(resolved)) return [resolved];
  if (isSeq(resolved)) return resolved.items.flatMap((item) => mergeSources(model, item as Node));
  return [];
}

/** The AST node at a path of keys and indexes, following aliases and merges; undefined where it stops. */
export function nodeAt(model: ComposeModel, path: readonly (string | number)[]): { node?: Node; pair?: Pair; depth: number } {
  let current: Node | null | undefined = model.document.contents as Node | null;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(current)) current = current.resolve(model.document) as Node | undefined;
    const step = path[i];
    if (isMap(current)) {
      const found = pairOf(model, current, String(step));
      if (!found) return { node: current, pair, depth: i };
      pair = found;
      current = found.value as Node | null;
    } else if (isSeq(current) && typeof step === 'number') {
      const item = current.items[step] as Node | undefined;
      if (!item) return { node: current, pair, depth: i };
      pair = undefined;
      current = item;
    } else {
      return { node: current ?? undefined, pair, depth: i };
    }
  }
  return { node: current ?? undefined, pair, depth: path.length };
}

/** Range of the key of the pair at `path` (the value's range when it has no key, e.g. a list item). */
export function keyRangeAt(model: ComposeModel, path: readonly (string | number)[]): Range | undefined {
  const hit = nodeAt(model, path);
  if (hit.depth === path.length && hit.pair && typeof path[path.length - 1] === 'string') return nodeRange(model, hit.pair.key as Node);
  return nodeRange(model, hit.node) ?? documentStart(model);
}

export function valueRangeAt(model: ComposeModel, path: readonly (string | number)[]): Range | undefined {
  const hit = nodeAt(model, path);
  return nodeRange(model, hit.node) ?? documentStart(model);
}

function documentStart(model: ComposeModel): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: model.lines.lineText(0).length } };
}

/** The services map and each service's key and value nodes, as written in this file. */
export function serviceEntries(model: ComposeModel): { name: string; key: Scalar; map?: YAMLMap; pair: Pair }[] {
  const services = nodeAt(model, ['services']);
  if (services.depth !== 1 || !isMap(services.node)) return [];
  return services.node.items.flatMap((pair) => {
    if (!isScalar(pair.key)) return [];
    const value = isAlias(pair.value) ? pair.value.resolve(model.document) : pair.value;
    return [{ name: String(pair.key.value), key: pair.key, map: isMap(value) ? value : undefined, pair }];
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { isNode };
