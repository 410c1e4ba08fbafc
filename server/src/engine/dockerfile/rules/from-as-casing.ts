import type { DockerfileRule } from '../../rule';
import { selfChange } from '../edits';

/** `FROM image as name`: the `AS` keyword should be written in the same case as `FROM`. */
export const fromAsCasing: DockerfileRule = {
  meta: {
    id: 'from-as-casing',
    kind: 'dockerfile',
    title: 'The AS keyword should match the casing of FROM',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['FromAsCasing'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['FROM'],
  check({ model, report }) {
    for (const stage of model.stages) {
      const words = stage.from.getArguments();
      const as = words.length >= 3 ? words[words.length - 2] : undefined;
      if (!as || as.getValue().toLowerCase() !== 'as') continue;
      const keyword = stage.from.getInstruction();
      const written = as.getValue();
      const wanted = keyword === keyword.toUpperCase() ? 'AS' : keyword === keyword.toLowerCase() ? 'as' : undefined;
      if (!wanted || written === wanted) continue;
      report({
        range: as.getRange(),
        message: `\`${written}\` does not match the casing of \`${keyword}\`: write \`${keyword} … ${wanted} …\`.`,
        fixes: [{ title: `Write \`${wanted}\``, isPreferred: true, changes: [selfChange(model, [{ range: as.getRange(), newText: wanted }])] }],
      });
    }
  },
};
