import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { toolCommandsOf, toolOf, valueOf } from '../shell-facts';

/**
 * `ln -sf /bin/bash /bin/sh` swaps the system shell under every script and package hook in the
 * image. To run RUN steps with bash, say so: `SHELL ["/bin/bash", "-c"]`.
 */
export const lnShInsteadOfShell: DockerfileRule = perRun({
  meta: {
    id: 'ln-sh-instead-of-shell',
    kind: 'dockerfile',
    title: 'Use SHELL to change the default shell, not a /bin/sh symlink',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL4005'],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      if (toolOf(command) !== 'ln') continue;
      const operands = command.args.filter((a) => !valueOf(a).startsWith('-'));
      const target = operands[operands.length - 1];
      if (!target || operands.length < 2 || target.value !== '/bin/sh') continue;
      report({
        range: model.lines.rangeOf(target.start, target.end),
        message: 'Re-linking /bin/sh changes the shell of every script in the image, not only of RUN. Use `SHELL ["/bin/bash", "-c"]` to run RUN steps with bash.',
      });
    }
  },
});
