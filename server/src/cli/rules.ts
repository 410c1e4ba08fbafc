import { parseArgs } from 'util';
import { allRuleMetas } from '../engine/engine';
import { docsPath } from '../engine/finding';
import { fail } from './usage';

/** `dockhand rules [--format table|json]`: every rule with its defaults, fixability and peer codes. */
export function rulesCommand(args: string[]): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'table' } } });
  const rules = allRuleMetas.map((m) => ({
    id: m.id,
    kind: m.kind,
    severity: m.severity,
    enabledByDefault: m.enabledByDefault,
    fixable: m.fixable,
    equivalents: [...m.equivalents],
    docs: docsPath(m.id),
  }));
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(rules) + '\n');
    return 0;
  }
  if (values.format !== 'table') fail(`unknown format '${values.format}': use table or json`);
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) {
    const flags = `${r.kind.padEnd(10)} ${r.severity.padEnd(11)} ${r.enabledByDefault ? 'on ' : 'off'} ${r.fixable ? 'fix' : '   '}`;
    process.stdout.write(`${r.id.padEnd(width)}  ${flags}  ${r.equivalents.join(', ')}\n`);
  }
  return 0;
}
