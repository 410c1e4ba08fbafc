import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { ShellCommand, ShellWord } from '../shell';
import { argsAfter, toolCommandsOf, operands, toolOf, valueOf } from '../shell-facts';

/** pip flags that take a value as the next word (without dashes). */
const VALUE_FLAGS = new Set([
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation',
  'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't',
  'target', 'trusted-host', 'upgrade-strategy', 'root-user-action', 'cert', 'client-cert', 'log', 'timeout',
  'retries', 'exists-action', 'global-option', 'config-settings', 'C', 'report', 'python', 'cache-dir',
]);
const FROM_FILES = /^(-r|--requirement|-c|--constraint)(=.*)?$|^-[rc]\S/;
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;
const VERSION_OPERATOR = /(===?|>=|<=|~=|!=|[<>])/;

/** The `install` word of `pip install`, `python -m pip install`, `pipx install`. */
export function pipInstallWord(command: ShellCommand): ShellWord | undefined {
  const tool = toolOf(command);
  let words = command.args;
  if (/^python[\d.]*$/.test(tool)) {
    if (words[0]?.value !== '-m' || !/^pip[\d.]*$/.test(words[1]?.value ?? '')) return undefined;
    words = words.slice(2);
  } else if (!/^pip[\d.]*$/.test(tool) && tool !== 'pipx') return undefined;
  const first = words.find((w) => !valueOf(w).startsWith('-'));
  return first?.value === 'install' ? first : undefined;
}

function isPinned(spec: string): boolean {
  if (VCS.test(spec)) return /@[^/@]+$/.test(spec.replace(/#.*$/, ''));
  if (VERSION_OPERATOR.test(spec)) return true;
  // Local wheels, archives, folders and URLs name one exact artifact.
  return /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(spec) || spec.includes('/') || spec === '.' || spec.startsWith('.');
}

/**
 * `pip install flask` installs whatever is newest on the day of the build, so two builds of the
 * same Dockerfile differ. Pin (`flask==3.0.3`) or install from a requirements/constraints file.
 */
export const pipVersionUnpinned: DockerfileRule = perRun({
  meta: {
    id: 'pip-version-unpinned',
    kind: 'dockerfile',
    title: 'Pin versions in pip install',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3013'],
    fixable: false,
  },
  // The shell that reads the RUN (per stage; an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      const install = pipInstallWord(command);
      if (!install) continue;
      const args = argsAfter(command, install);
      if (args.some((a) => FROM_FILES.test(valueOf(a)))) continue;
      const unpinned = operands(args, VALUE_FLAGS).filter((w) => w.value !== undefined && !isPinned(w.value));
      if (unpinned.length === 0) continue;
      const names = unpinned.map((w) => `\`${w.value}\``).join(', ');
      report({
        range: model.lines.rangeOf(unpinned[0].start, unpinned[unpinned.length - 1].end),
        message: `${names} ${unpinned.length > 1 ? 'are' : 'is'} not pinned, so each build may install a different version. Pin it (\`${unpinned[0].value}==<version>\`) or install from a requirements file with \`-r\`.`,
      });
    }
  },
});
