import { securityRule } from './security-support';

/** Without `no-new-privileges`, a setuid binary in the image can raise a process back to root. */
export const composeNoNewPrivileges = securityRule('compose-no-new-privileges', 'Set `no-new-privileges:true`', 'information', false, (service, at) => {
  const options = Array.isArray(service.value.security_opt) ? service.value.security_opt : [];
  if (options.some((o) => typeof o === 'string' && /^no-new-privileges(:true|=true)?$/.test(o))) return [];
  return [{ range: at([]), message: `Service \`${service.name}\` does not set \`security_opt: ["no-new-privileges:true"]\`, so setuid binaries can regain root inside the container.` }];
});
