/**
 * Prints what Dockhand finds across the shared corpus: findings per rule, fix outcomes, and a
 * seeded random sample of findings per rule with their lines, for review by eye.
 * Usage: node out/scripts/corpus-report.js [--sample N] [--rule id] [--seed S] [--fixes]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { initEngine } from '../server/src/engine/engine';
import { corpusAvailable, corpusFiles, corpusWorkspace, runCorpus, CORPUS } from '../test/corpus/corpus';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sample: { type: 'string', default: '0' },
      rule: { type: 'string' },
      seed: { type: 'string', default: '1' },
      fixes: { type: 'boolean', default: false },
      kind: { type: 'string', default: 'dockerfile' },
    },
  });
  if (!corpusAvailable()) {
    console.error(`dockhand: no corpus at ${CORPUS} (it lives in ../shared beside the repository)`);
    process.exit(2);
  }
  await initEngine();
  const kind = values.kind === 'compose' ? 'compose' : 'dockerfile';
  const folder = kind === 'compose' ? 'compose' : 'dockerfiles';
  const layout = corpusWorkspace();
  const report = runCorpus(corpusFiles(folder), { fixes: values.fixes, kind, layout });
  console.log(`files ${report.files}, findings ${report.findings.length}, rule failures ${report.failures.length}, out of range ${report.outOfRange.length}, ${report.millis} ms`);
  for (const [rule, count] of [...report.byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(28)} ${count}`);
  if (values.fixes) {
    const failed = report.fixes.filter((f) => f.problem);
    console.log(`fixes applied ${report.fixes.length}, failed ${failed.length}`);
    for (const f of failed.slice(0, 30)) console.log(`  ${path.basename(f.file)} ${f.finding.rule}:${f.finding.range.start.line + 1} ${f.title} → ${f.problem}`);
  }
  const sample = Number(values.sample);
  if (sample > 0) {
    const random = seeded(Number(values.seed));
    const files = corpusFiles(folder);
    const rules = values.rule ? [values.rule] : [...report.byRule.keys()];
    for (const rule of rules) {
      const all = files.flatMap((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return runCorpus([file], { kind, layout }).findings.filter((f) => f.rule === rule).map((f) => ({ file, text, f }));
      });
      const picked = [...all].sort(() => random() - 0.5).slice(0, sample);
      console.log(`\n=== ${rule}: ${picked.length} of ${all.length}`);
      for (const { file, text, f } of picked) {
        const lines = text.split(/\r?\n/);
        console.log(`--- ${path.basename(file)}:${f.range.start.line + 1} ${f.severity}: ${f.message}`);
        for (let i = Math.max(0, f.range.start.line - 1); i <= Math.min(lines.length - 1, f.range.end.line + 1); i++) console.log(`    ${i + 1}| ${lines[i]}`);
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
