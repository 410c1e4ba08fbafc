import type { ComposeRule } from '../../rule';
import { meta } from './support';
import { services, valueRange } from '../services';

export const composeDuplicateContainerName: ComposeRule = {
  meta: meta('compose-duplicate-container-name', 'Container names must be unique', 'no-duplicate-container-names', 'error', true, false),
  check({ model, report }) {
    const seen = new Map<string, string>();
    for (const service of services(model)) {
      const name = service.value.container_name;
      if (typeof name !== 'string' || name.includes('$')) continue;
      const first = seen.get(name);
      if (first) {
        report({
          range: valueRange(model, ['services', service.name, 'container_name']),
          message: `Container name \`${name}\` is already used by service \`${first}\`: the second container cannot be created. Give each service its own name, or drop \`container_name\`.`,
        });
      } else seen.set(name, service.name);
    }
  },
};
