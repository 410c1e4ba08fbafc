import type { DockerfileRule, DockerfileRuleContext } from '../rule';
import type { RuleMeta } from '../finding';
import { runSites, type RunSite } from './shell-facts';

/**
 * A rule whose findings are each about one RUN, written as the check of one RUN (see
 * `DockerfileRule.checkRun` for what that check may read). Its `check` walks every RUN in order.
 */
export function perRun(rule: {
  meta: RuleMeta;
  checkRun(context: DockerfileRuleContext, site: RunSite): void;
  reuseKey?(context: DockerfileRuleContext): string;
  reads?: readonly string[];
}): DockerfileRule {
  const checkRun = rule.checkRun;
  return {
    ...rule,
    check(context) {
      for (const site of runSites(context.model)) checkRun(context, site);
    },
  };
}
