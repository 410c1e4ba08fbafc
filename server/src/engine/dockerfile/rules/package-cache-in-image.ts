import * as path from 'path';
import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { Fix } from '../../finding';
import type { DockerfileModel, Stage } from '../model';
import { finalStage, keywordOf, stageChain, stageVariables } from '../model';
import { hasFlag, positionals, runCommands, subcommand, unwrap, type ShellCommand } from '../shell';
import { insertAtOffset, selfChange } from '../edits';

interface Manager {
  label: string;
  equivalents: string[];
  /** Does this command fill the cache? */
  fills(command: ShellCommand): boolean;
  /** Is the cache kept out of the layer (flag on the command, clean-up in the same RUN, cache mount, ENV)? */
  avoided(command: ShellCommand, all: ShellCommand[], mounts: string[], env: Map<string, string | undefined>): boolean;
  fix(model: DockerfileModel, command: ShellCommand, all: ShellCommand[]): Fix | undefined;
}

const name = (c: ShellCommand) => path.posix.basename(c.name);
const after = (model: DockerfileModel, offset: number, text: string, title: string): Fix =>
  ({ title, isPreferred: true, changes: [selfChange(model, [insertAtOffset(model, offset, text)])] });
const wordEnd = (c: ShellCommand, value: string) => c.args.find((a) => a.value === value)?.end;
const mounted = (mounts: string[], pattern: RegExp) => mounts.some((m) => pattern.test(m));

const MANAGERS: Manager[] = [
  {
    label: 'apt-get',
    equivalents: ['DL3009'],
    fills: (c) => name(c) === 'apt-get' && subcommand(c) === 'install',
    avoided: (c, all, mounts) => mounted(mounts, /\/var\/lib\/apt/) || all.some((o) => o.start > c.start && name(o) === 'rm' && o.args.some((a) => /^\/var\/lib\/apt\/lists\/?\*?$/.test(a.value ?? ''))),
    fix: (model, c, all) => {
      const last = [...all].reverse().find((o) => name(o) === 'apt-get' && !o.nested) ?? c;
      return after(model, last.end, ' && rm -rf /var/lib/apt/lists/*', 'Remove the apt lists in the same RUN');
    },
  },
  {
    label: 'apk',
    equivalents: ['DL3019', 'DS025', 'DS-0025'],
    fills: (c) => name(c) === 'apk' && subcommand(c) === 'add',
    avoided: (c, all, mounts) => hasFlag(c, '--no-cache') || mounted(mounts, /\/var\/cache\/apk/)
      || all.some((o) => o.start > c.start && name(o) === 'rm' && o.args.some((a) => /^\/var\/cache\/apk/.test(a.value ?? ''))),
    fix: (model, c) => {
      const end = wordEnd(c, 'add');
      return end === undefined ? undefined : after(model, end, ' --no-cache', 'Add `--no-cache` to `apk add`');
    },
  },
  {
    label: 'pip',
    equivalents: ['DL3042'],
    fills: (c) => (/^pip[\d.]*$/.test(name(c)) && subcommand(c) === 'install')
      || (/^python[\d.]*$/.test(name(c)) && c.args[0]?.value === '-m' && /^pip[\d.]*$/.test(c.args[1]?.value ?? '') && c.args[2]?.value === 'install'),
    avoided: (c, _all, mounts, env) => hasFlag(c, '--no-cache-dir') || mounted(mounts, /\.cache\/pip|pip/)
      || isTruthy(env.get('PIP_NO_CACHE_DIR')) || c.assignments.some((a) => /^PIP_NO_CACHE_DIR=/.test(a)),
    fix: (model, c) => {
      const end = wordEnd(c, 'install');
      return end === undefined ? undefined : after(model, end, ' --no-cache-dir', 'Add `--no-cache-dir` to `pip install`');
    },
  },
  {
    label: 'npm',
    equivalents: [],
    fills: (c) => name(c) === 'npm' && ['ci', 'install', 'i', 'add', 'clean-install', 'update'].includes(subcommand(c) ?? ''),
    avoided: (c, all, mounts) => mounted(mounts, /\.npm|npm/) || hasFlag(c, '--cache')
      || all.some((o) => o.start > c.start && name(o) === 'npm' && subcommand(o) === 'cache' && positionals(o)[1]?.value === 'clean'),
    fix: (model, c) => after(model, c.end, ' && npm cache clean --force', 'Clean the npm cache in the same RUN'),
  },
  {
    label: 'yarn',
    equivalents: ['DL3060'],
    fills: (c) => name(c) === 'yarn' && (subcommand(c) === undefined || subcommand(c) === 'install' || subcommand(c) === 'add'),
    avoided: (c, all, mounts) => mounted(mounts, /yarn/) || hasFlag(c, '--cache-folder')
      || all.some((o) => o.start > c.start && name(o) === 'yarn' && subcommand(o) === 'cache' && positionals(o)[1]?.value === 'clean'),
    fix: (model, c) => after(model, c.end, ' && yarn cache clean', 'Clean the yarn cache in the same RUN'),
  },
];

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && !/^(0|false|off|no|)$/i.test(value);
}

