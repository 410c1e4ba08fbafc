import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const copyBeforeInstall: DockerfileRule = {
  meta: {
    id: 'copy-before-install',
    kind: 'dockerfile',
    title: 'Copy dependency manifests and install before copying the whole context',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
