import type { DockerfileRule } from '../../rule';
import { toolCommandsOf, runSites, toolOf, type RunSite } from '../shell-facts';
import type { Stage } from '../model';

/**
 * A stage that downloads with both `wget` and `curl` ships (or installs) two tools for one job.
 * Pick one. Reported on each use once both have appeared in the stage.
 *
 * One walk over the file, not a check per RUN: almost every RUN of a stage that downloads needs to
 * know what the RUNs before it used, and asking that RUN by RUN made a keystroke quadratic.
 */
export const wgetAndCurl: DockerfileRule = {
  meta: {
    id: 'wget-and-curl',
    kind: 'dockerfile',
    title: 'Use either wget or curl, not both',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL4001', 'DS014', 'DS-0014'],
    fixable: false,
  },
  check({ model, report }) {
    const byStage = new Map<Stage | undefined, RunSite[]>();
    for (const site of runSites(model)) {
      const list = byStage.get(site.stage);
      if (list) list.push(site);
      else byStage.set(site.stage, [site]);
    }
    for (const sites of byStage.values()) {
      const seen = new Set<string>();
      for (const site of sites) {
        const downloads = toolCommandsOf(model, site).filter((c) => ['wget', 'curl'].includes(toolOf(c)));
        for (const c of downloads) seen.add(toolOf(c));
        if (seen.size < 2 || downloads.length === 0) continue;
        const command = downloads[downloads.length - 1];
        report({
          range: model.lines.rangeOf(command.nameWord.start, command.nameWord.end),
          message: 'This stage downloads with both `wget` and `curl`. Use one of them (and install only that one).',
        });
      }
    }
  },
};
