import { isScalar, Scalar } from 'yaml';
import type { ComposeRule } from '../../rule';
import { nodeAtPath, quoted, rangeOf, seqItems, services } from '../services';

/**
 * `- 22:22` unquoted is read by YAML 1.1 parsers (PyYAML, docker-compose v1, many tools) as the
 * base-60 number 1342; the mapping the author meant is lost. Quoting removes the ambiguity.
 */
export const composePortsUnquoted: ComposeRule = {
  meta: {
    id: 'compose-ports-unquoted',
    kind: 'compose',
    title: 'Quote `ports` entries that YAML 1.1 reads as base-60 numbers',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, report }) {
    for (const service of services(model)) {
      for (const item of seqItems(model, nodeAtPath(model, ['services', service.name, 'ports']))) {
        if (!isScalar(item) || item.type !== Scalar.PLAIN) continue;
        const source = model.text.slice(item.range![0], item.range![1]);
        if (!isSexagesimal(source)) continue;
        report({
          range: rangeOf(model, item),
          message: `Port mapping \`${source}\` is unquoted: YAML 1.1 readers turn \`xx:yy\` into a base-60 number. Quote it: "${source}".`,
          fixes: [{ title: `Quote it: "${source}"`, isPreferred: true, changes: [{ kind: 'edit', path: model.path, edits: [{ range: rangeOf(model, item), newText: quoted(source) }] }] }],
        });
      }
    }
  },
};

/** `a:b[:c…]` where every part after the first is below 60: what YAML 1.1 reads as sexagesimal. */
export function isSexagesimal(text: string): boolean {
  const parts = text.split(':');
  if (parts.length < 2 || !parts.every((p) => /^\d+$/.test(p))) return false;
  return parts.slice(1).every((p) => Number(p) < 60);
}
