import type { ShellCommand, ShellWord } from './shell';
import { flagValue, hasFlag, positionals, programName, subcommand, unwrap } from './shell';

/** What the package-manager rules know about installs and builds, read from parsed commands. */

export type Ecosystem =
  | 'npm' | 'yarn' | 'pnpm' | 'pip' | 'poetry' | 'pipenv' | 'uv' | 'go' | 'bundler' | 'composer' | 'cargo'
  | 'maven' | 'gradle' | 'dotnet';

/** An install of the project's declared dependencies (not of named packages). */
export interface DependencyInstall {
  ecosystem: Ecosystem;
  command: ShellCommand;
  /** The requirement files a `pip install -r` reads. */
  requirementFiles: string[];
}

const tool = (command: ShellCommand) => programName(command.name);

/** The programs dependencyInstall knows (its cases): any other command is answered before reading its words. */
const DEPENDENCY_TOOLS = new Set(['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'python', 'python3', 'poetry', 'pipenv', 'uv', 'go', 'bundle', 'bundler',
  'composer', 'cargo', 'mvn', 'mvnw', 'dotnet']);

/**
 * `npm ci`, `npm install` (no package names), `yarn [install]`, `pnpm install`, `pip install -r f`,
 * `poetry install`, `pipenv install`, `uv sync`, `go mod download`, `bundle install`,
 * `composer install`, `cargo fetch|build`, `mvn dependency:go-offline`, `dotnet restore`.
 */
export function dependencyInstall(raw: ShellCommand): DependencyInstall | undefined {
  const command = unwrap(raw);
  const name = tool(command);
  if (!DEPENDENCY_TOOLS.has(name)) return undefined;
  const sub = subcommand(command);
  const make = (ecosystem: Ecosystem, requirementFiles: string[] = []): DependencyInstall => ({ ecosystem, command, requirementFiles });
  switch (name) {
    case 'npm':
      if (sub === 'ci' || sub === 'clean-install') return make('npm');
      if ((sub === 'install' || sub === 'i' || sub === 'add') && positionals(command).length === 1) return make('npm');
      return undefined;
    case 'yarn':
      if (sub === undefined || sub === 'install') return make('yarn');
      return undefined;
    case 'pnpm':
      if ((sub === 'install' || sub === 'i') && positionals(command).length === 1) return make('pnpm');
      return undefined;
    case 'pip':
    case 'pip3':
      if (sub === 'install') {
        const files = requirementFiles(command);
        return files.length > 0 ? make('pip', files) : undefined;
      }
      return undefined;
    case 'python':
    case 'python3':
      if (command.args[0]?.value === '-m' && /^pip3?$/.test(command.args[1]?.value ?? '') && command.args[2]?.value === 'install') {
        const files = requirementFiles(command);
        return files.length > 0 ? make('pip', files) : undefined;
      }
      return undefined;
    case 'poetry':
      return sub === 'install' ? make('poetry') : undefined;
    case 'pipenv':
      return sub === 'install' || sub === 'sync' ? make('pipenv') : undefined;
    case 'uv':
      return sub === 'sync' ? make('uv') : undefined;
    case 'go':
      return sub === 'mod' && positionals(command)[1]?.value === 'download' ? make('go') : undefined;
    case 'bundle':
    case 'bundler':
      return sub === undefined || sub === 'install' ? make('bundler') : undefined;
    case 'composer':
      return sub === 'install' ? make('composer') : undefined;
    case 'cargo':
      return sub === 'fetch' || sub === 'build' ? make('cargo') : undefined;
    case 'mvn':
    case 'mvnw':
      return command.args.some((a) => /^dependency:(go-offline|resolve)/.test(a.value ?? '')) ? make('maven') : undefined;
    case 'dotnet':
      return sub === 'restore' ? make('dotnet') : undefined;
    default:
      return undefined;
  }
}

function requirementFiles(command: ShellCommand): string[] {
  const files: string[] = [];
  command.args.forEach((arg, i) => {
    const v = arg.value ?? '';
    if (v === '-r' || v === '--requirement' || v === '-c' || v === '--constraint') {
      const next = command.args[i + 1]?.value;
      if (next) files.push(next);
    } else if (v.startsWith('--requirement=')) files.push(v.slice('--requirement='.length));
    else if (/^-r\S/.test(v)) files.push(v.slice(2));
  });
  return files;
}

