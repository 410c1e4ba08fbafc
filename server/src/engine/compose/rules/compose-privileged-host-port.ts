import { parsePort } from '../ports';
import { securityRule } from './security-support';

/** Host ports below 1024 need root (or a capability) on the host side, and usually mean the service faces the internet. */
export const composePrivilegedHostPort = securityRule('compose-privileged-host-port', 'Avoid publishing privileged host ports', 'information', false, (service, at) => {
  const ports = service.value.ports;
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((value, index) => {
    const published = Number(parsePort(value)?.published?.split('-')[0]);
    return Number.isInteger(published) && published > 0 && published < 1024
      ? [{ range: at(['ports', index]), message: `Service \`${service.name}\` publishes privileged host port ${published}. Put a reverse proxy in front, or publish a port above 1023.` }]
      : [];
  });
});
