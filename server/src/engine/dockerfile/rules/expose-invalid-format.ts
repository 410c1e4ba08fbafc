import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';
import { selfChange } from '../edits';

/**
 * EXPOSE documents the container's ports; it cannot publish them. An IP address or a
 * `host:container` mapping is ignored (only the container port counts) and misleads readers.
 */
export const exposeInvalidFormat: DockerfileRule = {
  meta: {
    id: 'expose-invalid-format',
    kind: 'dockerfile',
    title: 'EXPOSE takes container ports only, no IP address or host port',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['ExposeInvalidFormat'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['EXPOSE'],
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (keywordOf(instruction) !== 'EXPOSE') continue;
      for (const argument of instruction.getArguments()) {
        const value = argument.getValue();
        if (!value.includes(':') || value.includes('$')) continue;
        const containerPort = value.slice(value.lastIndexOf(':') + 1);
        const range = argument.getRange();
        report({
          range,
          message: `EXPOSE cannot publish ports or bind addresses: \`${value}\` only exposes container port ${containerPort || '(none)'}. Write \`EXPOSE ${containerPort}\` and publish with \`docker run -p\` or Compose \`ports:\`.`,
          fixes: containerPort ? [{ title: `Keep the container port: ${containerPort}`, isPreferred: true, changes: [selfChange(model, [{ range, newText: containerPort }])] }] : [],
        });
      }
    }
  },
};
