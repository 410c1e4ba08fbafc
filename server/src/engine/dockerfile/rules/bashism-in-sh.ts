import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { OsFlavour } from '../images';
import { familyOf, isExecForm, scriptSyntax, scriptsOf, shellName, variablesBefore } from '../shell-facts';

const CODES = ['SC3001', 'SC3003', 'SC3010', 'SC3011', 'SC3014', 'SC3020', 'SC3028', 'SC3030', 'SC3037', 'SC3040', 'SC3046', 'SC3057', 'SC3059', 'SC3060', 'SC2112'];

/**
 * RUN runs `/bin/sh -c`, which is dash on Debian and Ubuntu: `source`, `[[ ]]`, arrays, `<<<` and
 * other bash syntax fail there ("source: not found") or silently do something else (`&>`,
 * `echo -e`). Use POSIX syntax, or `SHELL ["/bin/bash", "-c"]`. Alpine's busybox ash knows most of
 * them and RHEL-family images link /bin/sh to bash, so those are judged accordingly.
 */
export const bashismInSh: DockerfileRule = perRun({
  meta: {
    id: 'bashism-in-sh',
    kind: 'dockerfile',
    title: 'Bash-only syntax in a RUN that /bin/sh executes',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['shellcheck', ...CODES],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM), the image's OS family (FROM) and the variables ARG and ENV declare.
  reads: ['FROM', 'SHELL', 'ARG', 'ENV'],
  checkRun({ model, report }, site) {
    const shell = shellName(model, site);
    if (shell !== 'sh' && shell !== 'dash') return;
    let flavour: OsFlavour | undefined;
    for (const script of scriptsOf(model, site)) {
      if (script.shell !== 'sh' || isExecForm(model, site) || /^#!\s*\S*bash/.test(script.source)) continue;
      const syntax = scriptSyntax(script.source);
      if (syntax.bashisms.length === 0) continue;
      // Asked only when there is bash syntax to judge: an image this file cannot name is told by the stage's other RUNs.
      flavour ??= familyOf(model, site);
      if (flavour === 'rhel' || flavour === 'windows' || flavour === 'distroless' || flavour === 'scratch') return;
      const seen = new Set<string>();
      for (const b of syntax.bashisms) {
        if (seen.has(b.code) || ((flavour === 'alpine' || flavour === 'busybox') && b.inBusybox)) continue;
        // `$UID` declared with ARG/ENV or set by the script is an ordinary variable.
        if (b.variable && (syntax.assigned.has(b.variable) || variablesBefore(model, site).has(b.variable))) continue;
        seen.add(b.code);
        report({
          range: model.lines.rangeOf(script.start + b.start, script.start + b.end),
          message: `RUN executes with /bin/sh${flavour === 'debian' ? ' (dash on this image)' : ''}, which does not support ${b.what}. Use POSIX syntax, or switch RUN to bash with \`SHELL ["/bin/bash", "-c"]\`.`,
          severity: flavour === 'debian' ? undefined : 'information',
          equivalents: ['shellcheck', b.code],
        });
      }
    }
  },
});

