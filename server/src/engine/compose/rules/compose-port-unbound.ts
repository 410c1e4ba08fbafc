import type { ComposeRule } from '../../rule';
import { meta } from './support';
import { parsePort } from '../ports';
import { services, valueRange } from '../services';

export const composePortUnbound: ComposeRule = {
  meta: meta('compose-port-unbound', 'Published ports should be bound to an interface', 'no-unbound-port-interfaces', 'information', false, false),
  check({ model, report }) {
    for (const service of services(model)) {
      const ports = service.value.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((value, index) => {
        const port = parsePort(value);
        // An explicit 0.0.0.0 is a choice someone made; only a missing address is unbound.
        if (!port || port.hostIp !== undefined) return;
        report({
          range: valueRange(model, ['services', service.name, 'ports', index]),
          message: `Port ${port.target} of service \`${service.name}\` is published on every interface. Bind it to an address (\`127.0.0.1:\` for local use).`,
        });
      });
    }
  },
};
