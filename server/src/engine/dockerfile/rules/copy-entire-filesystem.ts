import type { DockerfileRule } from '../../rule';
import type { DockerfileModel, Stage } from '../model';
import { keywordOf, rootImage, stageChain } from '../model';
import { osFlavour, parseImageRef } from '../images';
import { copyOperands, placedInstructions, stageNamed } from '../operands';

/**
 * Stages built FROM scratch hold only the files put there on purpose (the artifact-stage pattern).
 * `FROM binaries-$TARGETOS` counts when every stage it can name is such a stage.
 */
function isScratchRooted(model: DockerfileModel, stage: Stage, seen = new Set<Stage>()): boolean {
  if (seen.has(stage)) return false;
  seen.add(stage);
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  if (rootImage(stage).isScratch) return true;
  if (root.image.resolved !== undefined) return false;
  const raw = root.from.getImage() ?? '';
  const pattern = new RegExp(`^${raw.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  const candidates = model.stages.filter((s) => s.index < root.index && s.name !== undefined && pattern.test(s.name));
  return candidates.length > 0 && candidates.every((s) => isScratchRooted(model, s, seen));
}

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
