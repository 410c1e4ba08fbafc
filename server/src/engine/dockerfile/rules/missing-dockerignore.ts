import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const missingDockerignore: DockerfileRule = {
  meta: {
    id: 'missing-dockerignore',
    kind: 'dockerfile',
    title: 'A build that copies the whole context needs a .dockerignore',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
