import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, CodeActionRequest, ConfigurationRequest, RegistrationRequest,
  ShutdownRequest, ExitNotification, type Diagnostic, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { now } from './stats';

/**
 * A minimal LSP client for timing servers over stdio, ours and the peers' alike (the protocol
 * tests' client starts only our server and has no notion of "the next publish after this edit").
 */
export class BenchServer {
  private readonly child: ChildProcess;
  private readonly connection: ProtocolConnection;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  stderr = '';

  constructor(readonly name: string, command: string[]) {
    this.child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resident set size of the server process, from /proc (MB). */
  rssMB(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async initialize(root: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  publishCount(file: string): number {
    return this.published.get(uri(file))?.length ?? 0;
  }

  lastDiagnostics(file: string): Diagnostic[] {
    const list = this.published.get(uri(file)) ?? [];
    return list[list.length - 1]?.diagnostics ?? [];
  }

  /** Waits for a publish for `file` beyond the first `count` (the one answering the last edit). */
  async nextPublish(file: string, count: number, timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.publishCount(file) <= count) {
      if (Date.now() > deadline) throw new Error(`${this.name}: no diagnostics for ${file} within ${timeoutMs} ms\n${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Opens a document and returns the milliseconds until its first diagnostics. */
  async open(file: string, languageId: string, text = fs.readFileSync(file, 'utf8')): Promise<number> {
    const before = this.publishCount(file);
    this.versions.set(uri(file), 1);
    const t0 = now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(file), languageId, version: 1, text } });
    await this.nextPublish(file, before);
    return now() - t0;
  }

  /** Types `ch` at `position` (an incremental change, as editors send) and returns the milliseconds until the diagnostics for it arrive. */
  async type(file: string, position: { line: number; character: number }, ch: string): Promise<number> {
    const before = this.publishCount(file);
    const version = (this.versions.get(uri(file)) ?? 1) + 1;
    this.versions.set(uri(file), version);
    const t0 = now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ range: { start: position, end: position }, text: ch }],
    });
    await this.nextPublish(file, before);
    return now() - t0;
  }

  async codeActions(file: string, diagnostic: Diagnostic): Promise<{ ms: number; count: number }> {
    const t0 = now();
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    });
    return { ms: now() - t0, count: result?.length ?? 0 };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // gone already
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.on('exit', () => resolve());
      setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
    });
    this.connection.dispose();
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).toString();
}

export const REPO = path.resolve(__dirname, '..', '..', '..');
