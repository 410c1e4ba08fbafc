import { isMap, isScalar } from 'yaml';
import type { ComposeRule } from '../../rule';
import { pairLinesRange, rangeOf } from '../services';

/** Compose v2 ignores `version:` and warns that it is obsolete; it only misleads readers. */
export const composeVersionObsolete: ComposeRule = {
  meta: {
    id: 'compose-version-obsolete',
    kind: 'compose',
    title: 'The top-level `version` field is obsolete',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['no-version-field'],
    fixable: true,
  },
  check({ model, report }) {
    const root = model.document.contents;
    if (!isMap(root)) return;
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'version');
    if (!pair) return;
    const lines = pairLinesRange(model, pair);
    // Take a blank line that follows along, so the file does not start with an empty line.
    if (lines.end.line < model.lines.lineCount - 1 && model.lines.lineText(lines.end.line).trim() === '' && lines.start.line === 0) {
      lines.end = { line: lines.end.line + 1, character: 0 };
    }
    report({
      range: rangeOf(model, pair),
      message: 'The top-level `version` field is obsolete: Docker Compose ignores it and warns on every run. Remove it.',
      fixes: [{ title: 'Remove the `version` field', isPreferred: true, changes: [{ kind: 'edit', path: model.path, edits: [{ range: lines, newText: '' }] }] }],
    });
  },
};
