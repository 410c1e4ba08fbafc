import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * The real-editor scenarios of test/editor/run.mjs, through the VS Code API instead of the
 * mouse and keyboard: one window, in order, on a copy of examples/.
 */

const workspace = process.env.DOCKHAND_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const fileUri = (name: string): vscode.Uri => vscode.Uri.file(path.join(workspace, name));
const read = (name: string): string => fs.readFileSync(path.join(workspace, name), 'utf8');

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

async function findings(uri: vscode.Uri, ...expected: string[]): Promise<vscode.Diagnostic[]> {
  return until(`${expected.join(', ')} on ${path.basename(uri.fsPath)}`, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'dockhand');
    return expected.every((id) => diagnostics.some((d) => codeOf(d) === id)) ? diagnostics : undefined;
  });
}

async function applyPreferredFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const preferred = actions.find((a) => a.isPreferred && a.diagnostics?.some((d) => codeOf(d) === codeOf(diagnostic)));
  assert.ok(preferred, `no preferred fix for ${codeOf(diagnostic)}; got: ${actions.map((a) => a.title).join(' | ')}`);
  if (preferred.edit) assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'the workspace edit was refused');
  if (preferred.command) await vscode.commands.executeCommand(preferred.command.command, ...(preferred.command.arguments ?? []));
  assert.ok(await vscode.workspace.saveAll(false), 'could not save');
  return preferred;
}

describe('Dockhand in VS Code', () => {
  before(() => assert.ok(workspace && fs.existsSync(path.join(workspace, 'Dockerfile')), `no example workspace at ${workspace}`));

  it('1. the example Dockerfile shows the seed rules', async () => {
    await vscode.window.showTextDocument(fileUri('Dockerfile'));
    const diagnostics = await findings(fileUri('Dockerfile'), 'no-root-user', 'secret-in-env');
    const secret = diagnostics.find((d) => codeOf(d) === 'secret-in-env')!;
    assert.strictEqual(secret.severity, vscode.DiagnosticSeverity.Error);
  });

  it('2. the preferred fix for secret-in-env changes the file on disk', async () => {
    const uri = fileUri('Dockerfile');
    const [secret] = (await findings(uri, 'secret-in-env')).filter((d) => codeOf(d) === 'secret-in-env');
    const fix = await applyPreferredFix(uri, secret);
    const dockerfile = read('Dockerfile');
    assert.ok(!dockerfile.includes('JWT_SECRET'), dockerfile);
    assert.ok(dockerfile.includes('ENV NODE_ENV=production'), 'the fix removed more than the secret');
    // The example Compose file builds this Dockerfile and already passes JWT_SECRET at run time.
    assert.match(fix.title, /Compose service `api`/);
    assert.match(read('docker-compose.yml'), /^\s*- JWT_SECRET=/m);
  });

  it('3. Dockhand: Generate .dockerignore writes the expected entries', async () => {
    await vscode.commands.executeCommand('dockhand.generateDockerignore');
    const lines = await until('.dockerignore on disk', () => fs.existsSync(path.join(workspace, '.dockerignore')) && read('.dockerignore').split(/\r?\n/));
    for (const expected of ['.git', '.env', '!.env.example', 'node_modules', 'Dockerfile*', 'coverage']) {
      assert.ok(lines.includes(expected), `.dockerignore lacks ${expected}`);
    }
  });

  it('4. a snippet offered by completion inserts its body', async () => {
    const editor = await vscode.window.showTextDocument(fileUri('Dockerfile'));
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\nhealthcheck-node'));
    const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'healthcheck-node' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(item, `no healthcheck-node snippet among ${list.items.length} completions`);
    const body = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText));
    const typed = new vscode.Range(position.translate(0, -'healthcheck-node'.length), position);
    assert.ok(await editor.insertSnippet(body, typed));
    assert.ok(await editor.document.save());
    const dockerfile = read('Dockerfile');
    assert.ok(dockerfile.includes('HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["node", "-e"'), dockerfile);
    assert.ok(!dockerfile.includes('healthcheck-node'));
  });

  it('5. compose-version-obsolete and its fix', async () => {
    const uri = fileUri('docker-compose.yml');
    await vscode.window.showTextDocument(uri);
    const [obsolete] = (await findings(uri, 'compose-version-obsolete')).filter((d) => codeOf(d) === 'compose-version-obsolete');
    await applyPreferredFix(uri, obsolete);
    const compose = read('docker-compose.yml');
    assert.doesNotMatch(compose, /^version:/m);
    assert.match(compose, /^services:/m);
  });

  it('6a. hover over a Dockerfile instruction shows its documentation', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('Dockerfile'));
    const line = document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('WORKDIR'));
    assert.ok(line >= 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /working directory/i);
  });

  it('6b. completion inside a Compose service lists healthcheck', async () => {
    const editor = await vscode.window.showTextDocument(fileUri('docker-compose.yml'));
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.trim() === 'image: redis:7');
    assert.ok(line >= 0, 'no redis service in the example Compose file');
    await editor.edit((edit) => edit.insert(editor.document.lineAt(line).range.end, '\n    heal'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line + 1, 8));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('healthcheck'), labels.join(', '));
    await vscode.commands.executeCommand('undo');
  });
});
