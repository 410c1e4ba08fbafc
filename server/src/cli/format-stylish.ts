import type { Severity } from '../engine/finding';
import type { FileReport } from './report';
import { countBySeverity, displayPath, hasPreferredFix } from './report';

const COLOURS = { red: 31, yellow: 33, blue: 34, grey: 90, bold: 1, underline: 4, green: 32 } as const;

export function painter(enabled: boolean) {
  return (colour: keyof typeof COLOURS, text: string) => (enabled ? `\u001b[${COLOURS[colour]}m${text}\u001b[0m` : text);
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const TONE: Record<Severity, keyof typeof COLOURS> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'grey' };

/** `--format stylish`: grouped by file, 1-based `line:col  severity  message  rule`, then a summary. */
export function formatStylish(reports: readonly FileReport[], colour: boolean): string {
  const paint = painter(colour);
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint('underline', displayPath(report.path)));
    const positions = report.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
    const width = Math.max(...positions.map((p) => p.length));
    report.findings.forEach((f, i) => {
      const label = LABEL[f.severity].padEnd(7);
      out.push(`  ${paint('grey', positions[i].padEnd(width))}  ${paint(TONE[f.severity], label)}  ${f.message}  ${paint('grey', f.rule)}`);
    });
    out.push('');
  }
  const counts = countBySeverity(reports);
  const fixable = reports.reduce((n, r) => n + r.findings.filter(hasPreferredFix).length, 0);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  if (total === 0) {
    out.push(paint('green', `✔ No problems in ${files}`));
  } else {
    const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
    if (counts.information) parts.push(`${counts.information} info`);
    if (counts.hint) parts.push(`${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
    const tone = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue';
    out.push(paint('bold', paint(tone, `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files}`)));
    if (fixable > 0) out.push(paint('grey', `  ${fixable} ${fixable === 1 ? 'is' : 'are'} fixable with --fix (or the lightbulb in VS Code)`));
  }
  return out.join('\n');
}
