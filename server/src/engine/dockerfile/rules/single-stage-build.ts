import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const singleStageBuild: DockerfileRule = {
  meta: {
    id: 'single-stage-build',
    kind: 'dockerfile',
    title: 'Build in a builder stage and ship only the output',
    severity: 'information',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
