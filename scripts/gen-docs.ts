/**
 * Writes the README's rule table from the rule metadata (between the rules:start/end markers).
 * `node out/scripts/gen-docs.js --check` exits 1 when the README is out of date instead.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRuleMetas } from '../server/src/engine/engine';
import { docsPath } from '../server/src/engine/finding';

const ROOT = path.resolve(__dirname, '..', '..');
const README = path.join(ROOT, 'README.md');
export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

export function ruleTable(): string {
  const rows = allRuleMetas.map((m) => {
    const severity = m.enabledByDefault ? m.severity : `${m.severity} (off by default)`;
    const equivalents = m.equivalents.length > 0 ? m.equivalents.join(', ') : '—';
    return `| [\`${m.id}\`](${docsPath(m.id)}) | ${m.kind} | ${m.title} | ${severity} | ${m.fixable ? 'yes' : '—'} | ${equivalents} |`;
  });
  return ['| Rule | Kind | What | Default | Quick-fix | Peer equivalents |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function withTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} and ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${ruleTable()}\n${readme.slice(end)}`;
}

function main(): void {
  const current = fs.readFileSync(README, 'utf8');
  const next = withTable(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md rule table is out of date: run `npm run docs`');
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(README, next);
  console.log(`README.md: ${allRuleMetas.length} rules`);
}

if (require.main === module) main();
