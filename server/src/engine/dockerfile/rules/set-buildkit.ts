import type { DockerfileRule } from '../../rule';

/** Rules of this set, one module each, named by their ids. */
export const buildkitRules: DockerfileRule[] = [
];
