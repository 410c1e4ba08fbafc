import { perRun } from '../per-run';
import type { DockerfileRule, Report } from '../../rule';
import type { Fix } from '../../finding';
import type { DockerfileModel } from '../model';
import { finalStage, keywordOf, stageVariables } from '../model';
import { hasFlag, positionals, programName, scriptVariables, subcommand, type ShellCommand } from '../shell';
import { scriptsOf, toolCommandsOf } from '../shell-facts';
import { insertAtOffset, selfChange } from '../edits';
import { configuredBefore, earlierRuns, inImage, mountCovers, packageCommand, removes, throwawayMounts, type RunSite } from '../os-packages';

/** One RUN as the managers see it: its commands (wrappers peeled off), cache mounts, and the state before it. */
class RunFacts {
  private mountTargets?: string[];
  private envValues?: Map<string, string | undefined>;

  constructor(readonly model: DockerfileModel, readonly site: RunSite, readonly commands: ShellCommand[]) {}

  /** Targets of cache and tmpfs mounts; read on first use. */
  get mounts(): string[] {
    return (this.mountTargets ??= throwawayMounts(this.site.run));
  }

  /** ENV values in effect (stage chain up to this RUN); computed on first use. */
  get env(): Map<string, string | undefined> {
    return (this.envValues ??= envBefore(this.model, this.site));
  }
}

interface Manager {
  label: string;
  equivalents: string[];
  /** `command`: each filling command needs its own flag; `run`: one clean-up after the last one fixes the RUN. */
  scope: 'command' | 'run';
  /** Does this command fill the cache? */
  fills(command: ShellCommand): boolean;
  /** Is the cache kept out of the layer (flag, clean-up later in the RUN, cache/tmpfs mount, ENV)? */
  avoided(command: ShellCommand, facts: RunFacts): boolean;
  fix(facts: RunFacts, command: ShellCommand): Fix | undefined;
  message(command: ShellCommand): string;
}

const name = (c: ShellCommand) => programName(c.name);
const insertFix = (model: DockerfileModel, offset: number, text: string, title: string): Fix =>
  ({ title, isPreferred: true, changes: [selfChange(model, [insertAtOffset(model, offset, text)])] });
const wordEnd = (c: ShellCommand, value: string) => c.args.find((a) => a.value === value)?.end;
const later = (c: ShellCommand, facts: RunFacts, test: (o: ShellCommand) => boolean) => facts.commands.some((o) => o.start > c.start && test(o));
const action = (c: ShellCommand) => packageCommand(c)?.action;

/** Inserts `text` after the last command of the RUN that `belongs` (outside `sh -c` strings when possible). */
function appendAfterLast(facts: RunFacts, belongs: (c: ShellCommand) => boolean, text: string, title: string): Fix | undefined {
  const candidates = facts.commands.filter(belongs);
  const last = [...candidates].reverse().find((c) => !c.nested) ?? candidates[candidates.length - 1];
  return last ? insertFix(facts.model, last.end, text, title) : undefined;
}

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const APT_LISTS = /^\/var\/lib\/apt\/lists(\/\*?)?\/?$/;
const YUM_FILLS = new Set(['install', 'localinstall', 'groupinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'distro-sync', 'makecache',
  'group install', 'group update', 'module install']);
const DNF_FILLS = new Set(['install', 'in', 'localinstall', 'groupinstall', 'reinstall', 'rei', 'update', 'upgrade', 'up', 'upgrade-minimal', 'up-min',
  'update-minimal', 'downgrade', 'dg', 'distro-sync', 'dsync', 'makecache', 'mc', 'swap', 'group install', 'group upgrade', 'module install']);
const ZYPPER_FILLS = new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'refresh', 'ref', 'source-install', 'si']);
const DNF = new Set(['dnf', 'dnf5', 'microdnf', 'tdnf']);

