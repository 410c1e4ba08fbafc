import type { ComposeRule } from '../../rule';
import { meta, runTogether } from './support';
import { parsePort, isOnAllInterfaces } from '../ports';
import { services, valueRange } from '../services';

export const composeDuplicatePublishedPort: ComposeRule = {
  meta: meta('compose-duplicate-published-port', 'A host port can be published only once', 'no-duplicate-exported-ports', 'error', true, false),
  check({ model, report }) {
    const owners = new Map<string, { name: string; value: Record<string, unknown> }[]>();
    for (const service of services(model)) {
      const ports = service.value.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((value, index) => {
        const port = parsePort(value);
        if (!port?.published || port.published.includes('$')) return;
        const [from, to] = port.published.split('-').map(Number);
        if (!Number.isInteger(from)) return;
        const ip = isOnAllInterfaces(port) ? '*' : port.hostIp!;
        const protocol = port.protocol ?? 'tcp';
        let clash: string | undefined;
        for (let p = from; p <= (Number.isInteger(to) ? to : from) && p - from < 1000; p++) {
          const keys = ip === '*' ? [...owners.keys()].filter((k) => k.endsWith(`:${p}/${protocol}`)) : [`${ip}:${p}/${protocol}`, `*:${p}/${protocol}`];
          for (const key of keys) {
            const other = owners.get(key)?.find((o) => o.name !== service.name && runTogether(o.value, service.value));
            clash ??= other?.name;
          }
          const own = `${ip}:${p}/${protocol}`;
          owners.set(own, [...(owners.get(own) ?? []), { name: service.name, value: service.value }]);
        }
        if (clash) {
          report({
            range: valueRange(model, ['services', service.name, 'ports', index]),
            message: `Host port ${port.published} is already published by service \`${clash}\`: the second binding fails with "port is already allocated". Use another host port.`,
          });
        }
      });
    }
  },
};
