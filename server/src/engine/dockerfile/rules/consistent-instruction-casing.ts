import type { DockerfileRule } from '../../rule';
import { selfChange } from '../edits';

/**
 * Instruction keywords are case-insensitive, but a file that mixes `RUN` and `run` (or writes
 * `From`) reads as careless. BuildKit takes the majority casing of the file as the norm.
 */
const casings = new Map<string, { lower: string; upper: string } | null>();

/** The keyword as written in lower and upper case; null when it has no letter. Kept per spelling (a file uses a few). */
function casingsOf(text: string): { lower: string; upper: string } | null {
  let forms = casings.get(text);
  if (forms === undefined) {
    forms = /[a-z]/i.test(text) ? { lower: text.toLowerCase(), upper: text.toUpperCase() } : null;
    if (casings.size < 1000) casings.set(text, forms);
  }
  return forms;
}

export const consistentInstructionCasing: DockerfileRule = {
  meta: {
    id: 'consistent-instruction-casing',
    kind: 'dockerfile',
    title: 'Instruction keywords should all be uppercase (or all lowercase)',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['ConsistentInstructionCasing'],
    fixable: true,
  },
  check({ model, report }) {
    const instructions = model.ast.getInstructions();
    // Counted in place: a long file is mostly one casing, and nothing needs to be kept for it.
    let lower = 0;
    let upper = 0;
    for (const instruction of instructions) {
      const text = instruction.getInstruction();
      const forms = casingsOf(text);
      if (!forms) continue;
      if (text === forms.lower) lower++;
      if (text === forms.upper) upper++;
    }
    const majority = lower > upper ? 'lowercase' : 'uppercase';
    for (const instruction of instructions) {
      const text = instruction.getInstruction();
      const forms = casingsOf(text);
      if (!forms) continue;
      const wanted = majority === 'lowercase' ? forms.lower : forms.upper;
      if (text === wanted) continue;
      const range = instruction.getInstructionRange();
      report({
        range,
        message: `\`${text}\` should match the ${majority} casing of the other instructions: write \`${wanted}\`.`,
        fixes: [{ title: `Write \`${wanted}\``, isPreferred: true, changes: [selfChange(model, [{ range, newText: wanted }])] }],
      });
    }
  },
};
