import type { DockerfileRule } from '../../rule';
import { selfChange } from '../edits';

/**
 * Instruction keywords are case-insensitive, but a file that mixes `RUN` and `run` (or writes
 * `From`) reads as careless. BuildKit takes the majority casing of the file as the norm.
 */
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
    const keywords = model.ast.getInstructions()
      .map((instruction) => ({ range: instruction.getInstructionRange(), text: instruction.getInstruction() }))
      .filter((k) => /[a-z]/i.test(k.text));
    const lower = keywords.filter((k) => k.text === k.text.toLowerCase()).length;
    const upper = keywords.filter((k) => k.text === k.text.toUpperCase()).length;
    const majority = lower > upper ? 'lowercase' : 'uppercase';
    for (const keyword of keywords) {
      const wanted = majority === 'lowercase' ? keyword.text.toLowerCase() : keyword.text.toUpperCase();
      if (keyword.text === wanted) continue;
      report({
        range: keyword.range,
        message: `\`${keyword.text}\` should match the ${majority} casing of the other instructions: write \`${wanted}\`.`,
        fixes: [{ title: `Write \`${wanted}\``, isPreferred: true, changes: [selfChange(model, [{ range: keyword.range, newText: wanted }])] }],
      });
    }
  },
};
