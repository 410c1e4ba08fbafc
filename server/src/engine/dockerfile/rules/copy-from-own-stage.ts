import type { DockerfileRule } from '../../rule';
import { copyOperands, placedInstructions, stageNamed } from '../operands';

/** `COPY --from=<this stage>` is circular: Docker refuses it. */
export const copyFromOwnStage: DockerfileRule = {
  meta: {
    id: 'copy-from-own-stage',
    kind: 'dockerfile',
    title: 'COPY --from cannot name its own stage',
    severity: 'error',
    enabledByDefault: true,
    equivalents: ['DL3023', 'DS006', 'DS-0006'],
    fixable: false,
  },
  runIndependent: true,
  // copyOperands reads ADD --from as well as COPY's.
  reads: ['COPY', 'ADD', 'FROM'],
  check({ model, report }) {
    for (const { instruction, stage } of placedInstructions(model)) {
      if (!stage) continue;
      const copy = copyOperands(model, instruction);
      if (!copy?.from || stageNamed(model, copy.from.value) !== stage) continue;
      report({
        range: copy.from.range,
        message: `\`--from=${copy.from.value}\` names the stage this COPY is in: a stage cannot copy from itself. Name an earlier stage, or copy from the build context without --from.`,
      });
    }
  },
};
