import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const devDependenciesInImage: DockerfileRule = {
  meta: {
    id: 'dev-dependencies-in-image',
    kind: 'dockerfile',
    title: 'The final image should not install dev dependencies',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
