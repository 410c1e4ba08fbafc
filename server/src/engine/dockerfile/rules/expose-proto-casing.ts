import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';
import { selfChange } from '../edits';

/** `EXPOSE 80/TCP`: protocols are written in lowercase (`tcp`, `udp`, `sctp`). */
export const exposeProtoCasing: DockerfileRule = {
  meta: {
    id: 'expose-proto-casing',
    kind: 'dockerfile',
    title: 'EXPOSE protocols should be lowercase',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['ExposeProtoCasing'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['EXPOSE'],
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (keywordOf(instruction) !== 'EXPOSE') continue;
      for (const argument of instruction.getArguments()) {
        const value = argument.getValue();
        const slash = value.lastIndexOf('/');
        if (slash < 0) continue;
        const protocol = value.slice(slash + 1);
        if (protocol === protocol.toLowerCase() || protocol.includes('$')) continue;
        const start = model.lines.offsetAt(argument.getRange().start) + slash + 1;
        const range = model.lines.rangeOf(start, start + protocol.length);
        report({
          range,
          message: `Protocol \`${protocol}\` should be lowercase: write \`${value.slice(0, slash + 1)}${protocol.toLowerCase()}\`.`,
          fixes: [{ title: `Write \`${protocol.toLowerCase()}\``, isPreferred: true, changes: [selfChange(model, [{ range, newText: protocol.toLowerCase() }])] }],
        });
      }
    }
  },
};
