import { securityRule } from './security-support';

/** Sharing the host's network, PID, IPC or user namespace removes the isolation that makes it a container. */
export const composeHostNamespace = securityRule('compose-host-namespace', 'Do not share host namespaces', 'warning', true, (service, at) => {
  const found: { range: ReturnType<typeof at>; message: string }[] = [];
  const checks: [string, string][] = [['network_mode', 'network'], ['pid', 'process'], ['ipc', 'IPC'], ['userns_mode', 'user'], ['uts', 'UTS']];
  for (const [key, what] of checks) {
    if (service.value[key] !== 'host') continue;
    found.push({ range: at([key]), message: `Service \`${service.name}\` shares the host's ${what} namespace (\`${key}: host\`), so it sees and can reach the host's ${what === 'network' ? 'interfaces and local services' : `${what.toLowerCase()} resources`}. Remove it unless the service truly needs it.` });
  }
  return found;
});
