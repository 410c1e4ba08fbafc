import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { ShellWord } from '../shell';
import { hasFlag } from '../shell';
import { argsAfter, toolCommandsOf, toolOf, valueOf } from '../shell-facts';

const VALUE_FLAGS = new Set(['i', 'install-dir', 'n', 'bindir', 'build-root', 'P', 'trust-policy', 's', 'source', 'p', 'http-proxy', 'platform', 'g', 'file', 'without', 'document']);

/** Gem names: positional words before `--`; a word after an unknown `--flag` is its value when it looks like one. */
function gems(words: ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = valueOf(words[i]);
    if (v === '--') break;
    if (v.startsWith('-')) {
      const name = v.replace(/^-+/, '');
      const next = words[i + 1] ? valueOf(words[i + 1]) : '';
      if (!name.includes('=') && (VALUE_FLAGS.has(name) || (v.startsWith('--') && /^(true|false|yes|no|\d+)$/i.test(next)))) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}

/**
 * `gem install bundler` installs whatever is newest on the day of the build. Pin it
 * (`gem install bundler:2.5.22` or `-v 2.5.22`), or install from a Gemfile.lock with bundler.
 */
export const gemVersionUnpinned: DockerfileRule = perRun({
  meta: {
    id: 'gem-version-unpinned',
    kind: 'dockerfile',
    title: 'Pin versions in gem install',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3028'],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      if (toolOf(command) !== 'gem') continue;
      const sub = command.args.find((a) => !valueOf(a).startsWith('-'));
      if (!sub || !['install', 'i'].includes(sub.value ?? '')) continue;
      if (hasFlag(command, '-v', '--version')) continue;
      const unpinned = gems(argsAfter(command, sub)).filter((w) => w.value !== undefined && !w.value.includes(':') && !/\.gem$/.test(w.value));
      if (unpinned.length === 0) continue;
      const names = unpinned.map((w) => `\`${w.value}\``).join(', ');
      report({
        range: model.lines.rangeOf(unpinned[0].start, unpinned[unpinned.length - 1].end),
        message: `${names} ${unpinned.length > 1 ? 'are' : 'is'} not pinned, so each build may install a different version. Pin it: \`gem install ${unpinned[0].value}:<version>\`.`,
      });
    }
  },
});
