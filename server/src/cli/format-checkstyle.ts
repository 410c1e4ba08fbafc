import type { Severity } from '../engine/finding';
import type { FileReport } from './report';
import { displayPath } from './report';
import { escapeXml } from './xml';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'info' };

/** `--format checkstyle`: the Checkstyle XML report that Jenkins, GitLab and reviewdog read; 1-based positions. */
export function formatCheckstyle(reports: readonly FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const report of reports) {
    out.push(`  <file name="${escapeXml(displayPath(report.path))}">`);
    for (const f of report.findings) {
      out.push(
        `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${LEVEL[f.severity]}" message="${escapeXml(f.message)}" source="dockhand.${escapeXml(f.rule)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n');
}
