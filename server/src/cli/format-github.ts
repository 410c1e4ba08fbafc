import type { Severity } from '../engine/finding';
import type { FileReport } from './report';
import { displayPath } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Message data of a workflow command: `%`, CR and LF escaped (GitHub's toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,` (the toolkit's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `--format github`: one workflow command per finding, which GitHub Actions shows as an
 * annotation on the line of the pull request:
 * `::warning file=Dockerfile,line=3,col=1,endLine=3,endColumn=9,title=no-root-user::message`.
 */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = displayPath(report.path);
    for (const f of report.findings) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(`dockhand ${f.rule}`)}`,
      ];
      lines.push(`::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(`${f.message} (${f.rule}: ${f.docs})`)}`);
    }
  }
  return lines.join('\n');
}
