import type { ComposeRule, ComposeRuleContext } from '../../rule';
import type { RuleMeta, Range } from '../../finding';
import { services, valueRange, keyRange, type ServiceView } from '../services';

/** Compose security checks (the KICS Compose queries): one finding per offending service setting. */
export function securityRule(
  id: string,
  title: string,
  severity: RuleMeta['severity'],
  enabledByDefault: boolean,
  check: (service: ServiceView, at: (path: (string | number)[]) => Range, context: ComposeRuleContext) => { range: Range; message: string }[],
): ComposeRule {
  return {
    meta: { id, kind: 'compose', title, severity, enabledByDefault, equivalents: [], fixable: false },
    check(context) {
      for (const service of services(context.model)) {
        const at = (path: (string | number)[]) => {
          const full = ['services', service.name, ...path];
          return typeof path[path.length - 1] === 'number' ? valueRange(context.model, full) : keyRange(context.model, full);
        };
        for (const finding of check(service, at, context)) context.report(finding);
      }
    },
  };
}

/** The host path of a bind mount written in short (`/src:/dst`) or long syntax. */
export function bindSources(service: ServiceView): { source: string; index: number }[] {
  const volumes = service.value.volumes;
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((v, index) => {
    if (typeof v === 'string') {
      const source = v.split(':')[0];
      return /^(\/|~|\.)/.test(source) ? [{ source, index }] : [];
    }
    if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'bind' && typeof (v as { source?: unknown }).source === 'string') {
      return [{ source: (v as { source: string }).source, index }];
    }
    return [];
  });
}
