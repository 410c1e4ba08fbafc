import type { DockerfileRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { keywordOf, rootImage, stageChain } from '../model';
import { osFlavour, parseImageRef } from '../images';
import { copyOperands, isScratchRooted, placedInstructions, stageNamed } from '../operands';

/** Whether the source certainly has an operating system to drag along: a known OS image, or a stage that runs commands. */
function hasOperatingSystem(model: DockerfileModel, name: string): boolean {
  const stage = stageNamed(model, name);
  if (!stage) return osFlavour(parseImageRef(name, name)) !== 'unknown';
  const chain = stageChain(stage);
  return chain.some((s) => s.instructions.some((i) => keywordOf(i) === 'RUN')) || osFlavour(rootImage(stage)) !== 'unknown';
}

/**
 * `COPY --from=build / /` drags a whole root filesystem (package database, users, caches) over
 * this one. Artifact stages built FROM scratch, and copies into a scratch stage, are exempt; an
 * image this file cannot see into may be a binaries-only image, so it gets a hint only.
 */
export const copyEntireFilesystem: DockerfileRule = {
  meta: {
    id: 'copy-entire-filesystem',
    kind: 'dockerfile',
    title: 'Do not copy an entire filesystem from another stage',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3067'],
    fixable: false,
  },
  // Reads only whether a stage has a RUN, which typing inside a RUN cannot change (it stays a RUN).
  runIndependent: true,
  // The COPY, the stages it names and is in (FROM chain, images resolved with the global ARGs); a stage's RUNs only by keyword.
  reads: ['COPY', 'FROM', 'ARG'],
  check({ model, report }) {
    for (const { instruction, stage } of placedInstructions(model)) {
      const copy = copyOperands(model, instruction);
      if (!copy || copy.keyword !== 'COPY' || !copy.from) continue;
      if (!copy.sources.some((s) => s.value === '/') || copy.destination.value !== '/') continue;
      const name = copy.from.value;
      const source = stageNamed(model, name);
      if (source && isScratchRooted(model, source)) continue;
      if (stage && isScratchRooted(model, stage)) continue;
      const certain = hasOperatingSystem(model, name);
      report({
        range: instruction.getRange(),
        message: certain
          ? `This copies the whole filesystem of \`${name}\` over this image's, package database, users and caches included. Copy only what the app needs, e.g. \`COPY --from=${name} /app /app\`.`
          : `This copies the whole filesystem of \`${name}\` over this image's. Fine if \`${name}\` holds only binaries (built FROM scratch); if it is a full OS image, copy only the paths the app needs.`,
        severity: certain ? undefined : 'hint',
      });
    }
  },
};
