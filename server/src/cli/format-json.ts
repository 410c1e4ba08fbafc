import type { FileReport } from './report';
import { displayPath, hasPreferredFix } from './report';

/** `--format json`: the contract in the architecture notes, one JSON document. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify({
    version: 1,
    files: reports.map((r) => ({
      path: displayPath(r.path),
      kind: r.kind ?? null,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: f.range,
        equivalents: [...f.equivalents],
        fixable: hasPreferredFix(f),
      })),
    })),
  });
}
