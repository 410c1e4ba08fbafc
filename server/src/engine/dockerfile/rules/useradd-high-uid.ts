import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { hasFlag, flagValue } from '../shell';
import { insertAtOffset, selfChange } from '../edits';
import { toolCommandsOf, toolOf, valueOf } from '../shell-facts';

/**
 * `useradd -u 123456` without `-l` writes the user's entry into /var/log/lastlog and faillog, which
 * are indexed by UID: a sparse file of UID × 292 bytes that Docker stores in full (gigabytes).
 */
export const useraddHighUid: DockerfileRule = perRun({
  meta: {
    id: 'useradd-high-uid',
    kind: 'dockerfile',
    title: 'useradd with a high UID needs -l (--no-log-init)',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3046'],
    fixable: true,
  },
  // The shell that reads the RUN (per stage; an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      if (toolOf(command) !== 'useradd' || hasFlag(command, '-l', '--no-log-init')) continue;
      const uid = flagValue(command, '-u') ?? flagValue(command, '--uid') ?? shortAttached(command.args.map(valueOf));
      if (uid === undefined || !/^\d{6,}$/.test(uid)) continue;
      const word = command.args.find((a) => valueOf(a).includes(uid)) ?? command.nameWord;
      report({
        range: model.lines.rangeOf(word.start, word.end),
        message: `\`useradd\` with UID ${uid} and without \`-l\` fills /var/log/lastlog and faillog up to that UID: gigabytes in the layer. Add \`-l\` (\`--no-log-init\`).`,
        fixes: command.nested ? [] : [{
          title: 'Add `-l` (--no-log-init)',
          isPreferred: true,
          changes: [selfChange(model, [insertAtOffset(model, command.nameWord.end, ' -l')])],
        }],
      });
    }
  },
});

/** `-u123456`. */
function shortAttached(values: string[]): string | undefined {
  const attached = values.find((v) => /^-u\d+$/.test(v));
  return attached?.slice(2);
}
