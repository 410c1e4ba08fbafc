import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { Fix } from '../../finding';
import type { DockerfileModel } from '../model';
import { rootImage } from '../model';
import { officialName } from '../images';
import type { ShellCommand } from '../shell';
import { flagValue } from '../shell';
import { replaceOffsets, selfChange } from '../edits';
import { commandsOf, toolOf, userBefore, type RunSite } from '../shell-facts';

/**
 * RUN already runs as root unless a USER says otherwise; `sudo` adds a setuid binary to the image,
 * needs a TTY or sudoers setup, and hides which user a step really runs as. Switch with `USER`
 * (or use gosu/su-exec at runtime).
 */
export const sudoInRun: DockerfileRule = perRun({
  meta: {
    id: 'sudo-in-run',
    kind: 'dockerfile',
    title: 'Do not use sudo in RUN',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3004', 'CKV2_DOCKER_1', 'DS010', 'DS-0010'],
    fixable: true,
  },
  // The USER before the RUN in its stage chain, the root image, the shell that reads the RUN (an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL', 'USER'],
  checkRun({ model, report }, site) {
    for (const command of commandsOf(model, site)) {
      if (toolOf(command) !== 'sudo') continue;
      const range = model.lines.rangeOf(command.nameWord.start, command.nameWord.end);
      const asUser = flagValue(command, '-u') ?? flagValue(command, '--user');
      if (asUser !== undefined) {
        report({ range, severity: 'information', message: `Run the steps that need another user under \`USER ${asUser}\` (and switch back after) instead of \`sudo -u\`: the Dockerfile then shows who runs what.` });
        continue;
      }
      if (runsAsRoot(site)) {
        const fix = dropSudo(model, command);
        report({
          range,
          message: 'This step already runs as root: `sudo` is not needed. Drop it.',
          fixes: fix ? [fix] : [],
        });
        continue;
      }
      report({
        range,
        severity: 'information',
        message: '`sudo` in a build step depends on the image\'s sudoers setup and hides who runs the step. Prefer `USER root` before the steps that need root, and switch back after.',
      });
    }
  },
});

/** True when the step certainly runs as root: `USER root`/`0` last, or no USER over an official image. */
function runsAsRoot(site: RunSite): boolean {
  const user = userBefore(site);
  if (user !== undefined) return /^(root|0)$/.test(user);
  return site.stage !== undefined && !site.onbuild && officialName(rootImage(site.stage)) !== undefined;
}

/** Drops a bare `sudo ` (no options). */
function dropSudo(model: DockerfileModel, command: ShellCommand): Fix | undefined {
  const next = command.args[0];
  if (!next || next.value === undefined || next.value.startsWith('-') || command.nested) return undefined;
  return {
    title: 'Remove `sudo` (the step already runs as root)',
    isPreferred: true,
    changes: [selfChange(model, [replaceOffsets(model, command.nameWord.start, next.start, '')])],
  };
}
