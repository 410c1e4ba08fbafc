import { isMap, isScalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ComposeRule, ComposeRuleContext } from '../../rule';
import type { RuleMeta, Fix, TextEdit } from '../../finding';
import { rangeOf } from '../services';
import { reorderEdit, sortedOrder } from '../reorder';

/**
 * Shared by the rules that give dclint's fifteen checks a home, so a team moving from dclint keeps
 * every check (and its disable comments). The style and ordering ones are off by default.
 */

export function meta(id: string, title: string, equivalent: string, severity: RuleMeta['severity'], enabledByDefault: boolean, fixable: boolean): RuleMeta {
  return { id, kind: 'compose', title, severity, enabledByDefault, equivalents: [equivalent], fixable };
}

export function edit(context: ComposeRuleContext, range: TextEdit, title: string): Fix {
  return { title, isPreferred: true, changes: [{ kind: 'edit', path: context.model.path, edits: [range] }] };
}

/** Two services run together unless both are limited to profiles that never overlap. */

export function runTogether(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const pa = Array.isArray(a.profiles) ? a.profiles : [];
  const pb = Array.isArray(b.profiles) ? b.profiles : [];
  return pa.length === 0 || pb.length === 0 || pa.some((p) => pb.includes(p));
}

/** `localeCompare` without arguments, built once (it builds a collator per call). */
const defaultOrder = new Intl.Collator().compare;

export function reorderRule(id: string, title: string, equivalent: string, severity: RuleMeta['severity'], collect: (context: ComposeRuleContext) => { node: YAMLMap | YAMLSeq; keys: string[]; at: Node; what: string }[], compare: (a: string, b: string) => number = defaultOrder): ComposeRule {
  return {
    meta: meta(id, title, equivalent, severity, false, true),
    check(context) {
      for (const target of collect(context)) {
        const order = sortedOrder(target.keys, mergeKeyFirst(compare));
        if (order.every((i, position) => i === position)) continue;
        const change = reorderEdit(context.model, target.node, order);
        context.report({
          range: rangeOf(context.model, target.at),
          message: `${target.what} are not in order: ${order.map((i) => target.keys[i]).join(', ')}.`,
          fixes: change ? [edit(context, change, 'Sort them')] : [],
        });
      }
    },
  };
}

/** A key's text; YAML's merge key (`<<`) is a symbol in the parsed document. */
export const keyName = (n: unknown) => (!isScalar(n) ? '' : typeof n.value === 'symbol' ? n.value.description ?? MERGE_KEY : String(n.value));

const MERGE_KEY = '<<';

/** `<<: *defaults` stays first, where it is written by convention (explicit keys override it wherever it is). */
function mergeKeyFirst(compare: (a: string, b: string) => number): (a: string, b: string) => number {
  return (a, b) => Number(b === MERGE_KEY) - Number(a === MERGE_KEY) || compare(a, b);
}

/** What a port entry is sorted by: its host port (published), else its container port, ignoring the address. */

export function portSortKey(item: unknown): string {
  if (isMap(item)) return String(item.get('published') ?? item.get('target') ?? '');
  if (!isScalar(item)) return '';
  const text = String(item.value).replace(/^\[[^\]]*\]:/, '');
  const parts = text.split(':');
  return parts.length === 3 ? parts[1] : parts[0];
}

export const KEY_GROUPS = [
  ['image', 'build', 'container_name'], ['depends_on'], ['volumes', 'volumes_from', 'configs', 'secrets'], ['environment', 'env_file'],
  ['ports', 'networks', 'network_mode', 'extra_hosts'], ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'], ['logging', 'labels'], ['user', 'isolation'],
].flat();

const KEY_RANKS = new Map(KEY_GROUPS.map((key, rank) => [key, rank] as const).reverse());

export const keyRank = (k: string) => KEY_RANKS.get(k) ?? KEY_GROUPS.length;

export const TOP_ORDER = ['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs'];

export const topRank = (k: string) => (k.startsWith('x-') ? -1 : TOP_ORDER.includes(k) ? TOP_ORDER.indexOf(k) : TOP_ORDER.length);
