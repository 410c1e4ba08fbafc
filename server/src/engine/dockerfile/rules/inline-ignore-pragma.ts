import type { DockerfileRule } from '../../rule';

const INLINE_IGNORE = /^#\s*(hadolint\s+ignore\s*=|dockhand-ignore\s*[=:]?)/i;
/** Anywhere in the file: most files have none, and need no line-by-line look. */
const ANY_INLINE_IGNORE = /#\s*(?:hadolint\s+ignore\s*=|dockhand-ignore)/i;

/**
 * A `# hadolint ignore=` comment above an instruction hides a finding where nobody reviews it.
 * Teams that want every exception in the shared config (.hadolint.yaml, .dockhand.yaml) turn this on.
 */
export const inlineIgnorePragma: DockerfileRule = {
  meta: {
    id: 'inline-ignore-pragma',
    kind: 'dockerfile',
    title: 'Inline ignore comments hide findings from review',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL1001'],
    fixable: false,
  },
  check({ model, report }) {
    if (!ANY_INLINE_IGNORE.test(model.text)) return;
    // Heredoc bodies are data for another program, not comments (and top-of-file lines may be read as directives by the parser).
    const heredocLines = model.ast.getInstructions()
      .filter((i) => (i as unknown as { getHeredocs?(): unknown[] }).getHeredocs?.().length)
      .map((i) => [i.getRange().start.line + 1, i.getRange().end.line]);
    for (let line = 0; line < model.lines.lineCount; line++) {
      const text = model.lines.lineText(line);
      const indent = text.length - text.trimStart().length;
      if (!INLINE_IGNORE.test(text.trimStart()) || heredocLines.some(([a, b]) => line >= a && line <= b)) continue;
      report({
        range: { start: { line, character: indent }, end: { line, character: text.trimEnd().length } },
        message: 'This comment silences a rule for the next instruction. Fix the finding, or record the exception in .dockhand.yaml (or .hadolint.yaml) where the team reviews it.',
      });
    }
  },
};
