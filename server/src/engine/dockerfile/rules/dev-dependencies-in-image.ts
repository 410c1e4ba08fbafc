import * as path from 'path';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { BuildContextFacts } from '../context';
import { perRun } from '../per-run';
import { otherRuns } from '../shell-facts';
import type { DockerfileModel, Stage } from '../model';
import { builtOn, finalStage, keywordOf, stageVariables } from '../model';
import { hasFlag, flagValue, runCommands, subcommand, unwrap, type ShellCommand } from '../shell';
import { buildStep, dependencyInstall } from '../packages';
import { insertAtOffset, selfChange } from '../edits';

/**
 * Test runners, compilers, linters and type definitions in the final image: more size, more CVEs,
 * nothing the app runs. Install production dependencies only where the app runs.
 */
export const devDependenciesInImage: DockerfileRule = perRun({
  meta: {
    id: 'dev-dependencies-in-image',
    kind: 'dockerfile',
    title: 'The final image should not install dev dependencies',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  // The final stage may be a Compose `build.target`; Yarn Berry is named in the build context's package.json.
  reuseKey: ({ model, build }) => `${finalStage(model, build)?.index}|${isBerry(build)}`,
  // The final stage and its chain, the shell that reads the RUN, NODE_ENV from the ARG and ENV before it; a global ARG may name the image.
  reads: ['ARG', 'ENV', 'FROM', 'SHELL'],
  checkRun({ model, build, report }, site) {
    const stage = site.stage;
    if (site.onbuild || !stage) return;
    const final = finalStage(model, build);
    if (!final || !builtOn(final, stage)) return;
    const instruction = site.run;
    const commands = runCommands(model, instruction);
    commands.forEach((raw, position) => {
      const install = dependencyInstall(raw);
      if (!install || !['npm', 'yarn', 'pnpm'].includes(install.ecosystem)) return;
      const command = unwrap(raw);
      if (omitsDev(command) || raw.assignments.some((a) => /^NODE_ENV=production$/.test(a))) return;
      if (nodeEnvProduction(model, stage, instruction)) return;
      // A later build needs the dev tools in this stage; pruning later removes them anyway.
      if (laterInStage(model, stage, stage.instructions.indexOf(instruction), commands.slice(position + 1), (c) => buildStep(c) !== undefined || isPrune(c))) return;
      const tool = path.posix.basename(command.name);
      const flag = tool === 'npm' ? '--omit=dev' : tool === 'yarn' ? '--production' : '--prod';
      const anchor = command.args.find((a) => a.value === subcommand(command))?.end ?? command.nameWord.end;
      const fixable = !(tool === 'yarn' && isBerry(build));
      report({
        range: model.lines.rangeOf(command.start, command.end),
        message: `\`${tool} ${subcommand(command) ?? 'install'}\` in the final image installs dev dependencies too (test runners, compilers, type definitions). Add \`${flag}\`, or build in an earlier stage and install production dependencies here.`,
        fixes: fixable ? [{ title: `Add \`${flag}\``, isPreferred: true, changes: [selfChange(model, [insertAtOffset(model, anchor, ` ${flag}`)])] }] : [],
      });
    });
  },
});

function isBerry(build: BuildContextFacts): boolean {
  return /^yarn@[2-9]/.test(build.packageJson?.packageManager ?? '');
}

function omitsDev(command: ShellCommand): boolean {
  const tool = path.posix.basename(command.name);
  if (tool === 'npm') {
    const omit = flagValue(command, '--omit');
    const only = flagValue(command, '--only');
    return omit === 'dev' || /^prod(uction)?$/.test(only ?? '') || hasFlag(command, '--production');
  }
  if (tool === 'yarn') return hasFlag(command, '--production', '--prod');
  return hasFlag(command, '--prod', '-P', '--production');
}

function isPrune(command: ShellCommand): boolean {
  const c = unwrap(command);
  const tool = path.posix.basename(c.name);
  return (tool === 'npm' || tool === 'pnpm') && subcommand(c) === 'prune';
}

function nodeEnvProduction(model: DockerfileModel, stage: Stage, run: Instruction): boolean {
  const cut = { ...stage, instructions: stage.instructions.slice(0, stage.instructions.indexOf(run)) };
  return stageVariables(model, cut).get('NODE_ENV') === 'production';
}

function laterInStage(model: DockerfileModel, stage: Stage, index: number, rest: ShellCommand[], test: (c: ShellCommand) => boolean): boolean {
  if (rest.some(test)) return true;
  otherRuns.read = true;
  return stage.instructions.slice(index + 1).some((i) => keywordOf(i) === 'RUN' && runCommands(model, i).some(test));
}
