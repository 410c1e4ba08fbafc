import type { DockerfileRule } from '../../rule';
import { copyOperands, hasVariable, placedInstructions } from '../operands';
import { replaceOffsets, selfChange } from '../edits';

/** `COPY a b dest`: with several sources Docker requires a folder destination written with a trailing `/`. */
export const copyMultiSourceDestination: DockerfileRule = {
  meta: {
    id: 'copy-multi-source-destination',
    kind: 'dockerfile',
    title: 'COPY with several sources needs a destination ending in /',
    severity: 'error',
    enabledByDefault: true,
    equivalents: ['DL3021', 'DS011', 'DS-0011'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['COPY', 'ADD'],
  check({ model, report }) {
    for (const { instruction } of placedInstructions(model)) {
      const copy = copyOperands(model, instruction);
      if (!copy || copy.sources.length < 2) continue;
      const dest = copy.destination;
      if (dest.value.endsWith('/') || dest.value.endsWith('\\') || hasVariable(dest.text)) continue;
      // Insert the slash inside the quotes of a quoted destination.
      const at = dest.quoted ? dest.end - 1 : dest.end;
      // BuildKit reads `.` as a folder; the legacy builder (and tools built on it) refuse it all the same.
      const dotted = /(^|\/)\.\.?$/.test(dest.value);
      report({
        range: dest.range,
        message: dotted
          ? `${copy.keyword} with ${copy.sources.length} sources into \`${dest.value}\`: BuildKit treats it as a folder, but the legacy builder refuses a destination without a trailing \`/\`. Write \`${dest.value}/\` so every builder agrees.`
          : `${copy.keyword} with ${copy.sources.length} sources needs a folder destination ending in \`/\`: the legacy builder refuses \`${dest.value}\`, and BuildKit copies each source onto the same path, so only the last survives. Write \`${dest.value}/\`.`,
        severity: dotted ? 'warning' : undefined,
        fixes: [{ title: `Add a trailing slash: ${dest.value}/`, isPreferred: true, changes: [selfChange(model, [replaceOffsets(model, at, at, '/')])] }],
      });
    }
  },
};
