import { isSeq, type Node } from 'yaml';
import { portSortKey, reorderRule } from './support';
import { nodeAt } from '../model';
import { services } from '../services';

export const composePortsOrder = reorderRule('compose-ports-order', '`ports` in order', 'service-ports-alphabetical-order', 'hint', ({ model }) =>
  services(model).flatMap((s) => {
    const hit = nodeAt(model, ['services', s.name, 'ports']);
    if (hit.depth !== 3 || !hit.pair || !isSeq(hit.node)) return [];
    const keys = hit.node.items.map(portSortKey);
    return [{ node: hit.node, keys, at: hit.pair.key as Node, what: `Ports of \`${s.name}\`` }];
  }), new Intl.Collator('en', { numeric: true }).compare);
