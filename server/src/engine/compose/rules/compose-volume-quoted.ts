import { isScalar, isSeq, Scalar } from 'yaml';
import type { ComposeRule } from '../../rule';
import { meta, edit } from './support';
import { nodeAt } from '../model';
import { rangeOf, services } from '../services';

export const composeVolumeQuoted: ComposeRule = {
  meta: meta('compose-volume-quoted', 'Short-syntax volumes need no quotes', 'no-quotes-in-volumes', 'hint', false, true),
  check(context) {
    const { model, report } = context;
    for (const service of services(model)) {
      const hit = nodeAt(model, ['services', service.name, 'volumes']);
      if (hit.depth !== 3 || !isSeq(hit.node)) continue;
      for (const item of hit.node.items) {
        if (!isScalar(item) || typeof item.value !== 'string' || (item.type !== Scalar.QUOTE_DOUBLE && item.type !== Scalar.QUOTE_SINGLE)) continue;
        if (/[\s#:{}[\],&*!|>'"%@`]/.test(item.value.replace(/:/g, ''))) continue; // quotes needed for YAML
        const range = rangeOf(model, item);
        report({ range, message: `Volume \`${item.value}\` does not need quotes.`, fixes: [edit(context, { range, newText: item.value }, 'Remove the quotes')] });
      }
    }
  },
};
