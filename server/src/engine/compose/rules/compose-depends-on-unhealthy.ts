import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from '../../finding';
import type { ComposeRule } from '../../rule';
import type { ComposeModel } from '../model';
import { isPlainObject, nodeAt } from '../model';
import { healthSource } from '../health';
import { indentOf, rangeOf, services, topLevel } from '../services';

/**
 * `depends_on: [db]` only waits for the database container to *start*, not to accept
 * connections: the API boots, fails to connect and crash-loops. When the dependency has a
 * healthcheck, `condition: service_healthy` makes Compose wait for it.
 */
export const composeDependsOnUnhealthy: ComposeRule = {
  meta: {
    id: 'compose-depends-on-unhealthy',
    kind: 'compose',
    title: 'Wait for dependencies that have a healthcheck to be healthy',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    const all = topLevel(model, 'services');
    for (const service of services(model)) {
      const depends = service.value.depends_on;
      const hit = nodeAt(model, ['services', service.name, 'depends_on']);
      const node = hit.depth === 3 ? hit.node : undefined;
      if (!node || !hit.pair) continue;
      const keyColumn = rangeOf(model, hit.pair.key as Node).start.character;
      const healthy = (name: string) => isPlainObject(all[name]) && healthSource(model, all[name] as Record<string, unknown>, workspace, onDisk) !== undefined;
      const entries: { name: string; node: Node; condition?: string }[] = [];
      if (Array.isArray(depends) && isSeq(node)) {
        node.items.forEach((item) => {
          if (isScalar(item) && typeof item.value === 'string') entries.push({ name: item.value, node: item });
        });
      } else if (isPlainObject(depends) && isMap(node)) {
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const name = String(pair.key.value);
          const spec = depends[name];
          const condition = isPlainObject(spec) && typeof spec.condition === 'string' ? spec.condition : 'service_started';
          entries.push({ name, node: pair.key as Node, condition });
        }
      }
      const waiting = entries.filter((e) => (e.condition ?? 'service_started') === 'service_started' && healthy(e.name));
      if (waiting.length === 0) continue;
      // The long form turns every entry into a map key, and Compose interpolates values, not keys:
      // `- ${DB_HOST:-db}` would stop resolving. Such a list is reported without a fix.
      const interpolated = isSeq(node) && entries.some((e) => e.name.includes('$'));
      const edits = interpolated ? undefined : rewrite(model, node, keyColumn, entries.map((e) => e.name), new Set(waiting.map((e) => e.name)));
      for (const entry of waiting) {
        report({
          range: rangeOf(model, entry.node),
          message: `Service \`${service.name}\` starts as soon as \`${entry.name}\` has started, not when it is ready, although \`${entry.name}\` has a healthcheck. Use \`condition: service_healthy\`.`,
          fixes: edits ? [{ title: 'Wait until healthy: `condition: service_healthy`', isPreferred: true, changes: [{ kind: 'edit', path: model.path, edits }] }] : [],
        });
      }
    }
  },
};

/** Short form becomes the long form; in the long form only the conditions change. */
function rewrite(model: ComposeModel, node: Node, keyColumn: number, names: string[], toHealthy: Set<string>): TextEdit[] | undefined {
  const eol = model.lines.eol;
  if (isSeq(node)) {
    // Items written at the key's own column (`depends_on:` then `- db` below it) need one more level as map keys.
    const indent = node.flow ? keyColumn + 2 : Math.max(indentOf(model, node), keyColumn + 2);
    const pad = ' '.repeat(indent);
    const lines = names.flatMap((n) => [`${pad}${n}:`, `${pad}  condition: ${toHealthy.has(n) ? 'service_healthy' : 'service_started'}`]);
    const range = rangeOf(model, node);
    if (node.flow) {
      // Take the spaces after `depends_on:` along, so no line ends in whitespace.
      let start = model.lines.offsetAt(range.start);
      while (start > 0 && model.text[start - 1] === ' ') start--;
      return [{ range: { start: model.lines.positionAt(start), end: range.end }, newText: eol + lines.join(eol) }];
    }
    // A block sequence's range starts at its first `-` and ends after its last line break.
    const start = { line: range.start.line, character: 0 };
    const endsWithBreak = range.end.character === 0;
    return [{ range: { start, end: range.end }, newText: lines.join(eol) + (endsWithBreak ? eol : '') }];
  }
  if (isMap(node) && !node.flow) {
    const edits: TextEdit[] = [];
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !toHealthy.has(String(pair.key.value))) continue;
      const spec = pair.value as Node | null;
      if (isMap(spec) && !spec.flow) {
        const condition = (spec as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'condition');
        if (condition && condition.value) edits.push({ range: rangeOf(model, condition.value as Node), newText: 'service_healthy' });
        else {
          const first = spec.items[0];
          if (!first) return undefined;
          const start = rangeOf(model, first.key as Node).start;
          edits.push({ range: { start, end: start }, newText: `condition: service_healthy${eol}${' '.repeat(start.character)}` });
        }
      } else if (spec === null || (isScalar(spec) && spec.value === null)) {
        const keyRange = rangeOf(model, pair.key as Node);
        const end = { line: keyRange.end.line, character: model.lines.lineText(keyRange.end.line).length };
        edits.push({ range: { start: keyRange.start, end }, newText: `${String((pair.key as { value: unknown }).value)}:${eol}${' '.repeat(keyRange.start.character + 2)}condition: service_healthy` });
      } else return undefined;
    }
    return edits.length > 0 ? edits : undefined;
  }
  return undefined;
}
