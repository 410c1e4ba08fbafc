import type { DockerfileRule } from '../../rule';
import { keywordOf, rootImage } from '../model';
import { PREDEFINED_ARGS, closestName, namesInScope, variableReference } from '../build-args';

/** Instructions whose arguments Docker expands (`RUN`, `CMD` and the like are expanded by the shell at run time). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);

/**
 * `COPY $foo .` where nothing in scope defines `foo` expands to an empty string. A global ARG is
 * only visible inside a stage once re-declared there (`ARG NAME`). Names the base image may set
 * (upper-case ENV of an image this file cannot see) are left alone unless they look like a typo.
 */
export const undefinedVar: DockerfileRule = {
  meta: {
    id: 'undefined-var',
    kind: 'dockerfile',
    title: 'Variables must be defined (by ARG or ENV) before they are used',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['UndefinedVar'],
    fixable: false,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const root = rootImage(stage);
      // Windows images bring their own environment (ProgramFiles, …) that this file cannot see.
      if (/windows|nanoserver|servercore/i.test(root.resolved ?? root.raw)) continue;
      const fromScratch = root.raw.toLowerCase() === 'scratch';
      for (const instruction of stage.instructions) {
        if (!EXPANDED.has(keywordOf(instruction))) continue;
        const line = instruction.getRange().start.line;
        const heredocs = (instruction as unknown as { getHeredocs?: () => unknown[] }).getHeredocs?.() ?? [];
        // A heredoc body is file content (often a script with its own variables), not instruction words.
        const lastWordLine = heredocs.length > 0 ? line : Infinity;
        let scope: Set<string> | undefined;
        for (const variable of instruction.getVariables()) {
          if (variable.getRange().start.line > lastWordLine) continue;
          const { name, hasDefault } = variableReference(variable);
          if (!name || hasDefault || PREDEFINED_ARGS.has(name)) continue;
          scope ??= namesInScope(stage, line);
          if (scope.has(name)) continue;
          const global = model.globalArgs.has(name);
          const suggestion = global ? undefined : closestName(name, scope);
          if (!global && !suggestion && !fromScratch && !/[a-z]/.test(name)) continue;
          report({
            range: variable.getRange(),
            message: global
              ? `\`$${name}\` is a global ARG, but a stage only sees it once re-declared: add \`ARG ${name}\` in this stage before using it.`
              : `\`$${name}\` is not defined by any ARG or ENV in this stage, so it expands to an empty string.${suggestion ? ` Did you mean \`$${suggestion}\`?` : ` Declare it (\`ARG ${name}\`) or fix the name.`}`,
          });
        }
      }
    }
  },
};
