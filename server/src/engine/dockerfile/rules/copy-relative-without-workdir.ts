import type { DockerfileRule } from '../../rule';
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
  check({ model, report }) {
    for (const { instruction, stage } of placedInstructions(model)) {
      const copy = copyOperands(model, instruction);
      if (!copy || copy.keyword !== 'COPY') continue;
      const dest = copy.destination.value;
      if (dest === '' || isAbsolutePath(dest) || isAbsolutePath(unquote(copy.destination.text)) || hasVariable(copy.destination.text)) continue;
      if (stage) {
        // In a stage built FROM scratch, relative paths are relative to its empty root: artifacts laid out on purpose.
        if (isScratchRooted(model, stage)) continue;
        const line = instruction.getRange().start.line;
        const before = stageChain(stage).flatMap((s) => (s === stage ? s.instructions.filter((i) => i.getRange().start.line < line) : s.instructions));
        if (before.some((i) => keywordOf(i) === 'WORKDIR' || (keywordOf(i) === 'ONBUILD' && keywordOf(onbuildTrigger(i) ?? i) === 'WORKDIR'))) continue;
      }
      report({
        range: copy.destination.range,
        message: `\`${dest}\` is relative but no WORKDIR is set in this stage, so it lands in the base image's working directory (often \`/\`). Add \`WORKDIR /app\` before this COPY, or use an absolute destination.`,
      });
    }
  },
};
