/**
 * Completion and hover latency through the language server (dist/server.js over stdio) on the
 * benchmark's generated 500-line Dockerfile and 100-service Compose file. Prints one JSON line
 * per measurement ({type, name, tool, unit, median, p95, n}); `npm run bench` runs it as its
 * `features` section. Needs `node esbuild.js` first.
 *   --quick   fewer samples (a smoke run)
 */
import { spawn } from 'child_process';
import { SERVER_NODE_FLAGS } from '../client/src/server-flags';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification, ConfigurationRequest,
  RegistrationRequest, ShutdownRequest, ExitNotification, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { generateCompose, generateDockerfile } from './bench/inputs';

const REPO = path.resolve(__dirname, '..', '..');
const SERVER = path.join(REPO, 'dist', 'server.js');

type Position = { line: number; character: number };

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function report(name: string, samples: readonly number[], extra: Record<string, unknown> = {}): void {
  const round = (v: number) => Math.round(v * 100) / 100;
  process.stdout.write(JSON.stringify({ type: 'measure', name, tool: 'dockhand', unit: 'ms', median: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), n: samples.length, ...extra }) + '\n');
}

class Server {
  readonly connection: ProtocolConnection;
  private readonly published = new Map<string, number>();
  private readonly child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  private versions = new Map<string, number>();

  constructor() {
    this.child.stderr!.resume();
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, (this.published.get(p.uri) ?? 0) + 1);
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => null));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(root: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'bench' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          publishDiagnostics: {},
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(file: string, languageId: string): Promise<void> {
    const uri = pathToFileURL(file).toString();
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: fs.readFileSync(file, 'utf8') } });
    while ((this.published.get(uri) ?? 0) === 0) await new Promise((r) => setTimeout(r, 20));
  }

  async insert(file: string, position: Position, text: string): Promise<void> {
    const uri = pathToFileURL(file).toString();
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text }] });
  }

  async time(method: string, file: string, position: Position): Promise<{ ms: number; result: unknown }> {
    const t0 = performance.now();
    const result = await this.connection.sendRequest(method, { textDocument: { uri: pathToFileURL(file).toString() }, position });
    return { ms: performance.now() - t0, result };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // gone already
    }
    setTimeout(() => this.child.kill(), 2000).unref();
  }
}

/** Lines spread evenly over the file that satisfy `accept`, `count` of them (repeating when short). */
function sampleLines(lines: readonly string[], count: number, accept: (line: string) => boolean): number[] {
  const candidates = lines.map((l, i) => (accept(l) ? i : -1)).filter((i) => i >= 0);
  const step = Math.max(1, Math.floor(candidates.length / count));
  const picked: number[] = [];
  for (let i = 0; picked.length < count && candidates.length > 0; i += step) picked.push(candidates[i % candidates.length]);
  return picked;
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run `node esbuild.js` first');
  const quick = process.argv.includes('--quick');
  const samples = quick ? 30 : 200;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-bench-features-'));
  const dockerfile = path.join(root, 'Dockerfile');
  const compose = path.join(root, 'compose.yaml');
  fs.writeFileSync(dockerfile, generateDockerfile(500));
  fs.writeFileSync(compose, generateCompose(100));
  const server = new Server();
  try {
    await server.initialize(root);
    await server.open(dockerfile, 'dockerfile');
    await server.open(compose, 'dockercompose');

    // Dockerfile: hover over instruction keywords and completion at their start (instruction names).
    const dLines = fs.readFileSync(dockerfile, 'utf8').split('\n');
    const instructionLines = sampleLines(dLines, samples, (l) => /^[A-Z]+\s/.test(l));
    const measure = async (name: string, method: string, file: string, positions: Position[], check: (result: unknown) => boolean) => {
      for (const p of positions.slice(0, 5)) await server.time(method, file, p); // warm-up
      const times: number[] = [];
      let empty = 0;
      for (const p of positions) {
        const { ms, result } = await server.time(method, file, p);
        times.push(ms);
        if (!check(result)) empty++;
      }
      report(name, times, { empty });
    };
    const hasItems = (r: unknown) => Array.isArray(r) && r.length > 0;
    const hasHover = (r: unknown) => r !== null && r !== undefined;
    await measure('lsp.hover.dockerfile-500', 'textDocument/hover', dockerfile, instructionLines.map((line) => ({ line, character: 1 })), hasHover);
    await measure('lsp.completion.dockerfile-500', 'textDocument/completion', dockerfile, instructionLines.map((line) => ({ line, character: 0 })), hasItems);

    // Compose: hover over keys; completion of service keys on a new line, and of depends_on conditions.
    const cLines = fs.readFileSync(compose, 'utf8').split('\n');
    const keyLines = sampleLines(cLines, samples, (l) => /^\s+[a-z_]+:/.test(l));
    await measure('lsp.hover.compose-100', 'textDocument/hover', compose, keyLines.map((line) => ({ line, character: cLines[line].search(/\S/) + 1 })), hasHover);
    const conditionLines = sampleLines(cLines, samples, (l) => /^\s+condition: /.test(l));
    await measure('lsp.completion.compose-100.enum', 'textDocument/completion', compose, conditionLines.map((line) => ({ line, character: cLines[line].indexOf(':') + 2 })), hasItems);
    const restart = cLines.findIndex((l, i) => i > cLines.length / 2 && /^ {4}restart:/.test(l));
    await server.insert(compose, { line: restart + 1, character: 0 }, '    \n');
    await measure('lsp.completion.compose-100.keys', 'textDocument/completion', compose, Array.from({ length: samples }, () => ({ line: restart + 1, character: 4 })), hasItems);

    // Completion right after a keystroke: the server lints the change first (same thread), then answers.
    const afterKeystroke = async (name: string, file: string, position: (i: number) => Position, text: string) => {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const p = position(i);
        const t0 = performance.now();
        await server.insert(file, p, text);
        await server.time('textDocument/completion', file, { line: p.line, character: p.character + text.length });
        times.push(performance.now() - t0);
      }
      report(name, times);
    };
    const blank = dLines.length - 1;
    await afterKeystroke('lsp.completion-after-keystroke.dockerfile-500', dockerfile, (i) => ({ line: blank, character: i }), 'R');
    await afterKeystroke('lsp.completion-after-keystroke.compose-100', compose, (i) => ({ line: restart + 1, character: 4 + i }), 'h');
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench-language-features: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
