import { isMap, type Node } from 'yaml';
import { reorderRule, keyName } from './support';
import { nodeAt } from '../model';

export const composeServicesOrder = reorderRule('compose-services-order', 'Services in alphabetical order', 'services-alphabetical-order', 'hint', ({ model }) => {
  const hit = nodeAt(model, ['services']);
  return hit.depth === 1 && isMap(hit.node) && hit.pair ? [{ node: hit.node, keys: hit.node.items.map((p) => keyName(p.key)), at: hit.pair.key as Node, what: 'Services' }] : [];
});
