import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL, fileURLToPath } from 'url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, CodeActionRequest, ConfigurationRequest, RegistrationRequest,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticRequest,
  ShutdownRequest, ExitNotification, FileChangeType,
  type Diagnostic, type CodeAction, type WorkspaceEdit, type ClientCapabilities, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export function uri(file: string): string {
  return pathToFileURL(file).toString();
}

/** A temporary project folder with the given files. */
export function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-protocol-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The bundled server as a child process, spoken to over stdio like any LSP client would. */
export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: (() => void)[] = [];
  settings: Record<string, unknown> = {};
  stderr = '';
  versions = new Map<string, number>();

  constructor(options: { nodeArgs?: string[] } = {}) {
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, [...(this.diagnostics.get(params.uri) ?? []), params]);
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(root: string, options: { pull?: boolean; configuration?: boolean } = {}): Promise<void> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration !== false,
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'project' }],
      capabilities,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(file: string, languageId = 'dockerfile', text = fs.readFileSync(file, 'utf8')): Promise<void> {
    this.versions.set(uri(file), 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(file), languageId, version: 1, text } });
  }

  async change(file: string, text: string): Promise<void> {
    const version = (this.versions.get(uri(file)) ?? 1) + 1;
    this.versions.set(uri(file), version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
  }

  async close(file: string): Promise<void> {
    this.versions.delete(uri(file));
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(file) } });
  }

  /** Bytes written to the server's stdin as they are: for malformed-message tests. */
  sendRaw(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The next diagnostics published for a file that satisfy `accept` (the latest, if they already do). */
  async diagnosticsFor(file: string, accept: (d: Diagnostic[]) => boolean = () => true, timeout = 10000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const list = this.diagnostics.get(uri(file)) ?? [];
      const last = list[list.length - 1];
      if (last && accept(last.diagnostics)) return last.diagnostics;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${file}; last: ${JSON.stringify(last?.diagnostics.map((d) => d.code))}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async pull(file: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri(file) } });
    return report.kind === 'full' ? report.items : [];
  }

  async codeActions(file: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(file) }, range, context: { diagnostics, only } });
    return (result ?? []) as CodeAction[];
  }

  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { dockhand: settings } });
  }

  async fileChanged(file: string, type: FileChangeType = FileChangeType.Created): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(file), type }] });
  }

  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    const code = await new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      this.child.on('exit', (c) => resolve(c));
      setTimeout(() => {
        this.child.kill();
        resolve(null);
      }, 3000);
    });
    this.connection.dispose();
    return code;
  }

  get alive(): boolean {
    return this.child.exitCode === null;
  }

  /** Stops the server, failing when it had already died during the test. */
  async stopExpectingAlive(): Promise<void> {
    const alive = this.alive;
    await this.stop();
    assert.ok(alive, `the server should still be running at the end of the test\n${this.stderr}`);
  }
}

/** Applies a WorkspaceEdit the way an editor does: to the open texts given, and to files on disk. */
export function applyWorkspaceEdit(edit: WorkspaceEdit, texts: Map<string, string>): void {
  const apply = (target: string, edits: { range: Diagnostic['range']; newText: string }[]) => {
    const file = fileURLToPath(target);
    const text = texts.get(file) ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    const offsets = (pos: { line: number; character: number }) => {
      const lines = text.split('\n');
      let offset = 0;
      for (let i = 0; i < pos.line && i < lines.length; i++) offset += lines[i].length + 1;
      return offset + pos.character;
    };
    const sorted = [...edits].sort((a, b) => offsets(b.range.start) - offsets(a.range.start));
    let out = text;
    for (const e of sorted) out = out.slice(0, offsets(e.range.start)) + e.newText + out.slice(offsets(e.range.end));
    texts.set(file, out);
    fs.writeFileSync(file, out);
  };
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') {
        const file = fileURLToPath(change.uri);
        if (!fs.existsSync(file)) fs.writeFileSync(file, '');
      }
      continue;
    }
    apply(change.textDocument.uri, change.edits as { range: Diagnostic['range']; newText: string }[]);
  }
  for (const [target, edits] of Object.entries(edit.changes ?? {})) apply(target, edits);
}
