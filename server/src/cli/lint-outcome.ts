import * as path from 'path';
import { lint } from '../engine/engine';
import type { LintConfig } from '../engine/config';
import type { FileKind, Finding } from '../engine/finding';
import type { Workspace } from '../engine/workspace';
import type { ReadResult } from './files';

/** A file to lint, as a worker thread can receive it. */
export interface LintTarget {
  path: string;
  kind: FileKind | undefined;
  onDisk: boolean;
}

/**
 * What linting one file gave, as plain data (it crosses thread boundaries): the reason it could
 * not be read, or its findings and the rules that threw on it.
 */
export type LintOutcome =
  | { readError: string }
  | { kind: FileKind | undefined; findings: Finding[]; failures: { rule: string; message: string }[] };

export function lintOutcome(target: LintTarget, read: ReadResult, workspace: Workspace, config: LintConfig): LintOutcome {
  if ('error' in read) return { readError: read.error };
  const result = lint({ path: path.resolve(target.path), text: read.text, kind: target.kind, onDisk: target.onDisk }, workspace, config);
  return {
    kind: result.kind,
    findings: result.findings,
    failures: result.failures.map((f) => ({ rule: f.rule, message: String((f.error as Error)?.message ?? f.error) })),
  };
}
