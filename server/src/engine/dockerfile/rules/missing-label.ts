import type { DockerfileRule } from '../../rule';
import type { DockerfileModel, Stage } from '../model';
import { keywordOf, stageChain } from '../model';
import { labelsOf } from '../labels';
import { copyOperands, stageNamed } from '../operands';

/** The stages a stage is built from or copies from. */
function dependencies(model: DockerfileModel, stage: Stage): Stage[] {
  const deps: Stage[] = stage.baseStage ? [stage.baseStage] : [];
  for (const instruction of stage.instructions) {
    const from = copyOperands(model, instruction)?.from;
    const named = from ? stageNamed(model, from.value) : undefined;
    if (named && named !== stage) deps.push(named);
  }
  return deps;
}

/**
 * With a `label-schema` configured, every image the file produces must carry its labels. A
 * stage only used by a labelled stage (as its base or through COPY --from) is not an image of its own.
 */
export const missingLabel: DockerfileRule = {
  meta: {
    id: 'missing-label',
    kind: 'dockerfile',
    title: 'Images must carry the labels of the label schema (when configured)',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3049'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['ADD', 'ARG', 'COPY', 'FROM', 'LABEL'],
  check({ model, report, config }) {
    const required = Object.keys(config?.labelSchema ?? {});
    if (required.length === 0) return;
    const labelsIn = (stage: Stage) => new Set(stageChain(stage).flatMap((s) => s.instructions.filter((i) => keywordOf(i) === 'LABEL').flatMap((i) => labelsOf(i).map((p) => p.key))));
    for (const label of required) {
      const labelled = model.stages.filter((s) => labelsIn(s).has(label));
      const covered = new Set<Stage>();
      const visit = (stage: Stage) => {
        for (const dep of dependencies(model, stage)) {
          if (covered.has(dep)) continue;
          covered.add(dep);
          visit(dep);
        }
      };
      labelled.forEach(visit);
      for (const stage of model.stages) {
        if (labelled.includes(stage) || covered.has(stage)) continue;
        report({
          range: stage.from.getRange(),
          message: `Label \`${label}\` is missing from this image; the label schema requires it. Add \`LABEL ${label}="…"\`.`,
        });
      }
    }
  },
};
