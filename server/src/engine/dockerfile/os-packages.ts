import type { Arg, Instruction, Run } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import { builtOn, keywordOf, stageChain } from './model';
import { programName, unwrap, type ShellCommand, type ShellWord } from './shell';

/** What the OS package-manager rules share: where the RUNs are, and what each package command does. */

import { commandsOf, otherRuns, runSites, siteFact, type RunSite } from './shell-facts';

export { runSites, type RunSite };

/**
 * Whether a RUN's layer ends up in the image that is built: a RUN of the final stage or of the
 * stages it is built on, one before any FROM, or any ONBUILD trigger.
 */
export function inImage(site: RunSite, final: Stage | undefined): boolean {
  return site.onbuild || !site.stage || (final !== undefined && builtOn(final, site.stage));
}


/** The RUNs before this one that built the same filesystem (its stage chain), in build order. */
export function earlierRuns(model: DockerfileModel, site: RunSite): RunSite[] {
  const sites = runSites(model);
  const index = sites.indexOf(site);
  const chain = site.stage ? stageChain(site.stage) : [];
  return sites.slice(0, Math.max(index, 0)).filter((s) => s.onbuild === site.onbuild && (s.stage === site.stage || (s.stage !== undefined && chain.includes(s.stage))));
}

/** Targets of `--mount=type=cache|tmpfs` on a RUN: what never reaches the layer. */
export function throwawayMounts(run: Instruction): string[] {
  const flags = (run as Run).getFlags?.() ?? [];
  const targets: string[] = [];
  for (const flag of flags) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const value = flag.getValue() ?? '';
    const options = new Map(value.split(',').map((part) => {
      const eq = part.indexOf('=');
      return (eq < 0 ? [part.trim(), ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()]) as [string, string];
    }));
    if (!['cache', 'tmpfs'].includes(options.get('type') ?? '')) continue;
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
    if (target) targets.push(target.replace(/\/+$/, '') || '/');
  }
  return targets;
}

/** True when some mount covers `dir` (the mount is `dir` or one of its parents). */
export function mountCovers(mounts: string[], dir: string): boolean {
  return mounts.some((m) => m === '/' || dir === m || dir.startsWith(m + '/'));
}

export type OsManager = 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'tdnf' | 'zypper';

// A Map, not an object: asked with every command's name, which an object lookup would first intern.
const MANAGERS = new Map<string, OsManager>([
  ['apt-get', 'apt-get'], ['apt', 'apt'], ['aptitude', 'aptitude'], ['apk', 'apk'], ['yum', 'yum'], ['dnf', 'dnf'], ['dnf5', 'dnf'],
  ['microdnf', 'microdnf'], ['tdnf', 'tdnf'], ['zypper', 'zypper'],
]);

/** Options that take a value as the next word (`-o Dpkg::…`, `--virtual .deps`), per manager family. */
const VALUE_OPTIONS: Record<'apt' | 'apk' | 'rpm' | 'zypper', Set<string>> = {
  apt: new Set(['-o', '-c', '-t', '-a', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture']),
  apk: new Set(['-X', '-t', '-p', '--repository', '--virtual', '--root', '--keys-dir', '--repositories-file', '--arch', '--cache-dir', '--cache-max-age', '--timeout']),
  rpm: new Set(['-c', '-d', '-e', '-x', '-R', '--config', '--debuglevel', '--errorlevel', '--installroot', '--enablerepo', '--disablerepo',
    '--repo', '--repoid', '--releasever', '--setopt', '--exclude', '--excludepkgs', '--downloaddir', '--destdir', '--forcearch', '--color',
    '--repofrompath', '--disableplugin', '--enableplugin', '--rpmverbosity', '--comment', '--advisory', '--advisories', '--bz', '--cve', '--sec-severity', '--secseverity']),
  zypper: new Set(['-r', '-R', '-D', '-C', '-t', '--repo', '--root', '--reposd-dir', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
    '--pkg-cache-dir', '--type', '--from', '--config', '-c', '--installroot']),
};

export function familyOf(manager: OsManager): keyof typeof VALUE_OPTIONS {
  switch (manager) {
    case 'apt-get': case 'apt': case 'aptitude': return 'apt';
    case 'apk': return 'apk';
    case 'zypper': return 'zypper';
    default: return 'rpm';
  }
}

/** One package-manager command, read through the shell model. */
export interface PackageCommand {
  manager: OsManager;
  command: ShellCommand;
  /** The operands in order (flags and their values left out): `install`, `curl`, … */
  operands: ShellWord[];
  /** The action (`install`, `update`, `dist-upgrade`…), `module install` and `group install` as two words. */
  action?: string;
  /** The word of the action, where fixes insert flags. */
  actionWord?: ShellWord;
  /** The packages an install names (after the action). */
  packages: ShellWord[];
}

const PACKAGE_COMMANDS = Symbol('packageCommands');

/** The OS package-manager commands of a RUN site (sudo/env wrappers peeled off, `sh -c` bodies included). */
export function packageCommandsOf(model: DockerfileModel, site: RunSite): PackageCommand[] {
  return siteFact(model, site, PACKAGE_COMMANDS, packageCommandsIn);
}

function packageCommandsIn(commands: ShellCommand[]): PackageCommand[] {
  const result: PackageCommand[] = [];
  for (const raw of commands) {
    const parsed = packageCommand(raw);
    if (parsed) result.push(parsed);
  }
  return result;
}

export function packageCommand(raw: ShellCommand): PackageCommand | undefined {
  const command = unwrap(raw);
  const manager = MANAGERS.get(programName(command.name));
  if (!manager) return undefined;
  const operands = operandsOf(command, VALUE_OPTIONS[familyOf(manager)]);
  let action = operands[0]?.value;
  let actionWord = operands[0];
  let rest = operands.slice(1);
  if ((action === 'module' || action === 'group' || action === 'groups') && rest[0]?.value !== undefined) {
    action = `${action === 'groups' ? 'group' : action} ${rest[0].value}`;
    actionWord = rest[0];
    rest = rest.slice(1);
  }
  return { manager, command, operands, action, actionWord, packages: rest };
}

/** Positional words of a command, skipping flags and the values of the options that take one. */
export function operandsOf(command: ShellCommand, valueOptions: Set<string>): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const word = command.args[i];
    const v = word.value ?? word.text;
    if (v === '--') {
      out.push(...command.args.slice(i + 1));
      break;
    }
    if (v.startsWith('-') && v.length > 1) {
      if (valueOptions.has(v)) i++;
      continue;
    }
    out.push(word);
  }
  return out;
}

