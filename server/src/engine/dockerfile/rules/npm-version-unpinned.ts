import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { argsAfter, toolCommandsOf, operands, toolOf, valueOf } from '../shell-facts';

const VALUE_FLAGS = new Set([
  'registry', 'loglevel', 'prefix', 'cache', 'userconfig', 'globalconfig', 'tag', 'workspace', 'w', 'omit',
  'include', 'install-strategy', 'os', 'cpu', 'libc', 'C', 'save-prefix', 'scope',
]);

function isPinned(spec: string): boolean {
  if (/^git(\+(ssh|https?))?:\/\//.test(spec)) return spec.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(spec)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/|\.$|file:)/.test(spec)) return true;
  const withoutScope = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  return withoutScope.includes('@');
}

/**
 * `npm install -g typescript` installs whatever is newest on the day of the build. Pin it
 * (`typescript@5.6.3`), or declare it in package.json and install from the lockfile.
 */
export const npmVersionUnpinned: DockerfileRule = perRun({
  meta: {
    id: 'npm-version-unpinned',
    kind: 'dockerfile',
    title: 'Pin versions in npm install',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3016'],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      if (toolOf(command) !== 'npm') continue;
      const sub = command.args.find((a) => !valueOf(a).startsWith('-'));
      if (!sub || !['install', 'i', 'add'].includes(sub.value ?? '')) continue;
      const unpinned = operands(argsAfter(command, sub), VALUE_FLAGS).filter((w) => w.value !== undefined && !isPinned(w.value));
      if (unpinned.length === 0) continue;
      const names = unpinned.map((w) => `\`${w.value}\``).join(', ');
      report({
        range: model.lines.rangeOf(unpinned[0].start, unpinned[unpinned.length - 1].end),
        message: `${names} ${unpinned.length > 1 ? 'are' : 'is'} not pinned, so each build may install a different version. Pin it (\`${unpinned[0].value}@<version>\`) or install from package.json and its lockfile.`,
      });
    }
  },
});
