import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';
import { onbuildTrigger, placedInstructions } from '../operands';

/** `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are refused by Docker. */
export const onbuildInvalidTrigger: DockerfileRule = {
  meta: {
    id: 'onbuild-invalid-trigger',
    kind: 'dockerfile',
    title: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER',
    severity: 'error',
    enabledByDefault: true,
    equivalents: ['DL3043'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['ONBUILD'],
  check({ model, report }) {
    for (const { instruction } of placedInstructions(model)) {
      const trigger = onbuildTrigger(instruction);
      if (!trigger) continue;
      const keyword = keywordOf(trigger);
      if (keyword !== 'ONBUILD' && keyword !== 'FROM' && keyword !== 'MAINTAINER') continue;
      report({
        range: trigger.getInstructionRange(),
        message: keyword === 'ONBUILD'
          ? '`ONBUILD ONBUILD` is not allowed: Docker refuses to chain triggers. Put the instruction in the Dockerfile that builds on this image instead.'
          : `\`ONBUILD ${keyword}\` is not allowed: Docker refuses ${keyword} as a trigger.${keyword === 'MAINTAINER' ? ' Use `LABEL org.opencontainers.image.authors=…` instead.' : ' The image built on this one chooses its own FROM.'}`,
      });
    }
  },
};
