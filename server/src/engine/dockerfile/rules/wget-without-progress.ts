import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { hasFlag } from '../shell';
import { insertAtOffset, selfChange } from '../edits';
import { toolCommandsOf, toolOf, valueOf } from '../shell-facts';

/**
 * `wget` prints a progress bar line per few KB when it has no terminal: a large download fills
 * the build log with thousands of lines. `--progress=dot:giga` prints one dot per MB-sized chunk.
 */
export const wgetWithoutProgress: DockerfileRule = perRun({
  meta: {
    id: 'wget-without-progress',
    kind: 'dockerfile',
    title: 'wget without --progress bloats the build log',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3047'],
    fixable: true,
  },
  // The shell that reads the RUN (per stage; an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      if (toolOf(command) !== 'wget') continue;
      if (hasFlag(command, '--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output')) continue;
      // Short options grouped with one that takes a value: `-qO-`, `-qO /tmp/x`.
      if (command.args.some((a) => /^-[a-zA-Z]*[qoa]/.test(valueOf(a)))) continue;
      report({
        range: model.lines.rangeOf(command.nameWord.start, command.nameWord.end),
        message: '`wget` without `--progress` writes thousands of progress lines to the build log for a large file. Add `--progress=dot:giga` (or `-q`).',
        fixes: command.nested ? [] : [{
          title: 'Add `--progress=dot:giga`',
          isPreferred: true,
          changes: [selfChange(model, [insertAtOffset(model, command.nameWord.end, ' --progress=dot:giga')])],
        }],
      });
    }
  },
});