const MANAGERS: Manager[] = [
  {
    label: 'apt',
    equivalents: ['DL3009'],
    scope: 'run',
    fills: (c) => APT.has(name(c)) && action(c) === 'update',
    avoided: (c, facts) => later(c, facts, (o) => removes(o, APT_LISTS) || (APT.has(name(o)) && /^dist-?clean$/.test(action(o) ?? '')))
      || (mountCovers(facts.mounts, '/var/lib/apt/lists') && archivesHandled(c, facts)),
    fix: (facts) => appendAfterLast(facts, (o) => APT.has(name(o)), ' && rm -rf /var/lib/apt/lists/*', 'Remove the apt lists in the same RUN'),
    message: (c) => `\`${name(c)} update\` leaves the package lists (/var/lib/apt/lists, tens of MB) in this layer. Add \`&& rm -rf /var/lib/apt/lists/*\` after the installs in the same RUN, or use cache mounts for /var/lib/apt and /var/cache/apt.`,
  },
  {
    label: 'apk',
    equivalents: ['DL3019', 'DS025', 'DS-0025'],
    scope: 'command',
    fills: (c) => name(c) === 'apk' && action(c) === 'add',
    avoided: (c, facts) => hasFlag(c, '--no-cache', '--no-network') || mountCovers(facts.mounts, '/var/cache/apk')
      || later(c, facts, (o) => removes(o, /^\/var\/cache\/apk/) || (name(o) === 'apk' && subcommand(o) === 'cache' && positionals(o)[1]?.value === 'clean')),
    fix: (facts, c) => {
      const end = wordEnd(c, 'add');
      return end === undefined ? undefined : insertFix(facts.model, end, ' --no-cache', 'Add `--no-cache` to `apk add`');
    },
    message: () => '`apk add` keeps its index cache in the layer. Use `apk add --no-cache`.',
  },
  {
    label: 'pip',
    equivalents: ['DL3042'],
    scope: 'command',
    fills: (c) => (/^pip[\d.]*$/.test(name(c)) && subcommand(c) === 'install')
      || (/^python[\d.]*$/.test(name(c)) && c.args[0]?.value === '-m' && /^pip[\d.]*$/.test(c.args[1]?.value ?? '') && c.args[2]?.value === 'install'),
    avoided: (c, facts) => hasFlag(c, '--no-cache-dir') || facts.mounts.some((m) => /(^|\/)\.cache(\/pip)?$|pip/.test(m)) || pipCacheDisabled(c, facts),
    fix: (facts, c) => {
      const end = wordEnd(c, 'install');
      return end === undefined ? undefined : insertFix(facts.model, end, ' --no-cache-dir', 'Add `--no-cache-dir` to `pip install`');
    },
    message: () => '`pip install` keeps downloaded wheels in ~/.cache/pip inside the layer. Use `pip install --no-cache-dir` (or a cache mount).',
  },
  {
    label: 'npm',
    equivalents: [],
    scope: 'command',
    fills: (c) => name(c) === 'npm' && ['ci', 'install', 'i', 'add', 'clean-install', 'update'].includes(subcommand(c) ?? ''),
    avoided: (c, facts) => facts.mounts.some((m) => /\.npm|npm/.test(m)) || hasFlag(c, '--cache')
      || later(c, facts, (o) => (name(o) === 'npm' && subcommand(o) === 'cache' && /^(clean|clear|rm)$/.test(positionals(o)[1]?.value ?? '')) || removes(o, /(^|\/)\.npm(\/|$)/)),
    fix: (facts, c) => insertFix(facts.model, c.end, ' && npm cache clean --force', 'Clean the npm cache in the same RUN'),
    message: () => 'The npm cache (~/.npm) stays in this layer after the install. Add `&& npm cache clean --force` to the same RUN, or use `--mount=type=cache,target=/root/.npm`.',
  },
  {
    label: 'yarn',
    equivalents: ['DL3060'],
    scope: 'command',
    fills: (c) => name(c) === 'yarn' && (subcommand(c) === 'install' || subcommand(c) === 'add'
      || (subcommand(c) === undefined && !hasFlag(c, '--version', '-v', '--help', '-h'))),
    avoided: (c, facts) => facts.mounts.some((m) => /yarn/.test(m)) || hasFlag(c, '--cache-folder')
      || later(c, facts, (o) => name(o) === 'yarn' && subcommand(o) === 'cache' && positionals(o)[1]?.value === 'clean'),
    fix: (facts, c) => insertFix(facts.model, c.end, ' && yarn cache clean', 'Clean the yarn cache in the same RUN'),
    message: () => 'The yarn cache stays in this layer after the install. Add `&& yarn cache clean` to the same RUN, or use a cache mount.',
  },
  {
    label: 'yum',
    equivalents: ['DL3032', 'DS015', 'DS-0015', 'Yum Clean All Missing'],
    scope: 'run',
    fills: (c) => name(c) === 'yum' && YUM_FILLS.has(action(c) ?? ''),
    avoided: (c, facts) => mountCovers(facts.mounts, '/var/cache/yum')
      || later(c, facts, (o) => (name(o) === 'yum' && cleansAll(o)) || removes(o, /^\/var\/cache\/yum/)),
    fix: (facts) => appendAfterLast(facts, (o) => name(o) === 'yum', ' && yum clean all', 'Add `yum clean all` to the same RUN'),
    message: () => '`yum` keeps its metadata and package cache (/var/cache/yum) in this layer. Add `&& yum clean all` to the same RUN.',
  },
  {
    label: 'dnf',
    equivalents: ['DL3040', 'DS019', 'DS-0019'],
    scope: 'run',
    fills: (c) => DNF.has(name(c)) && DNF_FILLS.has(action(c) ?? ''),
    avoided: (c, facts) => ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'].some((d) => mountCovers(facts.mounts, d))
      || later(c, facts, (o) => (name(o) === name(c) && cleansAll(o)) || removes(o, /^\/var\/cache\/(dnf|yum|libdnf5)/)),
    fix: (facts, c) => appendAfterLast(facts, (o) => name(o) === name(c), ` && ${name(c)} clean all`, `Add \`${name(c)} clean all\` to the same RUN`),
    message: (c) => `\`${name(c)}\` keeps its metadata and package cache (/var/cache/dnf) in this layer. Add \`&& ${name(c)} clean all\` to the same RUN.`,
  },
  {
    label: 'zypper',
    equivalents: ['DL3036', 'DS020', 'DS-0020', 'Missing Zypper Clean'],
    scope: 'run',
    fills: (c) => name(c) === 'zypper' && ZYPPER_FILLS.has(action(c) ?? ''),
    avoided: (c, facts) => mountCovers(facts.mounts, '/var/cache/zypp')
      || later(c, facts, (o) => (name(o) === 'zypper' && /^(clean|cc)$/.test(action(o) ?? '')) || removes(o, /^\/var\/cache\/zypp/)),
    fix: (facts) => appendAfterLast(facts, (o) => name(o) === 'zypper', ' && zypper clean --all', 'Add `zypper clean --all` to the same RUN'),
    message: () => '`zypper` keeps downloaded packages and metadata (/var/cache/zypp) in this layer. Add `&& zypper clean --all` to the same RUN.',
  },
];

