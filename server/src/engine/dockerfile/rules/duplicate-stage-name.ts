import type { DockerfileRule } from '../../rule';

/** Two stages with the same name: `FROM`/`COPY --from` references to it become ambiguous. */
export const duplicateStageName: DockerfileRule = {
  meta: {
    id: 'duplicate-stage-name',
    kind: 'dockerfile',
    title: 'Stage names must be unique',
    severity: 'error',
    enabledByDefault: true,
    equivalents: ['DuplicateStageName', 'DL3024'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['FROM'],
  check({ model, report }) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        report({
          range,
          message: `Stage name \`${stage.name}\` is already used by the stage on line ${first + 1}: references to it are ambiguous. Give this stage another name.`,
        });
      } else {
        seen.set(key, stage.from.getRange().start.line);
      }
    }
  },
};
