import type { DockerfileRule } from '../../rule';
import { exposedPorts } from '../operands';

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
  runIndependent: true,
  reads: ['EXPOSE'],
  check({ model, report }) {
    for (const { word, low, high } of exposedPorts(model)) {
      const bad = [low, high].find((p) => p > 65535);
      if (bad === undefined) continue;
      report({
        range: word.range,
        message: `Port ${bad} does not exist: ports run from 0 to 65535, and Docker refuses this EXPOSE. Use the port the app listens on.`,
      });
    }
  },
};
