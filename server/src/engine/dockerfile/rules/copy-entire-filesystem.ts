import type { DockerfileRule } from '../../rule';
import { copyOperands, placedInstructions } from '../operands';

/** `COPY --from=build / /` drags a whole root filesystem (package databases, caches, users) into this one. */
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
    for (const { instruction } of placedInstructions(model)) {
      const copy = copyOperands(model, instruction);
      if (!copy || copy.keyword !== 'COPY' || !copy.from) continue;
      if (!copy.sources.some((s) => s.value === '/') || copy.destination.value !== '/') continue;
      report({
        range: instruction.getRange(),
        message: `This copies the whole filesystem of \`${copy.from.value}\` over this image's, package database, users and caches included. Copy only what the app needs, e.g. \`COPY --from=${copy.from.value} /app /app\`.`,
      });
    }
  },
};
