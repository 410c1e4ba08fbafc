import type { DockerfileRule } from '../../rule';

/** Placeholder: metadata final, check to be written. */
export const secretInEnv: DockerfileRule = {
  meta: {
    id: 'secret-in-env',
    kind: 'dockerfile',
    title: 'Secrets must not be baked into the image through ENV or ARG',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3064', 'SecretsUsedInArgOrEnv', 'DS031', 'DS-0031'],
    fixable: true,
  },
  check() {
    // not yet implemented
  },
};
