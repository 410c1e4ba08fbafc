import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const missingHealthcheck: DockerfileRule = {
  meta: {
    id: 'missing-healthcheck',
    kind: 'dockerfile',
    title: 'A service image should declare a HEALTHCHECK',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3057', 'CKV_DOCKER_2', 'DS026', 'DS-0026'],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
