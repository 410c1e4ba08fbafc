import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { placedInstructions } from '../operands';
import { runScripts } from '../shell';
import { replaceOffsets, selfChange } from '../edits';

/** One command, shell form, no heredoc: a RUN that could join its neighbour with `&&`. */
function singleCommand(model: DockerfileModel, run: Instruction): 'shell' | 'exec' | undefined {
  if ((run as Run).getHeredocs().length > 0) return undefined;
  const scripts = runScripts(model, run);
  if (scripts.length !== 1 || scripts[0].shell !== 'sh' || scripts[0].hasError) return undefined;
  const commands = scripts[0].commands.filter((c) => !c.nested);
  if (commands.length !== 1) return undefined;
  return (run as Run).getJSONStrings().length > 0 ? 'exec' : 'shell';
}

function flagsOf(run: Instruction): string {
  return (run as Run).getFlags().map((f) => `${f.getName()}=${f.getValue() ?? ''}`).sort().join(' ');
}

/**
 * Each RUN is a layer. Two RUNs in a row that each run one command (with the same mounts) are
 * usually one step split by accident: joined, the image has one layer fewer and builds faster.
 */
export const consecutiveRun: DockerfileRule = {
  meta: {
    id: 'consecutive-run',
    kind: 'dockerfile',
    title: 'Consecutive single-command RUNs could be one',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3059'],
    fixable: true,
  },
  check({ model, report }) {
    const placed = placedInstructions(model);
    for (let i = 1; i < placed.length; i++) {
      const previous = placed[i - 1];
      const current = placed[i];
      if (previous.keyword !== 'RUN' || current.keyword !== 'RUN' || previous.stage !== current.stage) continue;
      // Most RUNs run several commands: that rules a pair out before their flags are compared.
      const second = singleCommand(model, current.instruction);
      const first = second && singleCommand(model, previous.instruction);
      if (!first || !second) continue;
      if (flagsOf(previous.instruction) !== flagsOf(current.instruction)) continue;
      const fixes = [];
      const args = current.instruction.getArguments();
      const end = model.lines.offsetAt(previous.instruction.getRange().end);
      const next = args.length > 0 ? model.lines.offsetAt(args[0].getRange().start) : undefined;
      const gap = next === undefined ? '' : model.text.slice(end, model.lines.offsetAt(current.instruction.getRange().start));
      if (first === 'shell' && second === 'shell' && next !== undefined && gap.trim() === '') {
        const join = ` && ${model.escapeChar}${model.lines.eol}    `;
        fixes.push({ title: 'Join with the RUN above (&&)', isPreferred: true, changes: [selfChange(model, [replaceOffsets(model, end, next, join)])] });
      }
      report({
        range: current.instruction.getInstructionRange(),
        message: 'This RUN and the one above each run one command: every RUN adds a layer. Join them with `&&` into one RUN.',
        fixes,
      });
    }
  },
};
