import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { ShellWord } from '../shell';
import { familyOf, isInstall, isLocalPackage, packageCommandsOf, variablePinHolds, type OsManager, type PackageCommand } from '../os-packages';

const EQUIVALENTS: Partial<Record<OsManager, string[]>> = {
  'apt-get': ['DL3008'],
  apk: ['DL3018'],
  yum: ['DL3033'],
  dnf: ['DL3041'],
  microdnf: ['DL3041'],
  zypper: ['DL3037'],
};

const HOW: Partial<Record<OsManager, string>> = {
  'apt-get': '`<package>=<version>`',
  apk: '`<package>=<version>` (or `~<version>`)',
  yum: '`<package>-<version>`',
  dnf: '`<package>-<version>`',
  microdnf: '`<package>-<version>`',
  zypper: '`<package>=<version>` (or `>=`, `<`)',
};

/**
 * An unpinned package installs whatever the mirror has on build day: two builds of the same
 * Dockerfile can differ. Off by default: pinned OS packages break as soon as the distribution
 * drops the old version, so many teams pin the base image digest instead.
 */
export const osPackageUnpinned: DockerfileRule = perRun({
  meta: {
    id: 'os-package-unpinned',
    kind: 'dockerfile',
    title: 'OS packages should be pinned to a version',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3008', 'DL3018', 'DL3033', 'DL3037', 'DL3041'],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM), and the ARG and ENV names a pin by variable needs (per stage chain).
  reads: ['FROM', 'SHELL', 'ARG', 'ENV'],
  checkRun({ model, report }, site) {
    for (const p of packageCommandsOf(model, site)) {
      const equivalents = EQUIVALENTS[p.manager];
      if (!equivalents || !isInstall(p) || p.action === 'group install' || p.action === 'groupinstall') continue;
      for (const word of p.packages) {
        if (isLocalPackage(word)) continue;
        if (word.value !== undefined) {
          if (!pinned(p, word.value)) report(unpinned(p, word, equivalents, ''));
          continue;
        }
        // An expansion: judge the literal part before it. `curl=$V` is a pin by variable; `$PKGS` or
        // `lib$X-dev` name packages this file cannot see.
        const literal = word.text.slice(0, word.text.indexOf('$')).replace(/^["']/, '');
        if (literal === '' || !pinned(p, literal, true)) continue;
        if (!variablePinHolds(model, site.stage, word.text)) {
          report(unpinned(p, word, equivalents, ` The variable in \`${word.text}\` is not set in this stage, so the pin is empty.`));
        }
      }
    }

    function unpinned(p: PackageCommand, word: ShellWord, equivalents: string[], extra: string) {
      const module = p.action === 'module install';
      return {
        range: model.lines.rangeOf(word.start, word.end),
        message: module
          ? `Module \`${word.value ?? word.text}\` has no stream: pin it as \`<module>:<stream>\`.${extra}`
          : `\`${word.value ?? word.text}\` is not pinned: each build installs whatever version the mirror has that day. Pin it as ${HOW[p.manager]}.${extra}`,
        equivalents,
      };
    }
  },
});

/** Has the word a version by the manager's syntax? `prefix`: only the text before a variable is known. */
function pinned(p: PackageCommand, text: string, prefix = false): boolean {
  if (p.action === 'module install') return text.includes(':');
  switch (familyOf(p.manager)) {
    case 'apt':
      return text.includes('=');
    case 'apk':
      return /[=~<>]/.test(text);
    case 'zypper':
      return /[=<>]/.test(text);
    default:
      return prefix ? /-$/.test(text) : rpmVersioned(text);
  }
}

/** `name-version` or `name-version-release`: the last dash-separated part starts with a digit and holds only version characters. */
function rpmVersioned(word: string): boolean {
  const parts = word.split('-');
  return parts.length >= 2 && /^\d[A-Za-z0-9.~^_:+*]*$/.test(parts[parts.length - 1]);
}
