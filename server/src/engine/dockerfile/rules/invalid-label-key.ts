import type { DockerfileRule } from '../../rule';
import { labelPairs } from '../labels';
import { hasVariable } from '../operands';

const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

/**
 * Docker's label key format: lowercase letters and digits, separated by single `.` or `-`,
 * starting with a letter; the com.docker.*, io.docker.* and org.dockerproject.* namespaces
 * belong to Docker.
 */
export function labelKeyProblem(key: string): string | undefined {
  if (RESERVED.test(key)) return `\`${key}\` is in a namespace reserved for Docker (com.docker.*, io.docker.*, org.dockerproject.*). Use your own reverse-DNS prefix, e.g. \`org.example.${key.split('.').pop()}\`.`;
  if (!/^[a-z]/.test(key)) return `Label key \`${key}\` should start with a lowercase letter.`;
  if (!/[a-z0-9]$/.test(key)) return `Label key \`${key}\` should end with a lowercase letter or digit.`;
  if (/[.-]{2}/.test(key)) return `Label key \`${key}\` has consecutive separators (\`..\`, \`--\`): use single dots and dashes.`;
  if (!/^[a-z0-9.-]+$/.test(key)) return `Label key \`${key}\` should use only lowercase letters, digits, \`.\` and \`-\` (reverse-DNS style, e.g. \`org.opencontainers.image.source\`).`;
  return undefined;
}

export const invalidLabelKey: DockerfileRule = {
  meta: {
    id: 'invalid-label-key',
    kind: 'dockerfile',
    title: 'Label keys should follow Docker\'s key format',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3048'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['LABEL'],
  check({ model, report }) {
    for (const pair of labelPairs(model)) {
      if (hasVariable(pair.key)) continue;
      const problem = labelKeyProblem(pair.key);
      if (problem) report({ range: pair.keyRange, message: problem });
    }
  },
};