const INSTALLS: Record<OsManager, Set<string>> = {
  'apt-get': new Set(['install', 'reinstall']),
  apt: new Set(['install', 'reinstall']),
  aptitude: new Set(['install', 'reinstall']),
  apk: new Set(['add']),
  yum: new Set(['install', 'localinstall', 'reinstall']),
  dnf: new Set(['install', 'in', 'localinstall', 'reinstall', 'rei']),
  microdnf: new Set(['install', 'reinstall']),
  tdnf: new Set(['install', 'reinstall']),
  zypper: new Set(['install', 'in']),
};

/** Installs named packages (`apt-get install`, `apk add`, `dnf in`, `yum module install`…). */
export function isInstall(p: PackageCommand): boolean {
  if (p.action === undefined) return false;
  if (p.action === 'module install' || p.action === 'group install') return p.manager !== 'zypper' && familyOf(p.manager) === 'rpm';
  if (p.action === 'groupinstall') return p.manager === 'yum' || p.manager === 'dnf';
  return INSTALLS[p.manager].has(p.action);
}

/** A word that is a package file or a path rather than a repository package name. */
export function isLocalPackage(word: ShellWord): boolean {
  const v = word.value ?? word.text;
  return /\.(deb|apk|rpm)$/.test(v) || /^(\.{1,2}\/|\/|~\/|https?:\/\/|ftp:\/\/)/.test(v);
}

/**
 * A pin written with a variable (`curl=${CURL_VERSION}`, `git-core-$version`): a pin unless the
 * variable is certainly empty here, i.e. set only by an ENV of a stage this one is not built on.
 * Variables from an ARG (any stage: `--build-arg` is how pins are usually passed), from this
 * stage chain, from the base image or from the script itself count as set.
 */
export function variablePinHolds(model: DockerfileModel, stage: Stage | undefined, text: string): boolean {
  const names = [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  if (names.length === 0) return true;
  const visible = new Set<string>(model.globalArgs.keys());
  for (const s of stage ? stageChain(stage) : []) for (const name of declaredNames(s.instructions)) visible.add(name);
  const argsAnywhere = new Set<string>();
  const envElsewhere = new Set<string>();
  for (const s of model.stages) {
    for (const instruction of s.instructions) {
      const keyword = keywordOf(instruction);
      if (keyword === 'ARG') for (const name of declaredNames([instruction])) argsAnywhere.add(name);
      else if (keyword === 'ENV') for (const name of declaredNames([instruction])) envElsewhere.add(name);
    }
  }
  return names.every((name) => visible.has(name) || argsAnywhere.has(name) || !envElsewhere.has(name));
}

function declaredNames(instructions: Instruction[]): string[] {
  const names: string[] = [];
  for (const instruction of instructions) {
    const keyword = keywordOf(instruction);
    if (keyword === 'ARG') {
      const name = (instruction as Arg).getProperty()?.getName();
      if (name) names.push(name);
    } else if (keyword === 'ENV') {
      for (const p of (instruction as unknown as { getProperties(): { getName(): string }[] }).getProperties()) names.push(p.getName());
    }
  }
  return names;
}

const matchesByModel = new WeakMap<DockerfileModel, Map<string, Set<RunSite>>>();

/** True when any command of these RUNs has an argument matching `pattern` (config written with echo/tee/sed). */
export function anyArgument(model: DockerfileModel, sites: RunSite[], pattern: RegExp): boolean {
  otherRuns.read = true;
  let byPattern = matchesByModel.get(model);
  if (!byPattern) matchesByModel.set(model, byPattern = new Map());
  let matching = byPattern.get(pattern.source);
  if (!matching) {
    matching = new Set(runSites(model).filter((s) => commandsOf(model, s).some((c) => c.args.some((a) => pattern.test(a.value ?? a.text)))));
    byPattern.set(pattern.source, matching);
  }
  const found = matching;
  return sites.some((s) => found.has(s));
}

/** `anyArgument` over this RUN and the RUNs before it in its stage chain, cheap when nothing matches at all. */
export function configuredBefore(model: DockerfileModel, site: RunSite, pattern: RegExp): boolean {
  if (!anyArgument(model, runSites(model), pattern)) return false;
  return anyArgument(model, [...earlierRuns(model, site), site], pattern);
}

export const basename = (command: ShellCommand): string => programName(command.name);

/** `rm` of a path matching `pattern`. */
export function removes(command: ShellCommand, pattern: RegExp): boolean {
  return basename(command) === 'rm' && command.args.some((a) => pattern.test(a.value ?? a.text));
}
