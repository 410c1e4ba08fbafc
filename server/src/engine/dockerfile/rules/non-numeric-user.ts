import type { DockerfileRule } from '../../rule';
import { argumentWords, hasVariable, placedInstructions } from '../operands';

/**
 * `USER app` is resolved through the image's /etc/passwd; Kubernetes' `runAsNonRoot` and host
 * tooling only see the number. A numeric `USER 10001:10001` is unambiguous everywhere.
 */
export const nonNumericUser: DockerfileRule = {
  meta: {
    id: 'non-numeric-user',
    kind: 'dockerfile',
    title: 'USER should be a numeric id',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3066'],
    fixable: false,
  },
  check({ model, report }) {
    for (const { instruction, keyword } of placedInstructions(model)) {
      if (keyword !== 'USER') continue;
      const [word] = argumentWords(model, instruction);
      if (!word || hasVariable(word.text)) continue;
      const parts = word.value.split(':');
      if (parts.every((p) => /^\d+$/.test(p))) continue;
      report({
        range: word.range,
        message: `\`USER ${word.value}\` is a name the host and Kubernetes (runAsNonRoot) cannot check. Use the numeric uid (and gid), e.g. \`USER 10001:10001\`.`,
      });
    }
  },
};
