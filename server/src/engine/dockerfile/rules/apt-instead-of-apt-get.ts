import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { Fix } from '../../finding';
import { replaceOffsets, selfChange } from '../edits';
import { packageCommandsOf } from '../os-packages';

/** `apt` subcommands and what scripts should call instead. */
const SCRIPT_TOOL: Record<string, string> = {
  install: 'apt-get', reinstall: 'apt-get', remove: 'apt-get', purge: 'apt-get', update: 'apt-get', upgrade: 'apt-get',
  'full-upgrade': 'apt-get dist-upgrade', 'dist-upgrade': 'apt-get', autoremove: 'apt-get', autopurge: 'apt-get autoremove --purge',
  clean: 'apt-get', autoclean: 'apt-get', source: 'apt-get', 'build-dep': 'apt-get', satisfy: 'apt-get',
  search: 'apt-cache', show: 'apt-cache', showsrc: 'apt-cache', policy: 'apt-cache', depends: 'apt-cache', rdepends: 'apt-cache',
};

/**
 * `apt` is the interactive front end: its output and options may change between releases and it
 * warns "apt does not have a stable CLI interface" in every build log. Scripts use apt-get/apt-cache.
 */
export const aptInsteadOfAptGet: DockerfileRule = perRun({
  meta: {
    id: 'apt-instead-of-apt-get',
    kind: 'dockerfile',
    title: 'Use `apt-get`/`apt-cache` in scripts, not `apt`',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3027', 'CKV_DOCKER_9', 'Run Using apt'],
    fixable: true,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const p of packageCommandsOf(model, site)) {
      if (p.manager !== 'apt') continue;
      const word = p.command.nameWord;
      const replacement = p.action === undefined ? undefined : SCRIPT_TOOL[p.action];
      const fixes: Fix[] = [];
      if (replacement && word.value !== undefined) {
        // `full-upgrade` and `autopurge` have other names in apt-get: replace the name and the action.
        const twoWords = replacement.includes(' ') && p.actionWord;
        const prefix = word.value.slice(0, word.value.length - 'apt'.length);
        fixes.push({
          title: `Use \`${replacement.split(' ')[0]}\``,
          isPreferred: true,
          changes: [selfChange(model, twoWords
            ? [replaceOffsets(model, word.start, word.end, prefix + replacement.split(' ')[0]), replaceOffsets(model, p.actionWord!.start, p.actionWord!.end, replacement.split(' ').slice(1).join(' '))]
            : [replaceOffsets(model, word.start, word.end, prefix + replacement)])],
        });
      }
      report({
        range: model.lines.rangeOf(word.start, word.end),
        message: `\`apt\` is meant for people at a terminal: its interface is not stable and it prints a warning in scripts. Use \`${replacement?.split(' ')[0] ?? 'apt-get'}\`${replacement ? '' : ' or `apt-cache`'} instead.`,
        fixes,
      });
    }
  },
});
