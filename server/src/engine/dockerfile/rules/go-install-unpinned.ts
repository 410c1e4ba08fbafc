import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { argsAfter, toolCommandsOf, operands, toolOf, valueOf } from '../shell-facts';

const VALUE_FLAGS = new Set(['o', 'C', 'p', 'tags', 'ldflags', 'gcflags', 'asmflags', 'mod', 'modfile', 'overlay', 'pkgdir', 'toolexec', 'exec', 'buildmode', 'compiler', 'installsuffix', 'pgo', 'covermode', 'coverpkg']);
/** Versions that move: `@latest` and branch names. */
const MOVING = /@(latest|master|main|HEAD)$/;

/**
 * `go install example.com/tool@latest` (or with no version) builds whatever is newest on the day
 * of the build. Pin a version: `go install example.com/tool@v1.2.3`.
 */
export const goInstallUnpinned: DockerfileRule = perRun({
  meta: {
    id: 'go-install-unpinned',
    kind: 'dockerfile',
    title: 'Pin versions in go install, go get and go run',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3062'],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of toolCommandsOf(model, site)) {
      if (toolOf(command) !== 'go') continue;
      const sub = command.args.find((a) => !valueOf(a).startsWith('-'));
      if (!sub || !['install', 'get', 'run'].includes(sub.value ?? '')) continue;
      let packages = operands(argsAfter(command, sub), VALUE_FLAGS);
      // `go run pkg args…`: only the first operand is a package.
      if (sub.value === 'run') packages = packages.slice(0, 1);
      const unpinned = packages.filter((w) => {
        if (w.value === undefined) return false;
        if (/^[./]/.test(w.value) || w.value.endsWith('.go')) return false;
        return !w.value.includes('@') || MOVING.test(w.value);
      });
      if (unpinned.length === 0) continue;
      const name = unpinned[0].value!.replace(/@.*$/, '');
      report({
        range: model.lines.rangeOf(unpinned[0].start, unpinned[unpinned.length - 1].end),
        message: `\`go ${sub.value} ${unpinned[0].value}\` builds whatever version is newest on the day of the build. Pin a version: \`${name}@v<version>\`.`,
      });
    }
  },
});
