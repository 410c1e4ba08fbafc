import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { Stage } from '../model';
import { keywordOf, stageChain } from '../model';
import { copyOperands, hasVariable, isScratchRooted, onbuildTrigger, placedInstructions, unquote } from '../operands';

/** Absolute on Linux (`/app`) or Windows (`C:\app`, `C:/app`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(path) || /^[a-zA-Z]:$/.test(path);
}

/**
 * `COPY app.py app.py` with no WORKDIR lands wherever the base image's working directory is,
 * often `/`: the file ends up beside /etc and /bin, and the result changes when the base does.
 */
export const copyRelativeWithoutWorkdir: DockerfileRule = {
  meta: {
    id: 'copy-relative-without-workdir',
    kind: 'dockerfile',
    title: 'COPY to a relative destination needs a WORKDIR',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3045'],
    fixable: false,
  },
  runIndependent: true,
  // A WORKDIR only by keyword (typing inside one keeps it a WORKDIR); the stage chain and scratch roots through FROM and global ARGs.
  reads: ['COPY', 'FROM', 'ARG'],
  check({ model, report }) {
    const isWorkdir = (i: Instruction) => keywordOf(i) === 'WORKDIR' || (keywordOf(i) === 'ONBUILD' && keywordOf(onbuildTrigger(i) ?? i) === 'WORKDIR');
    // One pass in file order: whether a WORKDIR is in force, per stage (inherited from the stages it is built FROM).
    const inherited = new Map<Stage, boolean>();
    const hasWorkdir = (stage: Stage): boolean => {
      let known = inherited.get(stage);
      if (known === undefined) {
        known = stageChain(stage).slice(1).some((s) => s.instructions.some(isWorkdir));
        inherited.set(stage, known);
      }
      return known;
    };
    let current: Stage | undefined;
    let workdirSet = false;
    for (const { instruction, stage } of placedInstructions(model)) {
      if (stage !== current) {
        current = stage;
        workdirSet = stage ? hasWorkdir(stage) : false;
      }
      if (isWorkdir(instruction)) {
        workdirSet = true;
        continue;
      }
      if (workdirSet) continue;
      const copy = copyOperands(model, instruction);
      if (!copy || copy.keyword !== 'COPY') continue;
      const dest = copy.destination.value;
      if (dest === '' || isAbsolutePath(dest) || isAbsolutePath(unquote(copy.destination.text)) || hasVariable(copy.destination.text)) continue;
      // In a stage built FROM scratch, relative paths are relative to its empty root: artifacts laid out on purpose.
      if (stage && isScratchRooted(model, stage)) continue;
      report({
        range: copy.destination.range,
        message: `\`${dest}\` is relative but no WORKDIR is set in this stage, so it lands in the base image's working directory (often \`/\`). Add \`WORKDIR /app\` before this COPY, or use an absolute destination.`,
      });
    }
  },
};
