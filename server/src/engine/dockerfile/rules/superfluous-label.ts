import type { DockerfileRule } from '../../rule';
import { labelPairs } from '../labels';
import { hasVariable } from '../operands';

/** With `strict-labels: true`, only the labels of the `label-schema` may be set. */
export const superfluousLabel: DockerfileRule = {
  meta: {
    id: 'superfluous-label',
    kind: 'dockerfile',
    title: 'Only labels of the label schema are allowed (when strict-labels is on)',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3050'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['LABEL', 'ONBUILD'],
  check({ model, report, config }) {
    if (!config?.strictLabels) return;
    const schema = config.labelSchema ?? {};
    const known = Object.keys(schema);
    for (const pair of labelPairs(model)) {
      if (known.includes(pair.key) || hasVariable(pair.key)) continue;
      report({
        range: pair.keyRange,
        message: `Label \`${pair.key}\` is not in the label schema, and strict-labels allows no others. Remove it, or add it to \`label-schema\`${known.length ? ` (known: ${known.join(', ')})` : ''}.`,
      });
    }
  },
};
