import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const noRootUser: DockerfileRule = {
  meta: {
    id: 'no-root-user',
    kind: 'dockerfile',
    title: 'The final stage should not run as root',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'DS002', 'DS-0002'],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
