import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { Fix } from '../../finding';
import type { DockerfileModel, Stage } from '../model';
import type { ShellCommand, ShellScript } from '../shell';
import { insertLinesBefore, selfChange } from '../edits';
import { familyOf, otherRuns, pipedInto, scriptSyntax, runSites, scriptsOf, shellInEffect, toolOf, valueOf, type RunSite } from '../shell-facts';

const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

/**
 * In `curl -fsSL $URL | tar -xz`, the RUN's exit status is tar's: when curl fails, the step can
 * still succeed and the image is built without the download. `-o pipefail` makes the pipe fail
 * when any command in it fails. POSIX sh (dash) has no pipefail, so the fix switches the SHELL.
 */
export const pipeWithoutPipefail: DockerfileRule = perRun({
  meta: {
    id: 'pipe-without-pipefail',
    kind: 'dockerfile',
    title: 'Set -o pipefail before a RUN with a pipe',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL4006'],
    fixable: true,
  },
  // The SHELL in effect (per stage chain), the image's OS family for the fix's shell (an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    if (shellHasPipefail(model, site)) return;
    for (const script of scriptsOf(model, site)) {
      const pipe = firstPipe(script);
      if (!pipe) continue;
      // One SHELL line before the stage's first piped RUN covers every later one: each finding offers it.
      const fix = site.onbuild ? undefined : shellFix(model, firstPipedRun(model, site.stage)!);
      report({
        range: model.lines.rangeOf(pipe[0].start, pipe[1].end),
        message: `Only the last command of this pipe decides whether the step fails: if \`${toolOf(pipe[0])}\` fails, the build goes on. Add \`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\` before this RUN (\`/bin/ash\` on Alpine), or start the script with \`set -o pipefail\` in bash.`,
        fixes: fix ? [fix] : [],
      });
      break;
    }
  },
});

const firstPipedByModel = new WeakMap<DockerfileModel, Map<Stage | undefined, RunSite | undefined>>();

/** The stage's first RUN (triggers aside) with a pipe that pipefail would change: where the fix puts the SHELL line. Read from the other RUNs. */
function firstPipedRun(model: DockerfileModel, stage: Stage | undefined): RunSite | undefined {
  otherRuns.read = true;
  let byStage = firstPipedByModel.get(model);
  if (!byStage) firstPipedByModel.set(model, (byStage = new Map()));
  if (!byStage.has(stage)) {
    byStage.set(stage, runSites(model).find((s) => s.stage === stage && !s.onbuild && !shellHasPipefail(model, s)
      && scriptsOf(model, s).some((script) => firstPipe(script) !== undefined)));
  }
  return byStage.get(stage);
}

function shellHasPipefail(model: DockerfileModel, site: RunSite): boolean {
  const shell = shellInEffect(model, site);
  if (!shell || shell.length === 0) return false;
  const name = shell[0].replace(/\\/g, '/').split('/').pop()!.toLowerCase();
  if (!PIPEFAIL_SHELLS.has(name)) return !['sh', 'dash'].includes(name); // Non-POSIX shells (powershell, cmd) are not judged.
  return shell.some((w, i) => w === 'pipefail' && i > 0 && /^-[a-z]*o$/.test(shell[i - 1]));
}

/** Producers that cannot fail in a way pipefail would catch. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true']);

/**
 * The first pipe of the script that pipefail would change, unless `set -o pipefail` comes first.
 * Pipes fed by `echo`/`printf`, and pipes inside `$(…)` or another command (whose status the
 * RUN does not see), are left out.
 */
function firstPipe(script: ShellScript): [ShellCommand, ShellCommand] | undefined {
  const commands = script.commands.filter((c) => !c.nested);
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i];
    if (toolOf(c) === 'set' && c.args.some((a, j) => valueOf(a) === 'pipefail' && j > 0 && /^-[a-z]*o$/.test(valueOf(c.args[j - 1])))) return undefined;
    const next = commands[i + 1];
    if (!next || !pipedInto(script, c, next) || CANNOT_FAIL.has(toolOf(c))) continue;
    if (commands.some((o) => o !== c && o.start <= c.start && o.end >= next.end)) continue;
    const offset = c.start - script.start;
    if (scriptSyntax(script.source).substitutions.some((s) => s.start <= offset && s.end > offset)) continue;
    return [c, next];
  }
  return undefined;
}

/** `SHELL [bash|ash, -o, pipefail, -c]` before the first piped RUN of a stage, where that shell is known to exist. */
function shellFix(model: DockerfileModel, site: RunSite): Fix | undefined {
  if (site.onbuild || !site.stage) return undefined;
  const flavour = familyOf(model, site);
  const shell = flavour === 'alpine' ? '/bin/ash' : flavour === 'debian' || flavour === 'rhel' ? '/bin/bash' : undefined;
  if (!shell) return undefined;
  return {
    title: `Add \`SHELL ["${shell}", "-o", "pipefail", "-c"]\` before this RUN`,
    isPreferred: true,
    changes: [selfChange(model, [insertLinesBefore(model, site.instruction, [`SHELL ["${shell}", "-o", "pipefail", "-c"]`])])],
  };
}
