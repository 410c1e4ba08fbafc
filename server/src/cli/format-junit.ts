import type { FileReport } from './report';
import { displayPath } from './report';
import { escapeXml } from './xml';

/**
 * `--format junit`: one test suite per file, one failing test case per finding (a file without
 * findings passes one test case), so CI test tabs list problems next to the tests.
 */
export function formatJunit(reports: readonly FileReport[]): string {
  const total = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = reports.reduce((n, r) => n + r.findings.length, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="dockhand" tests="${total}" failures="${failures}" errors="0">`];
  for (const report of reports) {
    const file = escapeXml(displayPath(report.path));
    out.push(`  <testsuite name="${file}" tests="${Math.max(1, report.findings.length)}" failures="${report.findings.length}" errors="0">`);
    if (report.findings.length === 0) out.push(`    <testcase name="dockhand" classname="${file}"/>`);
    for (const f of report.findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out.push(`    <testcase name="${escapeXml(`${f.rule} at ${where}`)}" classname="${file}">`);
      out.push(`      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeXml(`${f.severity} ${f.rule} at ${displayPath(report.path)}:${where}: ${f.message}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}
