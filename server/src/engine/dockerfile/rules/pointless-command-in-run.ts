import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { toolCommandsOf, toolOf } from '../shell-facts';

// A Map: asked with every command's name, which an object lookup would first intern.
const WHY = new Map<string, string>([
  ['ssh', 'connects to another machine during the build'],
  ['vim', 'is an interactive editor: nobody can type into a build'],
  ['shutdown', 'would stop the build host, not a container'],
  ['service', 'starts a daemon that dies when this RUN ends: nothing keeps running in the image'],
  ['ps', 'lists the processes of this build step only'],
  ['free', 'reports the memory of the build host'],
  ['top', 'is interactive and never ends on its own'],
  ['kill', 'can only reach processes of this same build step'],
  ['mount', 'needs privileges a build step does not have, and the mount ends with the step'],
  ['ifconfig', 'reports the build network, not the container\'s'],
]);

/**
 * Commands that do nothing useful in a build step: interactive tools, daemons started with
 * `service`, host administration. Each one is a sign of a Dockerfile written like a VM setup script.
 */
export const pointlessCommandInRun: DockerfileRule = perRun({
  meta: {
    id: 'pointless-command-in-run',
    kind: 'dockerfile',
    title: 'Commands that make no sense in a build step',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3001'],
    fixable: false,
  },
  // The shell that reads the RUN (per stage; an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      const tool = toolOf(command);
      const why = WHY.get(tool);
      if (!why) continue;
      report({
        range: model.lines.rangeOf(command.nameWord.start, command.nameWord.end),
        message: `\`${tool}\` ${why}. Remove it; start services from CMD/ENTRYPOINT instead.`,
      });
    }
  },
});
