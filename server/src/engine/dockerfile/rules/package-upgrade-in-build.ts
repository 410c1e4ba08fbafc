import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { packageCommandsOf, type OsManager } from '../os-packages';

const DIST_UPGRADE: Partial<Record<OsManager, Set<string>>> = {
  'apt-get': new Set(['dist-upgrade', 'full-upgrade']),
  apt: new Set(['dist-upgrade', 'full-upgrade']),
  aptitude: new Set(['dist-upgrade', 'full-upgrade']),
  zypper: new Set(['dist-upgrade', 'dup']),
};

const UPGRADE: Partial<Record<OsManager, Set<string>>> = {
  'apt-get': new Set(['upgrade']),
  apt: new Set(['upgrade']),
  aptitude: new Set(['upgrade', 'safe-upgrade']),
  apk: new Set(['upgrade']),
  yum: new Set(['update', 'upgrade']),
  dnf: new Set(['update', 'upgrade', 'up']),
  microdnf: new Set(['update', 'upgrade']),
  tdnf: new Set(['update', 'upgrade']),
  zypper: new Set(['update', 'up']),
};

/**
 * A distribution upgrade inside a build can move the image to other major versions of system
 * packages (or another release with zypper) on whatever day it runs. A plain upgrade of every
 * package is a trade-off (security fixes now versus reproducible builds): reported as a hint.
 */
export const packageUpgradeInBuild: DockerfileRule = perRun({
  meta: {
    id: 'package-upgrade-in-build',
    kind: 'dockerfile',
    title: 'Avoid distribution upgrades inside the build; prefer a newer base image',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3035', 'DS024', 'DS-0024', 'DL3005'],
    fixable: false,
  },
  // The shell that reads the RUN (per stage; an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const p of packageCommandsOf(model, site)) {
      if (p.action === undefined || !p.actionWord) continue;
      const range = model.lines.rangeOf(p.command.nameWord.start, p.actionWord.end);
      if (DIST_UPGRADE[p.manager]?.has(p.action)) {
        const zypper = p.manager === 'zypper';
        report({
          range,
          message: zypper
            ? '`zypper dist-upgrade` can move the image to another distribution release on whatever day it builds. Use a newer base image, or `zypper update` for fixes within the release.'
            : `\`${p.command.name} ${p.action}\` may install, remove and switch major package versions on whatever day the image builds. Use a newer base image (and \`upgrade\` only if you must).`,
          equivalents: zypper ? ['DL3035'] : ['DS024', 'DS-0024', 'DL3005'],
        });
      } else if (UPGRADE[p.manager]?.has(p.action) && p.packages.length === 0) {
        report({
          range,
          severity: 'hint',
          message: `\`${p.command.name} ${p.action}\` upgrades every package to whatever the mirror has today, so two builds of this file differ. Rebuilding on a fresh base image gives the same fixes reproducibly.`,
          equivalents: ['DL3005'],
        });
      }
    }
  },
});
