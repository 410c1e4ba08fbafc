import { isScalar, isSeq, Scalar } from 'yaml';
import type { ComposeRule } from '../../rule';
import { meta, edit } from './support';
import { nodeAt } from '../model';
import { rangeOf, services } from '../services';

export const composePortsQuotes: ComposeRule = {
  meta: meta('compose-ports-quotes', 'Quote every `ports` and `expose` entry', 'require-quotes-in-ports', 'hint', false, true),
  check(context) {
    const { model, report } = context;
    for (const service of services(model)) {
      for (const section of ['ports', 'expose']) {
        const hit = nodeAt(model, ['services', service.name, section]);
        if (hit.depth !== 3 || !isSeq(hit.node)) continue;
        for (const item of hit.node.items) {
          if (!isScalar(item) || item.type === Scalar.QUOTE_DOUBLE || item.type === Scalar.QUOTE_SINGLE) continue;
          const range = rangeOf(model, item);
          const text = model.text.slice(item.range![0], item.range![1]);
          report({ range, message: `\`${section}\` entry ${text} is not quoted; quote it so every YAML reader sees a string.`, fixes: [edit(context, { range, newText: `"${text}"` }, 'Quote it')] });
        }
      }
    }
  },
};
