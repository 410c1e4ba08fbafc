import { fileURLToPath, pathToFileURL } from 'url';
import * as path from 'path';
import {
  CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, TextEdit as LspTextEdit,
  type WorkspaceEdit, type TextDocumentEdit, type CreateFile,
} from 'vscode-languageserver/node';
import type { Finding, Fix, Severity, TextEdit } from '../engine/finding';

export const SOURCE = 'dockhand';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockhand`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: finding.docs },
    message: finding.equivalents.length > 0 ? `${finding.message} (${finding.equivalents.join(', ')})` : finding.message,
    data: { rule: finding.rule, fixable: finding.fixes.some((f) => f.isPreferred) },
  };
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
}

export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
}

/** A fix as a WorkspaceEdit, or undefined when the client cannot apply it (file creation unsupported). */
export function toWorkspaceEdit(
  fix: Fix,
  capabilities: EditCapabilities,
  openVersion: (uri: string) => number | null,
  uriOf: (file: string) => string,
): WorkspaceEdit | undefined {
  if (!capabilities.documentChanges || !capabilities.createFiles) {
    if (fix.changes.some((c) => c.kind === 'create')) return undefined;
    const changes: Record<string, LspTextEdit[]> = {};
    for (const change of fix.changes) if (change.kind === 'edit') (changes[uriOf(change.path)] ??= []).push(...change.edits.map(toLspEdit));
    return { changes };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const change of fix.changes) {
    const uri = uriOf(change.path);
    if (change.kind === 'create') {
      documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } });
      if (change.content.length > 0) {
        documentChanges.push({ textDocument: { uri, version: null }, edits: [LspTextEdit.insert({ line: 0, character: 0 }, change.content)] });
      }
    } else {
      documentChanges.push({ textDocument: { uri, version: openVersion(uri) }, edits: change.edits.map(toLspEdit) });
    }
  }
  return { documentChanges };
}

function toLspEdit(edit: TextEdit): LspTextEdit {
  return { range: edit.range, newText: edit.newText };
}

export function toCodeAction(fix: Fix, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
  return { title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred === true, diagnostics: [diagnostic], edit };
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(before: string, after: string, positionAt: (offset: number) => { line: number; character: number }): LspTextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { range: { start: positionAt(start), end: positionAt(endBefore) }, newText: after.slice(start, endAfter) };
}
