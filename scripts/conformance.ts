/**
 * Runs the peers' own test cases (../shared/cases: hadolint, BuildKit checks, dclint) through the
 * engine with every rule on, and prints agreement per peer rule. A `catch` case needs a finding
 * whose equivalents include the case's rule; a `pass` case needs none.
 * Exits 1 when a peer's agreement falls below its floor (--min-hadolint etc., in percent).
 * Usage: node out/scripts/conformance.js [--json] [--min-hadolint N] [--min-buildkit N] [--min-dclint N] [--show-failures]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { initEngine, lint } from '../server/src/engine/engine';
import { MemoryWorkspace } from '../server/src/engine/workspace';

const SHARED = process.env.DOCKHAND_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');
const CASES = path.join(SHARED, 'cases');

interface Case {
  id: string;
  source: 'hadolint' | 'buildkit' | 'dclint';
  rule: string;
  expect: 'catch' | 'pass';
  dockerfile?: string;
  compose?: string;
  dockerignore?: string;
  name?: string;
}

export interface RuleAgreement {
  source: string;
  rule: string;
  cases: number;
  agreed: number;
  failures: string[];
}

export function runCases(cases: Case[]): RuleAgreement[] {
  const byRule = new Map<string, RuleAgreement>();
  for (const c of cases) {
    const key = `${c.source}:${c.rule}`;
    const entry = byRule.get(key) ?? { source: c.source, rule: c.rule, cases: 0, agreed: 0, failures: [] };
    byRule.set(key, entry);
    entry.cases++;
    const isCompose = c.compose !== undefined;
    const file = isCompose ? '/case/compose.yaml' : '/case/Dockerfile';
    const files: Record<string, string> = {};
    if (c.dockerignore !== undefined) files['/case/.dockerignore'] = c.dockerignore;
    const text = (isCompose ? c.compose : c.dockerfile) ?? '';
    const result = lint({ path: file, text, kind: isCompose ? 'compose' : 'dockerfile', onDisk: c.dockerignore !== undefined },
      new MemoryWorkspace({ ...files, [file]: text }, ['/case']), { enableAll: true });
    const wanted = c.rule.toLowerCase();
    const hits = c.rule === '*'
      ? result.findings.filter((f) => f.rule !== 'parse-error')
      : result.findings.filter((f) => f.equivalents.some((e) => e.toLowerCase() === wanted));
    const ok = c.expect === 'catch' ? hits.length > 0 : hits.length === 0;
    if (ok) entry.agreed++;
    else entry.failures.push(`${c.id} (${c.expect}) ${c.name ?? ''}`.trim());
  }
  return [...byRule.values()].sort((a, b) => a.source.localeCompare(b.source) || a.rule.localeCompare(b.rule));
}

function readCases(file: string): Case[] {
  const full = path.join(CASES, file);
  if (!fs.existsSync(full)) return [];
  return fs.readFileSync(full, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      'show-failures': { type: 'boolean', default: false },
      'min-hadolint': { type: 'string', default: '0' },
      'min-buildkit': { type: 'string', default: '0' },
      'min-dclint': { type: 'string', default: '0' },
    },
  });
  if (!fs.existsSync(CASES)) {
    console.log(`conformance: skipped, no peer cases at ${CASES} (they live in ../shared beside the repository)`);
    return;
  }
  await initEngine();
  const sources = { hadolint: 'hadolint-cases.jsonl', buildkit: 'buildkit-cases.jsonl', dclint: 'dclint-cases.jsonl' } as const;
  let failed = false;
  const summary: Record<string, { cases: number; agreed: number; percent: number }> = {};
  const all: RuleAgreement[] = [];
  for (const [source, file] of Object.entries(sources)) {
    const results = runCases(readCases(file));
    all.push(...results);
    const cases = results.reduce((n, r) => n + r.cases, 0);
    const agreed = results.reduce((n, r) => n + r.agreed, 0);
    const percent = cases === 0 ? 100 : (100 * agreed) / cases;
    summary[source] = { cases, agreed, percent: Math.round(percent * 10) / 10 };
    const floor = Number(values[`min-${source}` as 'min-hadolint']);
    if (percent < floor) failed = true;
  }
  if (values.json) console.log(JSON.stringify({ summary, rules: all.map(({ failures, ...r }) => ({ ...r, failed: failures.length })) }));
  else {
    for (const r of all) {
      const pct = ((100 * r.agreed) / r.cases).toFixed(0).padStart(3);
      console.log(`${r.source.padEnd(9)} ${r.rule.padEnd(40)} ${String(r.agreed).padStart(3)}/${String(r.cases).padEnd(3)} ${pct}%`);
      if (values['show-failures']) for (const f of r.failures) console.log(`            ✗ ${f}`);
    }
    for (const [source, s] of Object.entries(summary)) console.log(`${source}: ${s.agreed}/${s.cases} cases agree (${s.percent}%)`);
  }
  if (failed) {
    console.error('conformance: agreement fell below the floor; see the table above');
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
