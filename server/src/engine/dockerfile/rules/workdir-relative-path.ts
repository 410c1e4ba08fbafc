import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';
import { chainInstructionsOf } from '../runtime';
import { selfChange } from '../edits';

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
}

/**
 * A relative WORKDIR is relative to the base image's WORKDIR: when the base changes its own, the
 * app silently moves. An earlier absolute WORKDIR in the same stage chain makes it well defined.
 */
export const workdirRelativePath: DockerfileRule = {
  meta: {
    id: 'workdir-relative-path',
    kind: 'dockerfile',
    title: 'WORKDIR should be an absolute path',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['WorkdirRelativePath', 'DL3000'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['ARG', 'FROM', 'WORKDIR'],
  check({ model, report }) {
    const orphan = model.stages.length === 0 ? model.ast.getInstructions() : [];
    const scopes = [orphan, ...model.stages.map((s) => chainInstructionsOf(s, 'WORKDIR'))];
    const reported = new Set<unknown>();
    for (const instructions of scopes) {
      let anchored = false;
      for (const instruction of instructions) {
        if (keywordOf(instruction) !== 'WORKDIR') continue;
        const argument = instruction.getArguments()[0];
        const written = argument ? model.text.slice(model.lines.offsetAt(argument.getRange().start), model.lines.offsetAt(instruction.getRange().end)).trim() : '';
        const path = unquote(written);
        if (!argument || path === '') continue;
        if (isAbsolute(path)) {
          anchored = true;
          continue;
        }
        if (anchored || reported.has(instruction)) continue;
        reported.add(instruction);
        const quote = /^["']/.test(written) ? 1 : 0;
        const at = model.lines.positionAt(model.lines.offsetAt(argument.getRange().start) + quote);
        report({
          range: { start: argument.getRange().start, end: instruction.getRange().end },
          message: `WORKDIR \`${path}\` is relative to the base image's WORKDIR, which can change under you. Use an absolute path: \`/${path}\`.`,
          fixes: [{ title: `Make it absolute: /${path}`, isPreferred: true, changes: [selfChange(model, [{ range: { start: at, end: at }, newText: '/' }])] }],
        });
      }
    }
  },
};
