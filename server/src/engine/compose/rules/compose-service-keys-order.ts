import { type Node } from 'yaml';
import { KEY_GROUPS, keyName, keyRank, reorderRule } from './support';
import { services } from '../services';

export const composeServiceKeysOrder = reorderRule('compose-service-keys-order', 'Service keys in a consistent order', 'service-keys-order', 'hint', ({ model }) =>
  services(model).flatMap((s) => (s.map && !s.map.flow ? [{ node: s.map, keys: s.map.items.map((p) => keyName(p.key)), at: s.key as Node, what: `Keys of service \`${s.name}\`` }] : [])),
(a, b) => keyRank(a) - keyRank(b) || (keyRank(a) === KEY_GROUPS.length ? a.localeCompare(b) : 0));
