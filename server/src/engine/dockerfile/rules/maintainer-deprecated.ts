import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';
import { replaceInstruction, selfChange } from '../edits';

/** MAINTAINER is deprecated: the OCI `org.opencontainers.image.authors` label says the same. */
export const maintainerDeprecated: DockerfileRule = {
  meta: {
    id: 'maintainer-deprecated',
    kind: 'dockerfile',
    title: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['MaintainerDeprecated', 'DL4000'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['MAINTAINER'],
  check({ model, report }) {
    const firstFrom = model.stages[0]?.from.getRange().start.line ?? Infinity;
    for (const instruction of model.ast.getInstructions()) {
      if (keywordOf(instruction) !== 'MAINTAINER') continue;
      const author = (instruction.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim();
      const inStage = instruction.getRange().start.line > firstFrom;
      const label = `LABEL org.opencontainers.image.authors="${author.replace(/(["\\$])/g, '\\$1')}"`;
      report({
        range: instruction.getInstructionRange(),
        message: `MAINTAINER is deprecated. Use \`${label}\` instead.`,
        fixes: inStage && author ? [{
          title: `Replace with ${label}`,
          isPreferred: true,
          changes: [selfChange(model, [replaceInstruction(instruction, label)])],
        }] : [],
      });
    }
  },
};
