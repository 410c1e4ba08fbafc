import type { DockerfileRule } from '../../rule';
import { placedInstructions } from '../operands';
import { KEYWORDS } from '../syntax';

/** Only ARG (and comments, parser directives) may come before the first FROM; Docker refuses anything else. */
export const instructionBeforeFrom: DockerfileRule = {
  meta: {
    id: 'instruction-before-from',
    kind: 'dockerfile',
    title: 'A Dockerfile must start with FROM (only ARG may come before it)',
    severity: 'error',
    enabledByDefault: true,
    equivalents: ['DL3061'],
    fixable: false,
  },
  // A RUN it reports on keeps its keyword and its place while typed into (the edit stays inside it).
  runIndependent: true,
  // Only keywords and the first instruction's keyword range, which typing inside that instruction cannot move.
  reads: [],
  check({ model, report }) {
    const first = placedInstructions(model).find((p) => p.keyword !== 'ARG');
    if (!first || first.keyword === 'FROM' || !KEYWORDS.includes(first.keyword)) return;
    report({
      range: first.instruction.getInstructionRange(),
      message: `\`${first.keyword}\` comes before any FROM, and Docker refuses that: a Dockerfile must start with \`FROM <image>\` (only ARG may come before it). Add a FROM above this line.`,
    });
  },
};