/** A step that compiles or bundles the project (needs the whole source and usually dev tools). */
export interface BuildStep {
  ecosystem: Ecosystem | 'node';
  command: ShellCommand;
  /** `-o` output of `go build`, `--output`/`-o` of `dotnet publish`, when given. */
  output?: string;
}

const NODE_BUILD_SCRIPTS = /^(build|compile|bundle|dist)(:.*)?$/;
const NODE_BUILD_TOOLS = new Set(['tsc', 'vite', 'webpack', 'rollup', 'esbuild', 'parcel', 'ng', 'next', 'nuxt', 'nest', 'swc', 'tsup', 'babel']);

/** The programs buildStep has a case for; the other node build tools are in NODE_BUILD_TOOLS. */
const BUILD_TOOLS = new Set(['npm', 'pnpm', 'yarn', 'npx', 'go', 'mvn', 'mvnw', './mvnw', 'gradle', 'gradlew', 'cargo', 'dotnet']);

export function buildStep(raw: ShellCommand): BuildStep | undefined {
  const command = unwrap(raw);
  const name = tool(command);
  if (!BUILD_TOOLS.has(name) && !NODE_BUILD_TOOLS.has(name)) return undefined;
  const sub = subcommand(command);
  const pos = positionals(command);
  switch (name) {
    case 'npm':
    case 'pnpm':
      if ((sub === 'run' || sub === 'run-script') && NODE_BUILD_SCRIPTS.test(pos[1]?.value ?? '')) return { ecosystem: 'node', command };
      if (name === 'pnpm' && sub !== undefined && NODE_BUILD_SCRIPTS.test(sub)) return { ecosystem: 'node', command };
      return undefined;
    case 'yarn':
      if (sub === 'run' && NODE_BUILD_SCRIPTS.test(pos[1]?.value ?? '')) return { ecosystem: 'node', command };
      if (sub !== undefined && NODE_BUILD_SCRIPTS.test(sub)) return { ecosystem: 'node', command };
      return undefined;
    case 'npx':
      return NODE_BUILD_TOOLS.has(pos[0]?.value ?? '') ? { ecosystem: 'node', command } : undefined;
    case 'go':
      return sub === 'build' ? { ecosystem: 'go', command, output: flagValue(command, '-o') } : undefined;
    case 'mvn':
    case 'mvnw':
    case './mvnw':
      return command.args.some((a) => /^(package|install|verify)$/.test(a.value ?? '')) ? { ecosystem: 'maven', command } : undefined;
    case 'gradle':
    case 'gradlew':
      return command.args.some((a) => /^(build|assemble|bootJar|jar|shadowJar|installDist)$/.test(a.value ?? '')) ? { ecosystem: 'gradle', command } : undefined;
    case 'cargo':
      return sub === 'build' && hasFlag(command, '--release', '-r') ? { ecosystem: 'cargo', command } : undefined;
    case 'dotnet':
      return sub === 'publish' || sub === 'build'
        ? { ecosystem: 'dotnet', command, output: flagValue(command, '--output') ?? flagValue(command, '-o') }
        : undefined;
    default:
      return NODE_BUILD_TOOLS.has(name) && name !== 'babel' && !hasFlag(command, '--noEmit', '--version', '-v', '--help')
        ? { ecosystem: 'node', command }
        : undefined;
  }
}

/** The manifest and lockfile names of an ecosystem, in the order they are usually copied. */
export const MANIFESTS: Record<Ecosystem, string[]> = {
  npm: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc'],
  yarn: ['package.json', 'yarn.lock', '.yarnrc.yml', '.yarnrc'],
  pnpm: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc'],
  pip: [],
  poetry: ['pyproject.toml', 'poetry.lock'],
  pipenv: ['Pipfile', 'Pipfile.lock'],
  uv: ['pyproject.toml', 'uv.lock'],
  go: ['go.mod', 'go.sum'],
  bundler: ['Gemfile', 'Gemfile.lock'],
  composer: ['composer.json', 'composer.lock'],
  cargo: ['Cargo.toml', 'Cargo.lock'],
  maven: ['pom.xml'],
  gradle: ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties'],
  dotnet: [],
};

/** Node ecosystems: npm, yarn, pnpm. */
export function isNode(ecosystem: Ecosystem | 'node'): boolean {
  return ecosystem === 'npm' || ecosystem === 'yarn' || ecosystem === 'pnpm' || ecosystem === 'node';
}

export function wordValues(words: ShellWord[]): string[] {
  return words.map((w) => w.value ?? w.text);
}
