import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { hasFlag } from '../shell';
import { insertAtOffset, selfChange } from '../edits';
import { configuredBefore, packageCommandsOf } from '../os-packages';

/**
 * `apt-get install` also installs every "Recommends" of the packages named: documentation,
 * X11 libraries, compilers. `--no-install-recommends` keeps the image to what was asked for.
 */
export const aptInstallRecommends: DockerfileRule = perRun({
  meta: {
    id: 'apt-install-recommends',
    kind: 'dockerfile',
    title: '`apt-get install` should use `--no-install-recommends`',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3015', 'DS029', 'DS-0029'],
    fixable: true,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const p of packageCommandsOf(model, site)) {
      if (p.manager !== 'apt-get' || p.action !== 'install' || !p.actionWord) continue;
      const c = p.command;
      if (hasFlag(c, '--no-install-recommends')) continue;
      if (c.args.some((a) => /^(-o|--option=)?APT::Install-Recommends=(false|0|no)$/i.test(a.value ?? ''))) continue;
      if (configuredBefore(model, site, /APT::Install-Recommends\W+(false|0|no)\b/i)) continue;
      report({
        range: model.lines.rangeOf(c.nameWord.start, p.actionWord.end),
        message: '`apt-get install` also installs the recommended packages (docs, extra libraries), tens of MB nobody asked for. Add `--no-install-recommends`.',
        fixes: [{
          title: 'Add `--no-install-recommends`',
          isPreferred: true,
          changes: [selfChange(model, [insertAtOffset(model, p.actionWord.end, ' --no-install-recommends')])],
        }],
      });
    }
  },
});
