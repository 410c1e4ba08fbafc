import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const heavyBaseImage: DockerfileRule = {
  meta: {
    id: 'heavy-base-image',
    kind: 'dockerfile',
    title: 'The final stage should use a slim or alpine variant of the official image',
    severity: 'information',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