/**
 * Package managers keep downloads and indexes (apt lists, ~/.npm, ~/.cache/pip, /var/cache/apk)
 * that the app never reads: tens to hundreds of MB per layer. Drop them in the same RUN, or use a
 * cache mount that never reaches the image.
 */
export const packageCacheInImage: DockerfileRule = {
  meta: {
    id: 'package-cache-in-image',
    kind: 'dockerfile',
    title: 'Package manager caches should not stay in the image',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3009', 'DL3019', 'DL3042', 'DL3060', 'DS025', 'DS-0025'],
    fixable: true,
  },
  check({ model, build, report }) {
    const final = finalStage(model, build);
    if (!final) return;
    // Only layers that end up in the image: the final stage and the stages it is built on.
    for (const stage of stageChain(final)) {
      for (const instruction of stage.instructions) {
        if (keywordOf(instruction) !== 'RUN') continue;
        checkRun(model, stage, instruction, report);
      }
    }
  },
};

function checkRun(model: DockerfileModel, stage: Stage, run: Instruction, report: Parameters<DockerfileRule['check']>[0]['report']): void {
  const all = runCommands(model, run).map(unwrap);
  if (all.length === 0) return;
  const mounts = (run as Run).getFlags().filter((f) => f.getName() === 'mount' && /type=cache/.test(f.getValue() ?? '')).map((f) => f.getValue() ?? '');
  const env = envBefore(model, stage, run);
  for (const command of all) {
    const manager = MANAGERS.find((m) => m.fills(command));
    if (!manager || manager.avoided(command, all, mounts, env)) continue;
    const fix = manager.fix(model, command, all);
    report({
      range: model.lines.rangeOf(command.start, command.end),
      message: message(manager.label),
      fixes: fix ? [fix] : [],
      equivalents: manager.equivalents,
    });
  }
}

function message(label: string): string {
  switch (label) {
    case 'apt-get': return '`apt-get install` leaves the package lists (/var/lib/apt/lists, ~40 MB) in this layer. Add `&& rm -rf /var/lib/apt/lists/*` to the same RUN.';
    case 'apk': return '`apk add` keeps its index cache in the layer. Use `apk add --no-cache`.';
    case 'pip': return '`pip install` keeps downloaded wheels in ~/.cache/pip inside the layer. Use `pip install --no-cache-dir` (or a cache mount).';
    case 'npm': return 'The npm cache (~/.npm) stays in this layer after the install. Add `&& npm cache clean --force` to the same RUN, or use `--mount=type=cache,target=/root/.npm`.';
    default: return 'The yarn cache stays in this layer after the install. Add `&& yarn cache clean` to the same RUN, or use a cache mount.';
  }
}

/** ENV values in effect before a RUN: the stage chain up to it. */
function envBefore(model: DockerfileModel, stage: Stage, run: Instruction): Map<string, string | undefined> {
  const cut = { ...stage, instructions: stage.instructions.slice(0, stage.instructions.indexOf(run)) };
  return stageVariables(model, cut);
}
