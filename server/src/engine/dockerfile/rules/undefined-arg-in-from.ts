import type { DockerfileRule } from '../../rule';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../model';
import { PREDEFINED_ARGS, closestName, variableReference } from '../build-args';

/**
 * FROM can only use ARGs declared before the first FROM (plus the predefined platform ones); any
 * other `$NAME` expands to an empty string, so the stage builds from a different image than written.
 */
export const undefinedArgInFrom: DockerfileRule = {
  meta: {
    id: 'undefined-arg-in-from',
    kind: 'dockerfile',
    title: 'FROM uses an ARG that is not declared before the first FROM',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['UndefinedArgInFrom'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['ARG', 'FROM'],
  check({ model, report }) {
    const declared = new Set(model.globalArgs.keys());
    for (const stage of model.stages) {
      if (!mentionsVariable(model, stage.from)) continue;
      for (const variable of stage.from.getVariables()) {
        const { name } = variableReference(variable);
        if (!name || declared.has(name) || PREDEFINED_ARGS.has(name)) continue;
        const suggestion = closestName(name, declared);
        report({
          range: variable.getRange(),
          message: `\`$${name}\` is not declared: FROM only sees ARGs declared before the first FROM, so it expands to an empty string. ${suggestion ? `Did you mean \`$${suggestion}\`? ` : ''}Add \`ARG ${name}=<default>\` at the top of the file.`,
        });
      }
    }
  },
};

/** A `$` somewhere in the instruction: without one it uses no variable. */
function mentionsVariable(model: DockerfileModel, instruction: Instruction): boolean {
  const range = instruction.getRange();
  const dollar = model.text.indexOf('$', model.lines.offsetAt(range.start));
  return dollar >= 0 && dollar < model.lines.offsetAt(range.end);
}