/** The programs each manager's `fills` asks for first: a RUN that runs none of them fills no cache. */
function mayFill(tool: string): boolean {
  return APT.has(tool) || DNF.has(tool) || OTHER_FILLERS.has(tool) || /^(pip|python)[\d.]*$/.test(tool);
}

const OTHER_FILLERS = new Set(['apk', 'npm', 'yarn', 'yum', 'zypper']);

/** `/scripts/cleanup.sh`, `./clean-apt`: a script of the project whose name says it cleans up. */
function isCleanupScript(c: ShellCommand): boolean {
  return /clean/i.test(name(c)) && (c.name.includes('/') || /\.(sh|bash)$/.test(c.name)) && packageCommand(c) === undefined;
}

function cleansAll(c: ShellCommand): boolean {
  const p = packageCommand(c);
  return p?.action === 'clean' && p.packages.some((w) => w.value === 'all');
}

/**
 * The .deb archives: Debian and Ubuntu images delete them after each install (docker-clean),
 * unless a RUN removed that hook; then /var/cache/apt must be a mount or cleaned too.
 */
function archivesHandled(c: ShellCommand, facts: RunFacts): boolean {
  if (mountCovers(facts.mounts, '/var/cache/apt')) return true;
  if (later(c, facts, (o) => (APT.has(name(o)) && /^(clean|dist-?clean)$/.test(action(o) ?? '')) || removes(o, /^\/var\/cache\/apt/))) return true;
  return !configuredBefore(facts.model, facts.site, /^\/etc\/apt\/apt\.conf\.d\/docker-clean$|Keep-Downloaded-Packages\W+true/i);
}

