import type { Instruction, Property } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { Fix } from '../../finding';
import type { DockerfileModel } from '../model';
import { keywordOf } from '../model';
import { selfChange } from '../edits';

/**
 * `ENV key value` / `LABEL key value` is the legacy form: one pair per instruction, and the
 * value is everything after the first space, which reads ambiguously. `key=value` is the form.
 */
export const legacyKeyValueFormat: DockerfileRule = {
  meta: {
    id: 'legacy-key-value-format',
    kind: 'dockerfile',
    title: 'Use ENV/LABEL key=value, not the legacy "key value" form',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['LegacyKeyValueFormat'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['ARG', 'ENV', 'LABEL'],
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      const keyword = keywordOf(instruction);
      if (keyword !== 'ENV' && keyword !== 'LABEL' && keyword !== 'ARG') continue;
      const properties = (instruction as unknown as { getProperties(): Property[] }).getProperties();
      if (properties.length !== 1) continue;
      const [property] = properties;
      if (property.getAssignmentOperator() !== null || property.getValueRange() === null) continue;
      const name = property.getName();
      if (keyword === 'ARG') {
        // `ARG a b` declares two ARGs in BuildKit; it only reads like a legacy pair.
        if (instruction.getArguments().length !== 2) continue;
        const value = property.getValue() ?? '';
        report({
          range: instruction.getArgumentsRange() ?? instruction.getRange(),
          message: `\`ARG ${name} ${value}\` declares two ARGs without defaults, though it reads like the legacy "key value" form. Write \`ARG ${name}=${value}\` for a default, or one name per ARG.`,
          fixes: [{ title: `Write ARG ${name}=${value}`, changes: [selfChange(model, [separatorEdit(property, '=')])] }],
        });
        continue;
      }
      report({
        range: property.getNameRange(),
        message: `\`${keyword} ${name} …\` is the legacy "key value" form. Write \`${keyword} ${name}=…\` instead.`,
        fixes: legacyFix(model, instruction, property),
      });
    }
  },
};

/** A line continuation with the file's escape character (`\` unless `# escape=` says otherwise). */
const BACKSLASH_CONTINUATION = /\\[ \t]*\r?\n/g;
const BACKTICK_CONTINUATION = /`[ \t]*\r?\n/g;

function separatorEdit(property: Property, newText: string) {
  return { range: { start: property.getNameRange().end, end: property.getValueRange()!.start }, newText };
}

function legacyFix(model: DockerfileModel, instruction: Instruction, property: Property): Fix[] {
  const valueRange = property.getValueRange()!;
  const raw = model.text.slice(model.lines.offsetAt(valueRange.start), model.lines.offsetAt(valueRange.end));
  const continuation = model.escapeChar === '\\' ? BACKSLASH_CONTINUATION : BACKTICK_CONTINUATION;
  const joined = raw.split(continuation).join(' ');
  const title = `Write ${instruction.getKeyword()} ${property.getName()}=…`;
  // One word (quoted or not): only the separator changes.
  if (!/\s/.test(joined.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, ''))) {
    return [{ title, isPreferred: true, changes: [selfChange(model, [separatorEdit(property, '=')])] }];
  }
  // Several words with nothing the quotes would change: wrap them, continuations kept.
  if (/["'\\`]/.test(raw.replace(continuation, ''))) return [];
  return [{
    title,
    isPreferred: true,
    changes: [selfChange(model, [
      separatorEdit(property, '="'),
      { range: { start: valueRange.end, end: valueRange.end }, newText: '"' },
    ])],
  }];
}
