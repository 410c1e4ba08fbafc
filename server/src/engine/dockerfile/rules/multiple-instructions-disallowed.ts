import type { DockerfileRule } from '../../rule';
import { instructionsOf } from '../model';
import { deleteInstruction, selfChange } from '../edits';

const CODES: Record<string, string> = { CMD: 'DL4003', ENTRYPOINT: 'DL4004', HEALTHCHECK: 'DL3012' };

/** Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect: the earlier ones do nothing. */
export const multipleInstructionsDisallowed: DockerfileRule = {
  meta: {
    id: 'multiple-instructions-disallowed',
    kind: 'dockerfile',
    title: 'Only one CMD, ENTRYPOINT and HEALTHCHECK per stage',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['MultipleInstructionsDisallowed', 'DL4003', 'DL4004', 'DL3012'],
    fixable: true,
  },
  runIndependent: true,
  // Keyword ranges, line numbers and whole-line deletions: nothing typing inside an instruction can change.
  reads: [],
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const keyword of Object.keys(CODES)) {
        const all = instructionsOf(stage, keyword);
        const last = all[all.length - 1];
        for (const instruction of all.slice(0, -1)) {
          report({
            range: instruction.getInstructionRange(),
            message: `This ${keyword} has no effect: the ${keyword} on line ${last.getRange().start.line + 1} replaces it. Remove it (or merge the two).`,
            equivalents: ['MultipleInstructionsDisallowed', CODES[keyword]],
            fixes: [{ title: `Remove the overridden ${keyword}`, isPreferred: true, changes: [selfChange(model, [deleteInstruction(model, instruction)])] }],
          });
        }
      }
    }
  },
};
