import type { Node, Pair, YAMLMap, Scalar } from 'yaml';
import { isMap, isScalar, isSeq, isAlias } from 'yaml';
import type { Range, TextEdit } from '../finding';
import type { ComposeModel } from './model';
import { isPlainObject, nodeAt, nodeRange, serviceEntries } from './model';

/** A service as Compose sees it (merges applied) next to where it is written. */
export interface ServiceView {
  name: string;
  /** The resolved value: anchors and `<<` merges applied. */
  value: Record<string, unknown>;
  /** The key node of the service name. */
  key: Scalar;
  /** The service's mapping as written (undefined when it is not a mapping). */
  map?: YAMLMap;
  pair: Pair;
}

/** Every rule asks for the services; they are gathered once per parsed model. */
const serviceViews = new WeakMap<ComposeModel, { value: unknown; views: ServiceView[] }>();

export function services(model: ComposeModel): ServiceView[] {
  let cached = serviceViews.get(model);
  // A model follows its document's edits (see incremental.ts): its value is then a new object.
  if (!cached || cached.value !== model.value) {
    cached = { value: model.value, views: gatherServices(model) };
    serviceViews.set(model, cached);
  }
  return cached.views.slice();
}

function gatherServices(model: ComposeModel): ServiceView[] {
  const resolved = isPlainObject(model.value) && isPlainObject(model.value.services) ? model.value.services : {};
  return serviceEntries(model).flatMap((entry) => {
    const value = resolved[entry.name];
    return isPlainObject(value) ? [{ name: entry.name, value, key: entry.key, map: entry.map, pair: entry.pair }] : [];
  });
}

export function topLevel(model: ComposeModel, key: string): Record<string, unknown> {
  const value = isPlainObject(model.value) ? model.value[key] : undefined;
  return isPlainObject(value) ? value : {};
}

export function rangeOf(model: ComposeModel, node: Node | Pair | null | undefined): Range {
  return nodeRange(model, node) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Range of the key at `path` when it is written in this file; else of the nearest written ancestor. */
export function keyRange(model: ComposeModel, path: readonly (string | number)[]): Range {
  const hit = nodeAt(model, path);
  if (hit.depth === path.length && hit.pair && typeof path[path.length - 1] === 'string') return rangeOf(model, hit.pair.key as Node);
  if (hit.depth === path.length) return rangeOf(model, hit.node);
  return rangeOf(model, hit.pair?.key as Node | undefined ?? hit.node);
}

export function valueRange(model: ComposeModel, path: readonly (string | number)[]): Range {
  const hit = nodeAt(model, path);
  return rangeOf(model, hit.node);
}

export function nodeAtPath(model: ComposeModel, path: readonly (string | number)[]): Node | undefined {
  const hit = nodeAt(model, path);
  return hit.depth === path.length ? hit.node : undefined;
}

/** The whole lines of a pair (key through value), for deleting it. */
export function pairLinesRange(model: ComposeModel, pair: Pair): Range {
  const range = rangeOf(model, pair);
  const nextLine = range.end.character === 0 ? range.end.line : range.end.line + 1;
  const end = nextLine < model.lines.lineCount ? { line: nextLine, character: 0 } : model.lines.positionAt(model.text.length);
  return { start: { line: range.start.line, character: 0 }, end };
}

/** Column where the key of the given pair starts (its indentation). */
export function indentOf(model: ComposeModel, node: Node | Pair): number {
  return rangeOf(model, node).start.character;
}

/** A YAML double-quoted scalar for a string. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** The items of a sequence node, aliases resolved. */
export function seqItems(model: ComposeModel, node: Node | undefined): Node[] {
  const resolved = isAlias(node) ? (node.resolve(model.document) as Node | undefined) : node;
  return isSeq(resolved) ? (resolved.items as Node[]) : [];
}

export function mapOf(model: ComposeModel, node: Node | undefined): YAMLMap | undefined {
  const resolved = isAlias(node) ? (node.resolve(model.document) as Node | undefined) : node;
  return isMap(resolved) ? resolved : undefined;
}

export function scalarText(node: Node | undefined): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

/** Names listed by `depends_on` (short list or long mapping form). */
export function dependencyNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (isPlainObject(value)) return Object.keys(value);
  return [];
}

export function hasHealthcheck(service: Record<string, unknown>): boolean {
  const check = service.healthcheck;
  if (!isPlainObject(check)) return false;
  if (check.disable === true) return false;
  const test = check.test;
  if (Array.isArray(test) && test[0] === 'NONE') return false;
  return test !== undefined;
}
