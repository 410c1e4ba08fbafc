import type { Run } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { Fix } from '../../finding';
import { keywordOf } from '../model';
import { replaceOffsets, selfChange } from '../edits';
import { earlierRuns, familyOf, isInstall, packageCommandsOf, runSites, type PackageCommand, type RunSite } from '../os-packages';
import type { DockerfileModel } from '../model';

/** Index refreshes: they only download metadata that a later install reads. */
function isRefresh(p: PackageCommand): boolean {
  switch (familyOf(p.manager)) {
    case 'apt': return p.action === 'update';
    case 'apk': return p.action === 'update';
    case 'zypper': return p.action === 'refresh' || p.action === 'ref';
    default: return p.action === 'makecache' || p.action === 'mc' || p.action === 'check-update';
  }
}

/** Commands that use the index in the same RUN (installs, upgrades, removals). */
function usesIndex(p: PackageCommand): boolean {
  return isInstall(p) || /^(upgrade|dist-upgrade|full-upgrade|safe-upgrade|update|up|dup|patch|build-dep|source|download|remove|purge|del)$/.test(p.action ?? '') && !isRefresh(p);
}

/**
 * `RUN apt-get update` in a layer of its own is cached: months later, a changed install line below
 * it reuses the old package index and fails with 404s for versions the mirror no longer has.
 * Refresh the index in the same RUN as the install.
 */
export const updateWithoutInstall: DockerfileRule = perRun({
  meta: {
    id: 'update-without-install',
    kind: 'dockerfile',
    title: 'Refresh the package index in the same RUN as the install',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['CKV_DOCKER_5', 'DS017', 'DS-0017'],
    fixable: true,
  },
  // The stage chain (which RUNs built the same filesystem), the shell that reads the RUNs (an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    const commands = packageCommandsOf(model, site);
    for (const refresh of commands.filter(isRefresh)) {
      const family = familyOf(refresh.manager);
      if (commands.some((p) => p !== refresh && familyOf(p.manager) === family && usesIndex(p))) continue;
      // Only when a later RUN of the same filesystem installs with that index.
      const later = runSites(model).filter((s) => s !== site && earlierRuns(model, s).includes(site));
      const install = later.find((s) => packageCommandsOf(model, s).some((p) => familyOf(p.manager) === family && isInstall(p)));
      if (!install || !refresh.actionWord) continue;
      const fix = mergeFix(model, site, install, commands.length === 1);
      report({
        range: model.lines.rangeOf(refresh.command.nameWord.start, refresh.actionWord.end),
        message: `\`${refresh.command.name} ${refresh.action}\` runs in its own RUN: its layer is cached, so a later change to the install on line ${install.run.getRange().start.line + 1} reuses an old package index and can fail on versions the mirror no longer has. Refresh and install in the same RUN.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});

/**
 * Joins `RUN <refresh>` and the RUN right after it (`RUN apt-get update` + `RUN apt-get install …`
 * → one RUN with `&&`), when nothing but the refresh, line breaks and no flags stand in the way.
 */
function mergeFix(model: DockerfileModel, site: RunSite, install: RunSite, refreshOnly: boolean): Fix | undefined {
  if (!refreshOnly || site.onbuild || install.onbuild || !site.stage || site.stage !== install.stage) return undefined;
  const instructions = site.stage.instructions;
  const index = instructions.indexOf(site.run);
  if (instructions[index + 1] !== install.run || keywordOf(install.run) !== 'RUN') return undefined;
  const first = site.run as Run;
  const second = install.run as Run;
  if (second.getFlags().length > 0 || first.getJSONStrings().length > 0 || second.getJSONStrings().length > 0) return undefined;
  if (first.getHeredocs().length > 0 || second.getHeredocs().length > 0) return undefined;
  const args = second.getArguments();
  if (args.length === 0) return undefined;
  const end = model.lines.offsetAt(first.getRange().end);
  const start = model.lines.offsetAt(args[0].getRange().start);
  if (model.text.slice(end, start).replace(/^\s*RUN\s+/i, '').trim() !== '' || !/^\s*\r?\n\s*RUN\s/i.test(model.text.slice(end, start))) return undefined;
  return {
    title: 'Merge into the next RUN',
    isPreferred: true,
    changes: [selfChange(model, [replaceOffsets(model, end, start, ` ${model.escapeChar}${model.lines.eol}    && `)])],
  };
}
