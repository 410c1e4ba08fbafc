import type { DockerfileRule } from '../../rule';
import type { Range } from '../../finding';
import type { DockerfileModel } from '../model';
import { placedInstructions } from '../operands';
import { replaceInstruction, selfChange } from '../edits';

interface EnvPair {
  name: string;
  /** `NAME=value` as written. */
  text: string;
  valueText: string;
  valueRange?: Range;
}

interface EnvProperty {
  getName(): string;
  getNameRange(): Range;
  getValueRange(): Range | null;
}

/** `$NAME` and `${NAME…}` the value refers to; single quotes and `\$` keep a dollar literal. */
export function referencedNames(value: string): string[] {
  const names: string[] = [];
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && quote !== "'") { i++; continue; }
    if (c === "'" && quote !== '"') { quote = quote === "'" ? '' : "'"; continue; }
    if (c === '"' && quote !== "'") { quote = quote === '"' ? '' : '"'; continue; }
    if (c !== '$' || quote === "'") continue;
    const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/.exec(value.slice(i));
    if (match) names.push(match[1] ?? match[2]);
  }
  return names;
}

function pairsOf(model: DockerfileModel, properties: EnvProperty[]): EnvPair[] {
  const slice = (r: Range) => model.text.slice(model.lines.offsetAt(r.start), model.lines.offsetAt(r.end));
  return properties.map((p) => {
    const valueRange = p.getValueRange() ?? undefined;
    const end = valueRange?.end ?? p.getNameRange().end;
    return { name: p.getName(), text: slice({ start: p.getNameRange().start, end }), valueText: valueRange ? slice(valueRange) : '', valueRange };
  });
}

/**
 * `ENV A=1 B=$A/x` sets B from the A of *before* this instruction (often empty): Docker expands
 * every value of one ENV before it sets any of them.
 */
export const envSelfReference: DockerfileRule = {
  meta: {
    id: 'env-self-reference',
    kind: 'dockerfile',
    title: 'ENV values cannot use a variable set in the same ENV',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3044'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['ENV'],
  check({ model, report }) {
    for (const { instruction, keyword } of placedInstructions(model)) {
      if (keyword !== 'ENV') continue;
      const range = instruction.getRange();
      // Most ENVs refer to nothing: skip them before building the pairs.
      if (!model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end)).includes('$')) continue;
      const properties = (instruction as unknown as { getProperties(): EnvProperty[] }).getProperties();
      if (properties.length < 2) continue;
      const pairs = pairsOf(model, properties);
      const groups: EnvPair[][] = [[]];
      const problems: { pair: EnvPair; name: string }[] = [];
      const seen = new Set<string>();
      for (const pair of pairs) {
        const group = groups[groups.length - 1];
        const used = referencedNames(pair.valueText).find((n) => seen.has(n));
        if (used) problems.push({ pair, name: used });
        if (used && group.some((p) => referencedNames(pair.valueText).includes(p.name))) groups.push([pair]);
        else group.push(pair);
        seen.add(pair.name);
      }
      if (problems.length === 0) continue;
      const word = instruction.getKeyword();
      const rewritten = groups.map((g) => `${word} ${g.map((p) => p.text).join(' ')}`).join(model.lines.eol);
      const fix = { title: `Split into ${groups.length} ENV instructions`, isPreferred: true, changes: [selfChange(model, [replaceInstruction(instruction, rewritten)])] };
      for (const [index, { pair, name }] of problems.entries()) {
        report({
          range: pair.valueRange ?? instruction.getRange(),
          message: `\`${pair.name}\` uses \`$${name}\`, which this same ENV sets: Docker expands the values before setting any, so it gets the old value of ${name}. Set ${name} in an ENV of its own above.`,
          fixes: index === 0 ? [fix] : [],
        });
      }
    }
  },
};
