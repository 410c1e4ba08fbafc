import { securityRule } from './security-support';

/** `privileged: true` gives the container every capability and every host device: root on the host in all but name. */
export const composePrivileged = securityRule('compose-privileged', 'Services should not run privileged', 'warning', true, (service, at) =>
  service.value.privileged === true
    ? [{ range: at(['privileged']), message: `Service \`${service.name}\` runs privileged: it gets every capability and all host devices, so a compromise of the container is a compromise of the host. Grant the specific capabilities (\`cap_add\`) or devices it needs instead.` }]
    : []);
