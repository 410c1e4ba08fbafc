import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const unpinnedBaseImage: DockerfileRule = {
  meta: {
    id: 'unpinned-base-image',
    kind: 'dockerfile',
    title: 'Base images should be pinned to a tag or digest',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3006', 'DL3007', 'CKV_DOCKER_7', 'DS001', 'DS-0001'],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
