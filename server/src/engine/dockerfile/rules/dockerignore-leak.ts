import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const dockerignoreLeak: DockerfileRule = {
  meta: {
    id: 'dockerignore-leak',
    kind: 'dockerfile',
    title: '.dockerignore should keep secrets, .git and node_modules out of the context',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
