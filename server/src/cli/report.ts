import * as path from 'path';
import type { FileKind, Finding, Severity } from '../engine/finding';

/** One linted file and what was found in it: the input of every output format. */
export interface FileReport {
  path: string;
  kind: FileKind | undefined;
  findings: Finding[];
}

/** Paths as the user sees them: relative to the current folder with '/', absolute when outside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

export function countBySeverity(reports: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}

export function hasPreferredFix(finding: Finding): boolean {
  return finding.fixes.some((fix) => fix.isPreferred);
}
