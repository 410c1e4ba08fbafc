import type { DockerfileRule } from '../../rule';
import type { Fix } from '../../finding';
import type { DockerfileModel } from '../model';
import { rootImage } from '../model';
import { officialName } from '../images';
import type { ShellCommand } from '../shell';
import { replaceOffsets, selfChange } from '../edits';
import { commandsOf, runSites, toolOf, userBefore, type RunSite } from '../shell-facts';

/**
 * RUN already runs as root unless a USER says otherwise; `sudo` adds a setuid binary to the image,
 * needs a TTY or sudoers setup, and hides which user a step really runs as. Switch with `USER`
 * (or use gosu/su-exec at runtime).
 */
export const sudoInRun: DockerfileRule = {
  meta: {
    id: 'sudo-in-run',
    kind: 'dockerfile',
    title: 'Do not use sudo in RUN',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3004', 'CKV2_DOCKER_1', 'DS010', 'DS-0010'],
    fixable: true,
  },
  check({ model, report }) {
    for (const site of runSites(model)) {
      for (const command of commandsOf(model, site)) {
        if (toolOf(command) !== 'sudo') continue;
        const fix = dropSudo(model, site, command);
        report({
          range: model.lines.rangeOf(command.nameWord.start, command.nameWord.end),
          message: 'RUN runs as root unless USER says otherwise: `sudo` is not needed and hides who runs this step. Drop it, or switch users with `USER` around the step.',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

/** Drops a bare `sudo ` when the step certainly runs as root already. */
function dropSudo(model: DockerfileModel, site: RunSite, command: ShellCommand): Fix | undefined {
  const next = command.args[0];
  if (!next || next.value === undefined || next.value.startsWith('-') || command.nested) return undefined;
  const user = userBefore(site);
  const asRoot = user === undefined
    ? site.stage !== undefined && !site.onbuild && officialName(rootImage(site.stage)) !== undefined
    : /^(root|0)$/.test(user);
  if (!asRoot) return undefined;
  return {
    title: 'Remove `sudo` (the step already runs as root)',
    isPreferred: true,
    changes: [selfChange(model, [replaceOffsets(model, command.nameWord.start, next.start, '')])],
  };
}
