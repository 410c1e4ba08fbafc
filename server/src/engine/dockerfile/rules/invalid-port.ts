import type { DockerfileRule } from '../../rule';
import { argumentWords, hasVariable, placedInstructions } from '../operands';

/** `EXPOSE 80000`: ports run from 0 to 65535; Docker refuses anything else. */
export const invalidPort: DockerfileRule = {
  meta: {
    id: 'invalid-port',
    kind: 'dockerfile',
    title: 'EXPOSE ports must be between 0 and 65535',
    severity: 'error',
    enabledByDefault: true,
    equivalents: ['DL3011', 'DS008', 'DS-0008'],
    fixable: false,
  },
  check({ model, report }) {
    for (const { instruction, keyword } of placedInstructions(model)) {
      if (keyword !== 'EXPOSE') continue;
      for (const word of argumentWords(model, instruction)) {
        if (hasVariable(word.text)) continue;
        const ports = /^(\d+)(?:-(\d+))?(?:\/[a-z]*)?$/i.exec(word.value);
        if (!ports) continue;
        const bad = [ports[1], ports[2]].filter((p): p is string => p !== undefined).find((p) => Number(p) > 65535);
        if (bad === undefined) continue;
        report({
          range: word.range,
          message: `Port ${bad} does not exist: ports run from 0 to 65535, and Docker refuses this EXPOSE. Use the port the app listens on.`,
        });
      }
    }
  },
};
