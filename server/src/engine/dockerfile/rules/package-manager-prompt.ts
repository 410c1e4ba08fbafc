import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { hasFlag, type ShellCommand } from '../shell';
import { commandsOf } from '../shell-facts';
import { insertAtOffset, selfChange } from '../edits';
import { configuredBefore, familyOf, packageCommandsOf, type OsManager, type PackageCommand } from '../os-packages';

/** Actions that ask "Do you want to continue? [Y/n]" and abort on the closed stdin of a build. */
const ASKING: Record<OsManager, Set<string>> = {
  'apt-get': new Set(['install', 'reinstall', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'build-dep']),
  apt: new Set(['install', 'reinstall', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'build-dep']),
  aptitude: new Set(['install', 'reinstall', 'remove', 'purge', 'upgrade', 'safe-upgrade', 'full-upgrade', 'dist-upgrade', 'build-dep']),
  apk: new Set(),
  yum: new Set(['install', 'localinstall', 'groupinstall', 'reinstall', 'remove', 'erase', 'update', 'upgrade', 'downgrade', 'distro-sync',
    'autoremove', 'group install', 'group remove', 'module install', 'module remove', 'swap']),
  dnf: new Set(['install', 'in', 'localinstall', 'groupinstall', 'reinstall', 'rei', 'remove', 'rm', 'erase', 'update', 'upgrade', 'up',
    'upgrade-minimal', 'up-min', 'update-minimal', 'downgrade', 'dg', 'distro-sync', 'dsync', 'autoremove', 'swap',
    'group install', 'group remove', 'group upgrade', 'module install', 'module remove']),
  microdnf: new Set(['install', 'reinstall', 'remove', 'update', 'upgrade', 'downgrade', 'distro-sync', 'module install']),
  tdnf: new Set(['install', 'reinstall', 'remove', 'erase', 'update', 'upgrade', 'downgrade', 'distro-sync', 'autoremove']),
  zypper: new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si',
    'install-new-recommends', 'inr']),
};

const EQUIVALENTS: Record<OsManager, string[]> = {
  'apt-get': ['DL3014', 'DS021', 'DS-0021', 'APT-GET Missing \'-y\' To Avoid Manual Input'],
  apt: ['DL3014', 'DS021', 'DS-0021'],
  aptitude: ['DL3014'],
  apk: [],
  yum: ['DL3030'],
  dnf: ['DL3038'],
  microdnf: ['DL3038'],
  tdnf: ['DL3038'],
  zypper: ['DL3034', 'Missing Zypper Non-interactive Switch'],
};

/**
 * `apt-get install`, `yum install`, `dnf install` and `zypper install` ask for a confirmation; a
 * build has no terminal, so the answer is "no" and the RUN fails (or, worse, only sometimes:
 * apt-get asks only when something beyond the named packages comes along).
 */
export const packageManagerPrompt: DockerfileRule = perRun({
  meta: {
    id: 'package-manager-prompt',
    kind: 'dockerfile',
    title: 'Package manager commands should not wait for a confirmation',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3014', 'DL3030', 'DL3034', 'DL3038', 'DS021', 'DS-0021', 'APT-GET Missing \'-y\' To Avoid Manual Input', 'Missing Zypper Non-interactive Switch'],
    fixable: true,
  },
  // The stage (its RUNs, for an apt configuration written earlier) and the shell that reads the RUN.
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const p of packageCommandsOf(model, site)) {
      if (p.action === undefined || !p.actionWord || !ASKING[p.manager].has(p.action)) continue;
      if (answersYes(p) || fedYes(model.text, commandsOf(model, site), p)) continue;
      const family = familyOf(p.manager);
      const configured = family === 'apt' ? /APT::Get::Assume-Yes\W+(true|1|yes)/i : /assumeyes\s*=\s*(1|true|yes|on)/i;
      if (family !== 'zypper' && configuredBefore(model, site, configured)) continue;
      const zypper = p.manager === 'zypper';
      const insertAt = zypper ? p.command.nameWord.end : p.actionWord.end;
      const flag = zypper ? ' -n' : ' -y';
      const microdnf = p.manager === 'microdnf';
      report({
        range: model.lines.rangeOf(p.command.nameWord.start, p.actionWord.end),
        severity: microdnf ? 'information' : undefined,
        message: microdnf
          ? '`microdnf` 3 assumes yes, but the dnf5-based `microdnf` asks for a confirmation and a build cannot answer it. Add `-y`.'
          : family === 'apt'
            ? `\`${p.command.name} ${p.action}\` asks for a confirmation as soon as anything beyond the named packages comes along (a new dependency), and a build cannot answer, so the RUN fails. Add \`-y\`.`
            : `\`${p.command.name} ${p.action}\` asks for a confirmation that a build cannot give, so the RUN fails. Add \`${flag.trim()}\`${zypper ? ' (`--non-interactive`)' : ''}.`,
        equivalents: EQUIVALENTS[p.manager],
        fixes: [{
          title: `Add \`${flag.trim()}\``,
          isPreferred: true,
          changes: [selfChange(model, [insertAtOffset(model, insertAt, flag)])],
        }],
      });
    }

  },
});

function answersYes(p: PackageCommand): boolean {
  const c = p.command;
  switch (familyOf(p.manager)) {
    case 'apt':
      return hasFlag(c, '-y', '--yes', '--assume-yes') || quietLevel(p) >= 2
        || c.args.some((a) => /^(-o|--option=)?APT::Get::Assume-Yes=(true|1|yes)$/i.test(a.value ?? ''));
    case 'zypper':
      return hasFlag(c, '-n', '--non-interactive', '-y', '--no-confirm');
    default:
      return hasFlag(c, '-y', '--assumeyes') || c.args.some((a) => /^--setopt=assumeyes=(1|true|yes|on)$/i.test(a.value ?? ''));
  }
}

/** apt-get's quiet level: `-qq`, `-q -q`, `-q=2`, `--quiet --quiet` (2 implies `-y`). */
function quietLevel(p: PackageCommand): number {
  let level = 0;
  for (const arg of p.command.args) {
    const v = arg.value ?? arg.text;
    const numeric = /^(?:-q|--quiet)=(\d+)$/.exec(v);
    if (numeric) level += Number(numeric[1]);
    else if (v === '--quiet') level++;
    else if (/^-[A-Za-z]+$/.test(v)) level += (v.match(/q/g) ?? []).length;
  }
  return level;
}

/** `yes | apt-get install …`, `echo y | zypper install …`: the answer comes through the pipe. */
function fedYes(text: string, commands: ShellCommand[], p: PackageCommand): boolean {
  const before = commands.filter((c) => c.end <= p.command.start).pop();
  if (!before || !/^(yes|echo|printf)$/.test(before.name)) return false;
  return /^[\s\\]*\|[\s\\]*$/.test(text.slice(before.end, p.command.start));
}
