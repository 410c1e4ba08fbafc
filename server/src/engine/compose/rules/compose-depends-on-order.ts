import { isMap, isSeq, type Node } from 'yaml';
import { reorderRule, keyName } from './support';
import { nodeAt } from '../model';
import { services } from '../services';

export const composeDependsOnOrder = reorderRule('compose-depends-on-order', '`depends_on` in alphabetical order', 'service-dependencies-alphabetical-order', 'hint', ({ model }) =>
  services(model).flatMap((s) => {
    const hit = nodeAt(model, ['services', s.name, 'depends_on']);
    if (hit.depth !== 3 || !hit.pair) return [];
    if (isSeq(hit.node)) return [{ node: hit.node, keys: hit.node.items.map((i) => keyName(i)), at: hit.pair.key as Node, what: `Dependencies of \`${s.name}\`` }];
    if (isMap(hit.node)) return [{ node: hit.node, keys: hit.node.items.map((p) => keyName(p.key)), at: hit.pair.key as Node, what: `Dependencies of \`${s.name}\`` }];
    return [];
  }));
