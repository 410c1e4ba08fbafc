import { securityRule } from './security-support';

const DANGEROUS = /^(CAP_)?(ALL|SYS_ADMIN|SYS_MODULE|SYS_PTRACE|SYS_RAWIO|DAC_READ_SEARCH|NET_ADMIN|SYS_BOOT|BPF|PERFMON)$/i;

/** `cap_add: [ALL]` or SYS_ADMIN is privileged mode by another name. */
export const composeDangerousCapabilities = securityRule('compose-dangerous-capabilities', 'Do not add powerful Linux capabilities', 'warning', true, (service, at) => {
  const caps = service.value.cap_add;
  if (!Array.isArray(caps)) return [];
  return caps.flatMap((cap, index) => (typeof cap === 'string' && DANGEROUS.test(cap)
    ? [{ range: at(['cap_add', index]), message: `Service \`${service.name}\` adds the \`${cap}\` capability, which lets a process escape or control the host. Add only the narrow capability the service needs (e.g. NET_BIND_SERVICE).` }]
    : []));
});
