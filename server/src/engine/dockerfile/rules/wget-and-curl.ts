import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { toolCommandsOf, runSites, toolOf, type RunSite } from '../shell-facts';
import type { DockerfileModel } from '../model';

/**
 * A stage that downloads with both `wget` and `curl` ships (or installs) two tools for one job.
 * Pick one. Reported on each use once both have appeared in the stage.
 */
export const wgetAndCurl: DockerfileRule = perRun({
  meta: {
    id: 'wget-and-curl',
    kind: 'dockerfile',
    title: 'Use either wget or curl, not both',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL4001', 'DS014', 'DS-0014'],
    fixable: false,
  },
  checkRun({ model, report }, site) {
    const downloads = toolCommandsOf(model, site).filter((c) => ['wget', 'curl'].includes(toolOf(c)));
    if (downloads.length === 0) return;
    const seen = new Set(downloads.map(toolOf));
    if (seen.size < 2) downloadedBefore(model, site, seen);
    if (seen.size < 2) return;
    const command = downloads[downloads.length - 1];
    report({
      range: model.lines.rangeOf(command.nameWord.start, command.nameWord.end),
      message: 'This stage downloads with both `wget` and `curl`. Use one of them (and install only that one).',
    });
  },
});

/** Adds to `seen` the download tools of the RUNs before this one in its stage (read from the other RUNs). */
function downloadedBefore(model: DockerfileModel, site: RunSite, seen: Set<string>): void {
  for (const other of runSites(model)) {
    if (other === site) return;
    if (other.stage !== site.stage) continue;
    for (const c of toolCommandsOf(model, other)) if (['wget', 'curl'].includes(toolOf(c))) seen.add(toolOf(c));
  }
}
