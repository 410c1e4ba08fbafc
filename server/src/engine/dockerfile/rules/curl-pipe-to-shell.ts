import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { ShellCommand } from '../shell';
import { unwrap } from '../shell';
import { pipedInto, scriptsOf, toolOf, valueOf } from '../shell-facts';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const DOWNLOADERS = new Set(['curl', 'wget']);

/**
 * `curl https://get.example.sh | sh` runs whatever the server (or anyone between it and the build)
 * sends, unchecked, as root. Download to a file, verify its checksum or signature, then run it.
 */
export const curlPipeToShell: DockerfileRule = perRun({
  meta: {
    id: 'curl-pipe-to-shell',
    kind: 'dockerfile',
    title: 'Do not pipe a download straight into a shell',
    severity: 'information',
    enabledByDefault: true,
    equivalents: [],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const script of scriptsOf(model, site)) {
      const commands = script.commands;
      for (let i = 0; i < commands.length; i++) {
        const download = unwrap(commands[i]);
        if (!DOWNLOADERS.has(toolOf(download))) continue;
        const next = commands[i + 1];
        const piped = next && SHELLS.has(toolOf(unwrap(next))) && pipedInto(script, commands[i], next) && !hasScriptArgument(unwrap(next));
        // `sh -c "$(curl …)"`, `bash <(curl …)`: the download is the script of the shell around it.
        const around = download.nested ? undefined : commands.slice(0, i).reverse().find((c) => c.start <= download.start && c.end >= download.end && SHELLS.has(toolOf(unwrap(c))));
        if (!piped && !around) continue;
        const http = download.args.some((a) => /^http:\/\//.test(valueOf(a)));
        const shell = piped ? next : around!;
        report({
          range: model.lines.rangeOf(download.start, piped ? next.end : shell.end),
          message: `This runs a script downloaded by \`${toolOf(download)}\`${http ? ' over plain HTTP' : ''} without checking it: whoever controls the server or the network path controls the build. Download it to a file, verify its checksum (\`sha256sum -c\`) or signature, then run it.`,
          severity: http ? 'warning' : undefined,
        });
      }
    }
  },
});

/** `curl … | sh -s -- args` still runs stdin; `… | bash script.sh` runs a file and ignores stdin. */
function hasScriptArgument(shell: ShellCommand): boolean {
  const first = shell.args.find((a) => !valueOf(a).startsWith('-'));
  return first !== undefined && !shell.args.some((a) => valueOf(a) === '-s' || valueOf(a) === '--');
}
