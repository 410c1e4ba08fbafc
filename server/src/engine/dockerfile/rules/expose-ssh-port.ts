import type { DockerfileRule } from '../../rule';
import { argumentWords, hasVariable, placedInstructions } from '../operands';

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
  check({ model, report }) {
    for (const { instruction, keyword } of placedInstructions(model)) {
      if (keyword !== 'EXPOSE') continue;
      for (const word of argumentWords(model, instruction)) {
        if (hasVariable(word.text)) continue;
        const ports = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word.value);
        if (!ports) continue;
        const low = Number(ports[1]);
        const high = ports[2] !== undefined ? Number(ports[2]) : low;
        if (low > 22 || high < 22) continue;
        report({
          range: word.range,
          message: 'This exposes port 22 (SSH): an SSH server in a container is another way in, with keys to manage and leak. Use `docker exec` to get a shell, and remove port 22 from EXPOSE.',
        });
      }
    }
  },
};
