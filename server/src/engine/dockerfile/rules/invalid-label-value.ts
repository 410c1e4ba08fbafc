import type { DockerfileRule } from '../../rule';
import { labelPairs } from '../labels';
import { KIND_CODES, labelKind, labelValueProblem } from '../label-schema';
import { hasVariable } from '../operands';

/** With a `label-schema` configured, each listed label must hold the kind of value it names. */
export const invalidLabelValue: DockerfileRule = {
  meta: {
    id: 'invalid-label-value',
    kind: 'dockerfile',
    title: 'Labels of the label schema must hold valid values (when configured)',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['LABEL'],
  check({ model, report, config }) {
    const schema = config?.labelSchema ?? {};
    if (Object.keys(schema).length === 0) return;
    for (const pair of labelPairs(model)) {
      const kindName = schema[pair.key];
      if (typeof kindName !== 'string') continue;
      const kind = labelKind(kindName) ?? 'text';
      if (hasVariable(pair.value)) continue;
      const problem = labelValueProblem(kind, pair.value);
      if (!problem) continue;
      report({
        range: pair.valueRange ?? pair.keyRange,
        message: `Label \`${pair.key}\` ${problem}; the label schema says it holds ${kind === 'text' ? 'text' : `a ${kind} value`}.`,
        equivalents: [problem === 'is empty' ? 'DL3051' : KIND_CODES[kind]],
      });
    }
  },
};
