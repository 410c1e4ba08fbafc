import type { DockerfileRule } from '../../rule';
import { exposedPorts } from '../operands';

/** An SSH server in a container is a second way in, with its own keys to leak; use `docker exec`. */
export const exposeSshPort: DockerfileRule = {
  meta: {
    id: 'expose-ssh-port',
    kind: 'dockerfile',
    title: 'Do not expose the SSH port (22)',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['CKV_DOCKER_1', 'DS004', 'DS-0004'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['EXPOSE'],
  check({ model, report }) {
    for (const { word, low, high, protocol } of exposedPorts(model)) {
      if (low > 22 || high < 22 || (protocol !== undefined && !/^(tcp|udp|sctp)$/i.test(protocol))) continue;
      report({
        range: word.range,
        message: 'This exposes port 22 (SSH): an SSH server in a container is another way in, with keys to manage and leak. Use `docker exec` to get a shell, and remove port 22 from EXPOSE.',
      });
    }
  },
};
