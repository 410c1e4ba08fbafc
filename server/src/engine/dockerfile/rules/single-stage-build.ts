import * as path from 'path';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule, DockerfileRuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../finding';
import type { Stage } from '../model';
import { finalStage, keywordOf, stageVariables } from '../model';
import { runCommands, parseShell, unwrap, type ShellCommand } from '../shell';
import { buildStep, dependencyInstall, type BuildStep } from '../packages';
import { copySources } from '../copy-facts';
import { effectiveStart, startWords } from '../runtime';
import { deleteInstruction, insertLinesAfter, instructionLines, selfChange } from '../edits';
import { appendLinesEdit } from '../../text';
import { generatedDockerfileFix } from '../../generators/quick-fix';

/** Instructions that describe how the image runs: they belong to the runtime stage. */
const RUNTIME_ONLY = new Set(['EXPOSE', 'LABEL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'STOPSIGNAL', 'VOLUME']);

/**
 * One stage that both builds and runs ships the compiler, the dev dependencies and the sources
 * next to the app. A builder stage plus a runtime stage that copies only the output gives an image
 * a fraction of the size, with far fewer packages to patch.
 */
export const singleStageBuild: DockerfileRule = {
  meta: {
    id: 'single-stage-build',
    kind: 'dockerfile',
    title: 'Build in a builder stage and ship only the output',
    severity: 'information',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check(context) {
    const { model, build, report } = context;
    const final = finalStage(model, build);
    if (!final) return;
    if (final.instructions.some((i) => copySources(model, i)?.fromStage)) return;
    const start = effectiveStart(final);
    if (!start.cmd && !start.entrypoint) return;
    for (let index = 0; index < final.instructions.length; index++) {
      const instruction = final.instructions[index];
      if (keywordOf(instruction) !== 'RUN') continue;
      const step = runCommands(model, instruction).map(buildStep).find((s): s is BuildStep => s !== undefined);
      if (!step) continue;
      const fix = step.ecosystem === 'node' ? nodeFix(context, final, index) : step.ecosystem === 'go' ? goFix(context, final, index, step) : undefined;
      const generated = generatedDockerfileFix(context);
      const unsure = generated ? ' (The build output could not be determined with confidence, so there is no in-place split; a multi-stage Dockerfile generated from the project is offered instead.)' : ' (No automatic fix: the build output could not be determined with confidence.)';
      report({
        range: instruction.getRange(),
        message: `This stage builds the app (\`${label(step.command)}\`) and also runs it, so the image ships the build tools, dev dependencies and sources. Build in a builder stage and copy only the output into a runtime stage.${fix ? '' : unsure}`,
        fixes: [fix, generated].filter((f): f is Fix => f !== undefined),
      });
      return;
    }
  },
};

function label(command: ShellCommand): string {
  return [command.name, ...command.args.slice(0, 2).map((a) => a.value ?? a.text)].join(' ');
}

interface Split {
  /** Instructions that move to the runtime stage, in order. */
  moved: Instruction[];
  /** ENV and USER instructions kept in the builder and repeated in the runtime stage. */
  repeated: Instruction[];
  workdir?: string;
}

function split(stage: Stage, buildIndex: number): Split {
  const moved: Instruction[] = [];
  const repeated: Instruction[] = [];
  let workdir: string | undefined;
  stage.instructions.forEach((instruction, index) => {
    const keyword = keywordOf(instruction);
    if (keyword === 'WORKDIR' && index < buildIndex) {
      const dir = instruction.getArguments()[0]?.getValue();
      workdir = dir && workdir && !path.posix.isAbsolute(dir) ? path.posix.join(workdir, dir) : dir;
    }
    if (index > buildIndex) moved.push(instruction);
    else if (RUNTIME_ONLY.has(keyword)) moved.push(instruction);
    else if (keyword === 'ENV' || keyword === 'USER') repeated.push(instruction);
  });
  return { moved, repeated, workdir };
}

/** The first path segment of what the start command runs, when it is a relative path under WORKDIR (`dist/server.js` → `dist`). */
function outputDir(context: DockerfileRuleContext, final: Stage, workdir: string): string | undefined {
  const start = effectiveStart(final);
  let words = startWords(start.entrypoint ?? start.cmd);
  if (/^(npm|yarn|pnpm)$/.test(words[0] ?? '') && /start/.test(words.join(' '))) {
    const script = context.build.packageJson?.scripts?.start;
    if (!script) return undefined;
    const parsed = parseShell(script);
    if (parsed.commands.length !== 1) return undefined;
    words = [parsed.commands[0].name, ...parsed.commands[0].args.map((a) => a.value ?? '')];
  }
  if (words[0] !== 'node') return fromTsconfig(context);
  const file = words.slice(1).find((w) => !w.startsWith('-'));
  if (!file) return undefined;
  const relative = path.posix.isAbsolute(file) ? path.posix.relative(workdir, file) : path.posix.normalize(file);
  if (relative.startsWith('..') || !relative.includes('/')) return undefined;
  return relative.split('/')[0];
}

function fromTsconfig(context: DockerfileRuleContext): string | undefined {
  const text = context.build.readContextFile('tsconfig.json');
  const match = text ? /"outDir"\s*:\s*"\.?\/?([^"/]+)\/?"/.exec(text) : undefined;
  return match?.[1];
}

function nodeFix(context: DockerfileRuleContext, final: Stage, buildIndex: number): Fix | undefined {
  const { model } = context;
  const { moved, repeated, workdir } = split(final, buildIndex);
  if (!workdir || !path.posix.isAbsolute(workdir) || workdir.includes('$')) return undefined;
  const installs = final.instructions.slice(0, buildIndex + 1)
    .filter((i) => keywordOf(i) === 'RUN')
    .flatMap((i) => runCommands(model, i))
    .map(dependencyInstall)
    .filter((x) => x !== undefined);
  const manager = installs[0]?.ecosystem;
  const prune = manager === 'npm' ? 'RUN npm prune --omit=dev' : manager === 'pnpm' ? 'RUN pnpm prune --prod' : undefined;
  if (!prune) return undefined;
  if (moved.some((i) => keywordOf(i) === 'RUN' || (keywordOf(i) === 'COPY' && !copySources(model, i)) || keywordOf(i) === 'ADD')) return undefined;
  const output = outputDir(context, final, workdir);
  if (!output) return undefined;
  const stageName = final.name ?? 'build';
  const hasNodeEnv = [...repeated, ...moved].some((i) => keywordOf(i) === 'ENV' && /\bNODE_ENV\b/.test(instructionLines(model, i)));
  const runtime = [
    '',
    `FROM ${final.image.raw}`,
    `WORKDIR ${workdir}`,
    ...(hasNodeEnv ? [] : ['ENV NODE_ENV=production']),
    ...repeated.filter((i) => keywordOf(i) === 'ENV').map((i) => instructionLines(model, i)),
    `COPY --from=${stageName} ${workdir}/package.json ./`,
    `COPY --from=${stageName} ${workdir}/node_modules ./node_modules`,
    `COPY --from=${stageName} ${workdir}/${output} ./${output}`,
    ...repeated.filter((i) => keywordOf(i) === 'USER').map((i) => instructionLines(model, i)),
    ...moved.map((i) => instructionLines(model, i)),
  ];
  return fixWith(context, final, buildIndex, moved, [prune], runtime, stageName);
}

function goFix(context: DockerfileRuleContext, final: Stage, buildIndex: number, step: BuildStep): Fix | undefined {
  const { model } = context;
  const { moved, workdir } = split(final, buildIndex);
  if (!step.output || step.output.includes('$')) return undefined;
  const binary = path.posix.isAbsolute(step.output) ? step.output : workdir && path.posix.isAbsolute(workdir) ? path.posix.join(workdir, step.output) : undefined;
  if (!binary) return undefined;
  // Distroless has no shell: everything that moves must run without one.
  if (moved.some((i) => ['RUN', 'ADD', 'COPY'].includes(keywordOf(i)))) return undefined;
  if (moved.some((i) => ['CMD', 'ENTRYPOINT'].includes(keywordOf(i)) && startWords(i).length > 0 && !instructionLines(model, i).includes('['))) return undefined;
  const vars = stageVariables(model, { ...final, instructions: final.instructions.slice(0, buildIndex) });
  const command = unwrap(step.command);
  const staticBuild = vars.get('CGO_ENABLED') === '0' || step.command.assignments.some((a) => a === 'CGO_ENABLED=0') || command.assignments.some((a) => a === 'CGO_ENABLED=0');
  const stageName = final.name ?? 'build';
  const runtime = [
    '',
    `FROM gcr.io/distroless/${staticBuild ? 'static' : 'base'}-debian12:nonroot`,
    ...(workdir ? [`WORKDIR ${workdir}`] : []),
    `COPY --from=${stageName} ${binary} ${binary}`,
    ...moved.map((i) => instructionLines(model, i)),
  ];
  return fixWith(context, final, buildIndex, moved, [], runtime, stageName);
}

function fixWith(context: DockerfileRuleContext, final: Stage, buildIndex: number, moved: Instruction[], afterBuild: string[], runtime: string[], stageName: string): Fix {
  const { model } = context;
  const edits: TextEdit[] = [];
  if (!final.name) {
    const end = final.from.getRange().end;
    edits.push({ range: { start: end, end }, newText: ` AS ${stageName}` });
  }
  const build = final.instructions[buildIndex];
  if (afterBuild.length > 0) edits.push(insertLinesAfter(model, build, afterBuild));
  for (const instruction of moved) edits.push(deleteInstruction(model, instruction));
  edits.push(appendLinesEdit(model.text, runtime));
  return {
    title: `Split into a \`${stageName}\` stage and a runtime stage that copies only the build output`,
    isPreferred: true,
    changes: [selfChange(model, edits)],
  };
}