/** PIP_NO_CACHE_DIR set to a true value: by ENV, as a prefix of the command, or exported earlier in the script. */
function pipCacheDisabled(c: ShellCommand, facts: RunFacts): boolean {
  const prefix = c.assignments.map((a) => /^PIP_NO_CACHE_DIR=(.*)$/.exec(a)?.[1]).find((v) => v !== undefined);
  if (prefix !== undefined) return isTruthy(unquote(prefix));
  // `pip config set global.no-cache-dir true`, earlier in this RUN or in the stage.
  const configured = configuredBefore(facts.model, facts.site, /^(global|install)\.no-cache-dir$/)
    && [...earlierRuns(facts.model, facts.site).flatMap((s) => toolCommandsOf(facts.model, s)), ...facts.commands.filter((o) => o.start < c.start)]
    .some((o) => /^pip[\d.]*$/.test(name(o)) && subcommand(o) === 'config' && positionals(o)[1]?.value === 'set'
      && /^(global|install)\.no-cache-dir$/.test(positionals(o)[2]?.value ?? '') && isTruthy(positionals(o)[3]?.value));
  if (configured) return true;
  let value = facts.env.get('PIP_NO_CACHE_DIR');
  for (const script of scriptsOf(facts.model, facts.site)) {
    if (c.start < script.start || c.start > script.end) continue;
    for (const v of scriptVariables(script.source)) {
      if (v.name === 'PIP_NO_CACHE_DIR' && v.exported && script.start + v.start < c.start) value = v.value;
    }
  }
  return isTruthy(value);
}

const unquote = (v: string) => v.replace(/^(["'])(.*)\1$/, '$2');

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && !/^(0|false|off|no|)$/i.test(value);
}

/**
 * Package managers keep downloads and indexes (apt lists, /var/cache/yum, ~/.npm, ~/.cache/pip,
 * /var/cache/apk) that the app never reads: tens to hundreds of MB per layer. Drop them in the
 * same RUN, or use a cache mount that never reaches the image.
 */
export const packageCacheInImage: DockerfileRule = perRun({
  meta: {
    id: 'package-cache-in-image',
    kind: 'dockerfile',
    title: 'Package manager caches should not stay in the image',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060', 'DS015', 'DS019', 'DS020', 'DS025', 'DS-0015', 'DS-0019', 'DS-0020', 'DS-0025', 'Yum Clean All Missing', 'Missing Zypper Clean'],
    fixable: true,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM), the stages that reach the image (FROM), and ENV/ARG values (PIP_NO_CACHE_DIR).
  reads: ['FROM', 'SHELL', 'ARG', 'ENV'],
  // The final stage may be the `build.target` of a Compose file.
  reuseKey: ({ model, build }) => String(finalStage(model, build)?.index),
  checkRun({ model, build, report }, site) {
    // Only layers that end up in the image: the final stage and the stages it is built on (and
    // ONBUILD triggers, which run in every image built from this one).
    if (inImage(site, finalStage(model, build))) checkRun(model, site, report);
  },
});

function checkRun(model: DockerfileModel, site: RunSite, report: (r: Report) => void): void {
  const commands = toolCommandsOf(model, site);
  if (!commands.some((c) => mayFill(name(c)))) return;
  const facts = new RunFacts(model, site, commands);
  // A clean-up may hide in a script this file cannot read (`/scripts/cleanup.sh`), or after a
  // command the parser could not read: then stay quiet about clean-ups that must come later.
  const unreadable = scriptsOf(model, site).some((s) => s.hasError);
  for (const manager of MANAGERS) {
    const offending = commands.filter((c) => manager.fills(c) && !manager.avoided(c, facts)
      && !(manager.scope === 'run' && (unreadable || later(c, facts, isCleanupScript))));
    for (const command of manager.scope === 'run' ? offending.slice(0, 1) : offending) {
      const fix = manager.fix(facts, command);
      report({
        range: model.lines.rangeOf(command.start, command.end),
        message: manager.message(command),
        fixes: fix ? [fix] : [],
        equivalents: manager.equivalents,
      });
    }
  }
}

/** ENV values in effect before a RUN: the stage chain up to it. */
function envBefore(model: DockerfileModel, site: RunSite): Map<string, string | undefined> {
  const stage = site.stage;
  if (!stage) {
    // Before any FROM (hadolint's test inputs): the ENVs above it.
    const env = new Map<string, string | undefined>();
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getRange().start.line >= site.run.getRange().start.line) break;
      if (keywordOf(instruction) !== 'ENV') continue;
      for (const p of (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
        env.set(p.getName(), p.getValue() ?? undefined);
      }
    }
    return env;
  }
  const index = stage.instructions.findIndex((i) => i.getRange().start.line >= site.run.getRange().start.line);
  const cut = { ...stage, instructions: index < 0 ? stage.instructions : stage.instructions.slice(0, index) };
  return stageVariables(model, cut);
}
