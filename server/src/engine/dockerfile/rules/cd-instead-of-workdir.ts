import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { Fix } from '../../finding';
import type { DockerfileModel } from '../model';
import { keywordOf, stageChain } from '../model';
import type { ShellScript } from '../shell';
import { insertLinesAfter, insertLinesBefore, replaceOffsets, selfChange } from '../edits';
import { operatorBetween, scriptsOf, toolOf, type RunSite } from '../shell-facts';

/** Instructions whose meaning depends on the working directory. */
const USES_WORKDIR = new Set(['RUN', 'COPY', 'ADD', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'WORKDIR']);

/**
 * `RUN cd /app && make` hides where the step runs; `WORKDIR /app` states it, creates the folder
 * and is visible to every later reader. Reported when a RUN starts with `cd`.
 */
export const cdInsteadOfWorkdir: DockerfileRule = perRun({
  meta: {
    id: 'cd-instead-of-workdir',
    kind: 'dockerfile',
    title: 'Use WORKDIR to switch to a directory',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3003', 'DS013', 'DS-0013'],
    fixable: true,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM), and the WORKDIR of the stage chain the fix restores.
  reads: ['FROM', 'SHELL', 'WORKDIR'],
  checkRun({ model, report }, site) {
    for (const script of scriptsOf(model, site)) {
      // Only a RUN that starts with cd: a cd later in a build script (after a download or an
      // extraction) is idiomatic and WORKDIR could not replace it without splitting the RUN.
      const cd = script.commands.find((c) => !c.nested);
      if (!cd || toolOf(cd) !== 'cd' || script.source.slice(0, cd.start - script.start).trim() !== '') continue;
      const fix = workdirFix(model, site, script);
      report({
        range: model.lines.rangeOf(cd.nameWord.start, cd.end),
        message: 'This RUN starts by changing directory: use `WORKDIR` instead, which is visible, creates the folder and keeps the RUN short.',
        fixes: fix ? [fix] : [],
      });
      break;
    }
  },
});

/**
 * `RUN cd /dir && rest` → `WORKDIR /dir` + `RUN rest`, when the cd is the first command and later
 * instructions cannot notice the changed working directory (or the previous one is restored).
 */
function workdirFix(model: DockerfileModel, site: RunSite, script: ShellScript): Fix | undefined {
  const stage = site.stage;
  if (!stage || site.onbuild || model.text[script.start] === '[' || scriptsOf(model, site).length !== 1) return undefined;
  const top = script.commands.filter((c) => !c.nested);
  const [cd, next] = top;
  if (!cd || !next || toolOf(cd) !== 'cd' || cd.args.length !== 1) return undefined;
  if (script.source.slice(0, cd.start - script.start).trim() !== '') return undefined;
  const dir = cd.args[0].value;
  if (dir === undefined || !dir.startsWith('/') || /[\s"']/.test(dir)) return undefined;
  if (operatorBetween(script, cd, next).trim() !== '&&') return undefined;
  const restore = needsRestore(site.instruction, stage.instructions);
  const previous = restore ? previousWorkdir(site) : undefined;
  if (restore && previous === undefined) return undefined;
  const edits = [
    insertLinesBefore(model, site.instruction, [`WORKDIR ${dir}`]),
    replaceOffsets(model, cd.start, next.start, ''),
  ];
  if (previous !== undefined) edits.push(insertLinesAfter(model, site.instruction, [`WORKDIR ${previous}`]));
  return { title: `Move \`cd ${dir}\` into \`WORKDIR ${dir}\``, isPreferred: true, changes: [selfChange(model, edits)] };
}

function needsRestore(run: Instruction, instructions: Instruction[]): boolean {
  for (const instruction of instructions.slice(instructions.indexOf(run) + 1)) {
    const keyword = keywordOf(instruction);
    if (!USES_WORKDIR.has(keyword)) continue;
    return !(keyword === 'WORKDIR' && (instruction.getArgumentsContent() ?? '').trim().startsWith('/'));
  }
  // Nothing later in the stage: the image (or a stage built on it) keeps the new working directory.
  return true;
}

function previousWorkdir(site: RunSite): string | undefined {
  const line = site.instruction.getRange().start.line;
  let dir: string | undefined;
  for (const instruction of stageChain(site.stage!).reverse().flatMap((s) => s.instructions)) {
    if (instruction.getRange().start.line >= line) break;
    if (keywordOf(instruction) === 'WORKDIR') {
      const value = (instruction.getArgumentsContent() ?? '').trim();
      dir = value.startsWith('/') && !/[$\s]/.test(value) ? value : undefined;
    }
  }
  return dir;
}

