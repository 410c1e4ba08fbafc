import { securityRule } from './security-support';

/** seccomp and AppArmor profiles block the system calls container escapes use; `unconfined` turns them off. */
export const composeSecurityUnconfined = securityRule('compose-security-unconfined', 'Keep seccomp, AppArmor and SELinux confinement', 'warning', true, (service, at) => {
  const options = service.value.security_opt;
  if (!Array.isArray(options)) return [];
  return options.flatMap((option, index) => (typeof option === 'string' && /^(seccomp|apparmor)[:=]unconfined$|^label[:=]disable$/.test(option)
    ? [{ range: at(['security_opt', index]), message: `Service \`${service.name}\` turns off kernel confinement (\`${option}\`). Keep the default profile, or write a profile that allows just what the service needs.` }]
    : []));
});
