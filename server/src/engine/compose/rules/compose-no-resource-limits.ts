import * as path from 'path';
import type { ComposeRule } from '../../rule';
import { isPlainObject } from '../model';
import { rangeOf, services } from '../services';

/** A file meant for development (by its name), where limits are noise. */
export function isDevFile(file: string): boolean {
  return /(^|[._-])(dev|devel|development|local|override|test|ci|debug)([._-]|$)/i.test(path.basename(file));
}

/** Without a memory limit one leaking container can take the host's memory and its neighbours with it. */
export const composeNoResourceLimits: ComposeRule = {
  meta: {
    id: 'compose-no-resource-limits',
    kind: 'compose',
    title: 'Services should set memory and CPU limits',
    severity: 'information',
    enabledByDefault: true,
    equivalents: [],
    fixable: false,
  },
  check({ model, report }) {
    if (isDevFile(model.path)) return;
    for (const service of services(model)) {
      const value = service.value;
      const deploy = isPlainObject(value.deploy) ? value.deploy : {};
      const resources = isPlainObject(deploy.resources) ? deploy.resources : {};
      const limits = isPlainObject(resources.limits) ? resources.limits : {};
      const memory = limits.memory !== undefined || value.mem_limit !== undefined;
      const cpu = limits.cpus !== undefined || value.cpus !== undefined || value.cpu_quota !== undefined || value.cpu_count !== undefined;
      if (memory && cpu) continue;
      const missing = [!memory && 'memory', !cpu && 'CPU'].filter(Boolean).join(' and ');
      report({
        range: rangeOf(model, service.key),
        message: `Service \`${service.name}\` has no ${missing} limit: one runaway container can starve the others. Set \`deploy.resources.limits\` (memory, cpus).`,
      });
    }
  },
};
