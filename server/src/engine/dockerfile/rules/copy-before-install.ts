import * as path from 'path';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule, DockerfileRuleContext } from '../../rule';
import type { Fix } from '../../finding';
import { keywordOf } from '../model';
import { runCommands, unwrap, subcommand, type ShellCommand } from '../shell';
import { buildStep, dependencyInstall, MANIFESTS, type DependencyInstall, type Ecosystem } from '../packages';
import { asDirectory, copySources, copiesWholeContext, type CopySources } from '../copy-facts';
import { insertLinesAfter, instructionLines, selfChange } from '../edits';

/** When the build context is unknown: globs that match whether or not the lockfile exists. */
const FALLBACK: Partial<Record<Ecosystem, string[]>> = {
  npm: ['package*.json'],
  yarn: ['package.json', 'yarn.lock*'],
  pnpm: ['package.json', 'pnpm-lock.yaml*'],
  poetry: ['pyproject.toml', 'poetry.lock*'],
  pipenv: ['Pipfile', 'Pipfile.lock*'],
  uv: ['pyproject.toml', 'uv.lock*'],
  go: ['go.mod', 'go.sum*'],
  bundler: ['Gemfile', 'Gemfile.lock*'],
  composer: ['composer.json', 'composer.lock*'],
  maven: ['pom.xml'],
};

/** Commands that may share the install's RUN without needing the source. */
const INSTALL_COMPANIONS = /^(npm|yarn|pnpm|corepack|pip|pip3|python|python3|poetry|pipenv|uv|go|bundle|bundler|gem|composer|rm|mkdir|chown|chmod|echo|true|apt-get|apk|ln|cp|mv|touch|test|\[)$/;

/**
 * `COPY . .` before `npm ci` makes every source edit invalidate the dependency layer: each build
 * reinstalls everything. Copying the manifest and lockfile first, installing, then copying the rest
 * keeps the install cached until the dependencies change.
 */
export const copyBeforeInstall: DockerfileRule = {
  meta: {
    id: 'copy-before-install',
    kind: 'dockerfile',
    title: 'Copy dependency manifests and install before copying the whole context',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check(context) {
    const { model, report } = context;
    for (const stage of model.stages) {
      const instructions = stage.instructions;
      for (let i = 0; i < instructions.length; i++) {
        const copy = copySources(model, instructions[i]);
        if (!copiesWholeContext(copy)) continue;
        const found = findInstall(context, instructions, i);
        if (!found) continue;
        const { install, run, index } = found;
        const fix = buildFix(context, copy!, install, run, instructions.slice(i + 1, index));
        report({
          range: copy!.instruction.getRange(),
          message: `\`${copy!.instruction.getKeyword()} ${copy!.sources.join(' ')} ${copy!.destination}\` copies the whole build context before \`${installLabel(install.command)}\`, so any source change reinstalls every dependency. Copy the manifest and lockfile first, install, then copy the rest.`,
          fixes: fix ? [fix] : [],
        });
        break;
      }
    }
  },
};

function installLabel(command: ShellCommand): string {
  const words = [command.name, ...command.args.slice(0, 2).map((a) => a.value ?? a.text)];
  return words.join(' ');
}

function findInstall(context: DockerfileRuleContext, instructions: Instruction[], from: number) {
  for (let j = from + 1; j < instructions.length; j++) {
    if (keywordOf(instructions[j]) !== 'RUN') continue;
    for (const command of runCommands(context.model, instructions[j])) {
      const install = dependencyInstall(command);
      if (install) return { install, run: instructions[j], index: j };
    }
  }
  return undefined;
}

function buildFix(context: DockerfileRuleContext, copy: CopySources, install: DependencyInstall, run: Instruction, between: Instruction[]): Fix | undefined {
  const { model } = context;
  // Moving the full copy below the install must not change what anything else sees.
  if (between.some((i) => ['RUN', 'COPY', 'ADD', 'ONBUILD'].includes(keywordOf(i)))) return undefined;
  const commands = runCommands(model, run);
  if (commands.some((c) => buildStep(c) || !INSTALL_COMPANIONS.test(path.posix.basename(unwrap(c).name)) || runsScript(c))) return undefined;
  if (install.ecosystem === 'cargo' || install.ecosystem === 'dotnet' || install.ecosystem === 'gradle') return undefined;
  const manifests = manifestsFor(context, install);
  if (!manifests || manifests.length === 0) return undefined;
  const destination = asDirectory(copy.destination);
  const byFolder = new Map<string, string[]>();
  for (const manifest of manifests) {
    const folder = path.posix.dirname(manifest);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), manifest]);
  }
  const copyLines = [...byFolder].map(([folder, files]) =>
    `COPY ${copy.flagsText}${files.join(' ')} ${folder === '.' ? destination : destination === './' ? `./${folder}/` : asDirectory(path.posix.join(destination, folder))}`);
  const full = instructionLines(model, copy.instruction);
  const range = copy.instruction.getRange();
  const lineStart = { line: range.start.line, character: 0 };
  const lineEnd = { line: range.end.line, character: model.lines.lineEnd(range.end.line) - model.lines.lineStart(range.end.line) };
  return {
    title: `Copy ${manifests.join(', ')} first and the rest after \`${installLabel(install.command)}\``,
    isPreferred: true,
    changes: [selfChange(model, [
      { range: { start: lineStart, end: lineEnd }, newText: copyLines.join(model.lines.eol) },
      insertLinesAfter(model, run, [full]),
    ])],
  };
}

/** `npm run x`, `yarn build`: a script that may read the source. */
function runsScript(command: ShellCommand): boolean {
  const c = unwrap(command);
  const name = path.posix.basename(c.name);
  const sub = subcommand(c);
  if (name === 'npm' || name === 'pnpm') return sub === 'run' || sub === 'run-script' || sub === 'exec' || sub === 'start' || sub === 'test';
  if (name === 'yarn') return sub !== undefined && !['install', 'cache', 'config', 'global', 'add'].includes(sub);
  if (name === 'python' || name === 'python3') return c.args[0]?.value !== '-m';
  return false;
}

function manifestsFor(context: DockerfileRuleContext, install: DependencyInstall): string[] | undefined {
  if (install.ecosystem === 'pip') {
    const files = install.requirementFiles;
    return files.every((f) => !f.includes('$') && !path.posix.isAbsolute(f)) ? files.map((f) => path.posix.normalize(f)) : undefined;
  }
  const candidates = MANIFESTS[install.ecosystem];
  const known = context.build.onDisk && context.build.contextFileExists(candidates[0] ?? '');
  if (known) {
    const existing = candidates.filter((f) => context.build.contextFileExists(f));
    if (existing.length > 0) return existing;
  }
  return FALLBACK[install.ecosystem];
}
