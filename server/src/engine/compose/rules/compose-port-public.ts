import { isMap, isScalar, type Node } from 'yaml';
import type { TextEdit } from '../../finding';
import type { ComposeRule } from '../../rule';
import { bindShortSyntax, isOnAllInterfaces, parsePort, targetPorts } from '../ports';
import { indentOf, nodeAtPath, quoted, rangeOf, seqItems, services } from '../services';

/** Ports of databases, caches, brokers and admin consoles that should never face the network. */
export const SENSITIVE_PORTS: Record<number, string> = {
  5432: 'PostgreSQL', 3306: 'MySQL/MariaDB', 1433: 'SQL Server', 1521: 'Oracle', 6379: 'Redis', 6380: 'Redis',
  27017: 'MongoDB', 27018: 'MongoDB', 9200: 'Elasticsearch', 9300: 'Elasticsearch', 5672: 'RabbitMQ',
  15672: 'RabbitMQ management', 11211: 'Memcached', 5984: 'CouchDB', 7474: 'Neo4j', 7687: 'Neo4j',
  8086: 'InfluxDB', 9042: 'Cassandra', 2181: 'ZooKeeper', 26257: 'CockroachDB', 8529: 'ArangoDB',
  2375: 'the Docker API', 2376: 'the Docker API', 5601: 'Kibana', 8500: 'Consul', 2379: 'etcd', 4369: 'Erlang epmd',
};

/**
 * A database or cache port published without a host IP listens on every interface of the host,
 * and Docker's iptables rules bypass host firewalls such as ufw: it is on the network.
 */
export const composePortPublic: ComposeRule = {
  meta: {
    id: 'compose-port-public',
    kind: 'compose',
    title: 'Database and cache ports should not be published on all interfaces',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, report }) {
    for (const service of services(model)) {
      const ports = service.value.ports;
      if (!Array.isArray(ports)) continue;
      const nodes = seqItems(model, nodeAtPath(model, ['services', service.name, 'ports']));
      ports.forEach((value, index) => {
        const port = parsePort(value);
        if (!port || !isOnAllInterfaces(port)) return;
        const what = targetPorts(port).map((p) => SENSITIVE_PORTS[p]).find(Boolean);
        if (!what) return;
        const node = nodes[index] as Node | undefined;
        const edit = node ? bindEdit(model, node, port) : undefined;
        report({
          range: node ? rangeOf(model, node) : rangeOf(model, service.key),
          message: `${what} port ${port.target} of service \`${service.name}\` is published on all interfaces, so anyone who can reach the host can reach it (Docker bypasses host firewalls). Bind it to 127.0.0.1, or remove the mapping if only other services use it.`,
          fixes: edit ? [{ title: 'Bind it to 127.0.0.1', isPreferred: true, changes: [{ kind: 'edit', path: model.path, edits: [edit] }] }] : [],
        });
      });
    }
  },
};

function bindEdit(model: Parameters<ComposeRule['check']>[0]['model'], node: Node, port: ReturnType<typeof parsePort> & object): TextEdit | undefined {
  if (isScalar(node)) return { range: rangeOf(model, node), newText: quoted(bindShortSyntax(port, '127.0.0.1')) };
  if (isMap(node)) {
    const existing = node.items.find((p) => isScalar(p.key) && p.key.value === 'host_ip');
    if (existing && existing.value) return { range: rangeOf(model, existing.value as Node), newText: '127.0.0.1' };
    if (node.flow) return undefined;
    const first = node.items[0];
    if (!first) return undefined;
    const indent = ' '.repeat(indentOf(model, first.key as Node));
    const start = rangeOf(model, first.key as Node).start;
    return { range: { start, end: start }, newText: `host_ip: 127.0.0.1${model.lines.eol}${indent}` };
  }
  return undefined;
}
