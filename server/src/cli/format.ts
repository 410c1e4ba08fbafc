import * as path from 'path';
import type { FileKind, Finding, Severity } from '../engine/finding';

export interface FileReport {
  path: string;
  kind: FileKind | undefined;
  findings: Finding[];
}

/** `--format json`: the contract in the architecture notes, one JSON document. */
export function formatJson(reports: FileReport[]): string {
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
        fixable: f.fixes.some((x) => x.isPreferred),
      })),
    })),
  });
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

const COLOURS = { red: 31, yellow: 33, blue: 34, grey: 90, bold: 1, underline: 4, green: 32 } as const;

export function painter(enabled: boolean) {
  return (colour: keyof typeof COLOURS, text: string) => (enabled ? `\u001b[${COLOURS[colour]}m${text}\u001b[0m` : text);
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const TONE: Record<Severity, keyof typeof COLOURS> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'grey' };

/** `--format stylish`: grouped by file, 1-based `line:col  severity  message  rule`, then a summary. */
export function formatStylish(reports: FileReport[], colour: boolean): string {
  const paint = painter(colour);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint('underline', displayPath(report.path)));
    const positions = report.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
    const width = Math.max(...positions.map((p) => p.length));
    report.findings.forEach((f, i) => {
      counts[f.severity]++;
      if (f.fixes.some((x) => x.isPreferred)) fixable++;
      const label = LABEL[f.severity].padEnd(7);
      out.push(`  ${paint('grey', positions[i].padEnd(width))}  ${paint(TONE[f.severity], label)}  ${f.message}  ${paint('grey', f.rule)}`);
    });
    out.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) {
    out.push(paint('green', `✔ No problems in ${reports.length} file${reports.length === 1 ? '' : 's'}`));
  } else {
    const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
    if (counts.information) parts.push(`${counts.information} info`);
    if (counts.hint) parts.push(`${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
    const tone = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue';
    out.push(paint('bold', paint(tone, `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${reports.length} file${reports.length === 1 ? '' : 's'}`)));
    if (fixable > 0) out.push(paint('grey', `  ${fixable} ${fixable === 1 ? 'has' : 'have'} a quick-fix (lightbulb in VS Code)`));
  }
  return out.join('\n');
}
