import type { DockerfileRule } from '../../rule';
import type { Instruction } from 'dockerfile-ast';
import { keywordOf, rootImage, stageChain } from '../model';
import { DEFAULT_ENV, PREDEFINED_ARGS, closestName, propertiesOf } from '../build-args';

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
  runIndependent: true,
  reads: ['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'],
  check({ model, report }) {
    for (const stage of model.stages) {
      const root = rootImage(stage);
      // Windows images bring their own environment (ProgramFiles, …) that this file cannot see.
      if (/windows|nanoserver|servercore/i.test(root.resolved ?? root.raw)) continue;
      const fromScratch = root.raw.toLowerCase() === 'scratch';
      // Names in scope, grown instruction by instruction: the stages this one is built on, then its own.
      const scope = new Set<string>(DEFAULT_ENV);
      for (const parent of stageChain(stage).slice(1)) for (const instruction of parent.instructions) declare(instruction, scope);
      for (const instruction of stage.instructions) {
        if (!EXPANDED.has(keywordOf(instruction))) continue; // declares nothing either
        const range = instruction.getRange();
        const start = model.lines.offsetAt(instruction.getInstructionRange().end);
        // No `$` anywhere in the instruction's lines: nothing to read, heredoc or not.
        const dollar = model.text.indexOf('$', start);
        if (dollar < 0 || dollar >= Math.max(model.lines.offsetAt(range.end), model.lines.lineEnd(range.start.line))) {
          declare(instruction, scope);
          continue;
        }
        const heredocs = (instruction as unknown as { getHeredocs?: () => unknown[] }).getHeredocs?.() ?? [];
        // A heredoc body is file content (often a script with its own variables), not instruction words.
        const end = heredocs.length > 0 ? model.lines.lineEnd(range.start.line) : model.lines.offsetAt(range.end);
        const words = model.text.slice(start, end);
        if (!words.includes('$')) {
          declare(instruction, scope);
          continue;
        }
        for (const variable of variableReferences(words, model.escapeChar)) {
          const { name, hasDefault } = variable;
          if (!name || hasDefault || PREDEFINED_ARGS.has(name)) continue;
          if (scope.has(name)) continue;
          const global = model.globalArgs.has(name);
          const suggestion = global ? undefined : closestName(name, scope);
          if (!global && !suggestion && !fromScratch && !/[a-z]/.test(name)) continue;
          report({
            range: model.lines.rangeOf(start + variable.start, start + variable.end),
            message: global
              ? `\`$${name}\` is a global ARG, but a stage only sees it once re-declared: add \`ARG ${name}\` in this stage before using it.`
              : `\`$${name}\` is not defined by any ARG or ENV in this stage, so it expands to an empty string.${suggestion ? ` Did you mean \`$${suggestion}\`?` : ` Declare it (\`ARG ${name}\`) or fix the name.`}`,
          });
        }
        declare(instruction, scope);
      }
    }
  },
};

function declare(instruction: Instruction, scope: Set<string>): void {
  const keyword = keywordOf(instruction);
  if (keyword === 'ARG' || keyword === 'ENV') for (const property of propertiesOf(instruction)) scope.add(property.getName());
}

interface Reference {
  name: string;
  hasDefault: boolean;
  start: number;
  end: number;
}

/**
 * `$NAME` and `${NAME…}` references in instruction words, as Docker expands them: not after the
 * escape character, not inside single quotes, not on comment lines of a continuation.
 */
export function variableReferences(words: string, escapeChar: string): Reference[] {
  const found: Reference[] = [];
  let quote: string | undefined;
  let lineStart = true;
  for (let i = 0; i < words.length; i++) {
    const c = words[i];
    if (c === '\n') {
      lineStart = true;
      continue;
    }
    if (lineStart && c === '#' && quote === undefined) {
      while (i < words.length && words[i] !== '\n') i++;
      continue;
    }
    if (c !== ' ' && c !== '\t' && c !== '\r') lineStart = false;
    if (c === escapeChar) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      if (quote === undefined) quote = c;
      else if (quote === c) quote = undefined;
      continue;
    }
    if (c !== '$' || quote === "'") continue;
    const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(words.slice(i, i + 256));
    if (!match) continue;
    found.push({ name: match[1] ?? match[3], hasDefault: (match[2] ?? '') !== '', start: i, end: i + match[0].length });
    i += match[0].length - 1;
  }
  return found;
}
