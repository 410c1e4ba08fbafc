import { isMap, type Node } from 'yaml';
import { reorderRule, keyName, topRank } from './support';

export const composeTopLevelOrder = reorderRule('compose-top-level-order', 'Top-level keys in a consistent order', 'top-level-properties-order', 'hint', ({ model }) => {
  const root = model.document.contents;
  if (!isMap(root) || root.items.length === 0) return [];
  return [{ node: root, keys: root.items.map((p) => keyName(p.key)), at: root.items[0].key as Node, what: 'Top-level keys' }];
}, (a, b) => topRank(a) - topRank(b) || (a.startsWith('x-') && b.startsWith('x-') ? a.localeCompare(b) : 0));
