import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const npmStartCmd: DockerfileRule = {
  meta: {
    id: 'npm-start-cmd',
    kind: 'dockerfile',
    title: 'Start the app with node, not npm start',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
