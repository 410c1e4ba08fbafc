import { isMap, isScalar, type Node } from 'yaml';
import { isPlainObject } from './model';

/** One `ports` entry, short (`"127.0.0.1:8080:80/tcp"`) or long (`{target, published, host_ip}`) syntax. */
export interface PortMapping {
  hostIp?: string;
  /** Published host port or range; undefined when Docker picks one. */
  published?: string;
  /** Container port or range. */
  target: string;
  protocol?: string;
  /** True when written in long syntax. */
  long: boolean;
}

export function parsePort(value: unknown): PortMapping | undefined {
  if (typeof value === 'number') return { target: String(value), long: false };
  if (isPlainObject(value)) {
    if (value.target === undefined) return undefined;
    return {
      target: String(value.target),
      published: value.published === undefined ? undefined : String(value.published),
      hostIp: typeof value.host_ip === 'string' ? value.host_ip : undefined,
      protocol: typeof value.protocol === 'string' ? value.protocol : undefined,
      long: true,
    };
  }
  if (typeof value !== 'string' || value.includes('$')) return undefined;
  let rest = value.trim();
  let protocol: string | undefined;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2];
  }
  const parts = rest.split(':');
  if (parts.length === 1) return { target: parts[0], protocol, hostIp, long: false };
  if (parts.length === 2) return { published: parts[0] || undefined, target: parts[1], protocol, hostIp, long: false };
  if (parts.length === 3 && hostIp === undefined) return { hostIp: parts[0], published: parts[1] || undefined, target: parts[2], protocol, long: false };
  return undefined;
}

/** Published on every interface of the host: no host IP, or the wildcard address. */
export function isOnAllInterfaces(port: PortMapping): boolean {
  return port.hostIp === undefined || port.hostIp === '' || port.hostIp === '0.0.0.0' || port.hostIp === '::';
}

/** Container ports of a mapping (a range `8000-8002` gives three). */
export function targetPorts(port: PortMapping): number[] {
  const [from, to] = port.target.split('-').map(Number);
  if (!Number.isInteger(from)) return [];
  const end = Number.isInteger(to) ? to : from;
  const out: number[] = [];
  for (let p = from; p <= end && out.length < 1000; p++) out.push(p);
  return out;
}

/** The short-syntax text of a mapping bound to `ip`. */
export function bindShortSyntax(port: PortMapping, ip: string): string {
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return `${host}:${port.published ?? ''}:${port.target}${port.protocol ? `/${port.protocol}` : ''}`;
}

export function isLongSyntaxNode(node: Node | undefined): boolean {
  return isMap(node);
}

export function isScalarNode(node: Node | undefined): boolean {
  return isScalar(node);
}
