import * as path from 'path';
import { fork } from 'child_process';
import * as vscode from 'vscode';

/**
 * `Dockhand: Lint workspace`: every Dockerfile and Compose file under the workspace folders,
 * opened or not, into the Problems panel. It runs the bundled CLI (the same engine, the same
 * folder walk that skips node_modules and git-ignored files) with the editor's rule settings, so
 * the language server keeps serving open documents undisturbed. Open documents are left to the
 * server (it has their unsaved text); a file's entry here is dropped when it is opened.
 */

interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface JsonReport {
  files: { path: string; findings: JsonFinding[] }[];
}

const SEVERITY: Record<JsonFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const DOCS = 'https://github.com/dockhand-dev/dockhand/blob/main/docs/rules/';

export function registerLintWorkspace(context: vscode.ExtensionContext): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('dockhand-workspace');
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument((document) => collection.delete(document.uri)),
    vscode.commands.registerCommand('dockhand.lintWorkspace', () => lintWorkspace(context.asAbsolutePath(path.join('dist', 'cli.js')), collection)),
  ];
}

async function lintWorkspace(cli: string, collection: vscode.DiagnosticCollection): Promise<void> {
  const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Dockhand: open a folder to lint its Dockerfiles and Compose files.');
    return;
  }
  const rules = vscode.workspace.getConfiguration('dockhand').get<Record<string, string>>('rules', {});
  const ruleArgs = Object.entries(rules).flatMap(([id, level]) => ['--rule', `${id}=${level}`]);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Dockhand: linting the workspace', cancellable: true },
    async (progress, token) => {
      const found = new Map<string, vscode.Diagnostic[]>();
      let files = 0;
      for (const [index, folder] of folders.entries()) {
        if (token.isCancellationRequested) return;
        progress.report({ message: folders.length > 1 ? `${folder.name} (${index + 1}/${folders.length})` : folder.name });
        const report = await runCli(cli, folder.uri.fsPath, ['lint', '.', '--format', 'json', '--fail-level', 'none', ...ruleArgs], token);
        if (!report) return;
        for (const file of report.files) {
          files++;
          found.set(path.resolve(folder.uri.fsPath, file.path), file.findings.map(toDiagnostic));
        }
      }
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.fsPath));
      collection.clear();
      let problems = 0;
      for (const [file, diagnostics] of found) {
        if (open.has(file)) continue;
        collection.set(vscode.Uri.file(file), diagnostics);
        problems += diagnostics.length;
      }
      void vscode.window.showInformationMessage(`Dockhand: ${problems} problem${problems === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (open files are linted as you type).`);
      if (problems > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
    },
  );
}

function toDiagnostic(finding: JsonFinding): vscode.Diagnostic {
  const { start, end } = finding.range;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), finding.message, SEVERITY[finding.severity] ?? vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'dockhand';
  diagnostic.code = /^[a-z0-9-]+$/.test(finding.rule) ? { value: finding.rule, target: vscode.Uri.parse(`${DOCS}${finding.rule}.md`) } : finding.rule;
  return diagnostic;
}

/** Runs the CLI with the extension host's Node; undefined when cancelled or failed (the failure is shown). */
function runCli(cli: string, cwd: string, args: string[], token: vscode.CancellationToken): Promise<JsonReport | undefined> {
  return new Promise((resolve) => {
    const child = fork(cli, args, { cwd, silent: true, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const cancel = token.onCancellationRequested(() => child.kill());
    child.on('error', (error) => {
      cancel.dispose();
      void vscode.window.showErrorMessage(`Dockhand: could not lint the workspace: ${error.message}`);
      resolve(undefined);
    });
    child.on('exit', () => {
      cancel.dispose();
      if (token.isCancellationRequested) return resolve(undefined);
      try {
        resolve(JSON.parse(stdout) as JsonReport);
      } catch {
        void vscode.window.showErrorMessage(`Dockhand: could not lint the workspace: ${stderr.trim().split('\n')[0] || 'no report from the CLI'}`);
        resolve(undefined);
      }
    });
  });
}
