import type { ComposeRule } from '../../rule';
import { meta } from './support';
import { services, valueRange } from '../services';

export const composeContainerNameInvalid: ComposeRule = {
  meta: meta('compose-container-name-invalid', 'Container names must be valid Docker names', 'service-container-name-regex', 'error', true, false),
  check({ model, report }) {
    for (const service of services(model)) {
      const name = service.value.container_name;
      if (typeof name !== 'string' || name.includes('$') || /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) continue;
      report({
        range: valueRange(model, ['services', service.name, 'container_name']),
        message: `Container name \`${name}\` is not a valid Docker name: use letters, digits, \`_\`, \`.\` and \`-\`, starting with a letter or digit.`,
      });
    }
  },
};
