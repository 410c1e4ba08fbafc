import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const packageCacheInImage: DockerfileRule = {
  meta: {
    id: 'package-cache-in-image',
    kind: 'dockerfile',
    title: 'Package manager caches should not stay in the image',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3009', 'DL3019', 'DL3042', 'DL3060', 'DS025', 'DS-0025'],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
