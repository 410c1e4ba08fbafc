import type { DockerfileRule } from '../../rule';

const RESERVED = new Set(['scratch', 'context']);

/** `scratch` and `context` mean something else to BuildKit (the empty image, named contexts). */
export const reservedStageName: DockerfileRule = {
  meta: {
    id: 'reserved-stage-name',
    kind: 'dockerfile',
    title: 'Stage names must not be reserved words (scratch, context)',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['ReservedStageName', 'DL3063'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['FROM'],
  check({ model, report }) {
    for (const stage of model.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range || !RESERVED.has(stage.name.toLowerCase())) continue;
      report({
        range,
        message: `\`${stage.name}\` is a reserved word: \`FROM ${stage.name.toLowerCase()}\` would not mean this stage. Rename the stage (e.g. \`${stage.name.toLowerCase()}-stage\`).`,
      });
    }
  },
};
