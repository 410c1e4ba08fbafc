import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, project, uri } from './client';
import { corpusFiles, skipWithoutCorpus } from '../corpus/corpus';

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

describe('server robustness (over stdio)', function () {
  this.timeout(180_000);
  let client: TestClient;
  let root: string;

  beforeEach(async () => {
    root = project({ Dockerfile: 'FROM node:20\nCMD node server.js\n' });
    client = new TestClient();
    await client.initialize(root);
  });

  afterEach(async () => {
    await client.stop();
  });

  it('survives malformed messages and still answers', async () => {
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    client.sendRaw(frame('{not json!!}'));
    client.sendRaw(frame('{"jsonrpc":"2.0","id":99,"method":"nope"}'));
    client.sendRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":7}}'));
    client.sendRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nowhere"},"contentChanges":[{"text":"x"}]}}'));
    client.sendRaw(frame('{"jsonrpc":"2.0","id":100,"method":"textDocument/codeAction","params":null}'));
    const file = path.join(root, 'Dockerfile');
    await client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => d.code === 'shell-form-cmd'));
    assert.ok(client.alive);
  });

  it('answers requests about documents it never opened with empty results, not errors', async () => {
    const ghost = uri(path.join(root, 'nowhere', 'Dockerfile'));
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: ghost }, range, context: { diagnostics: [] } });
    assert.deepStrictEqual(actions ?? [], []);
    assert.ok(client.alive);
  });

  it('publishes for the latest version after a burst of edits', async () => {
    const file = path.join(root, 'Dockerfile');
    await client.open(file);
    for (let i = 0; i < 50; i++) await client.change(file, `FROM node:20\nCMD node server${i}.js\n`);
    await client.change(file, 'FROM node:20\nCMD ["node", "server.js"]\n');
    const diagnostics = await client.diagnosticsFor(file, (d) => !d.some((x) => x.code === 'shell-form-cmd'));
    assert.ok(!diagnostics.some((d) => d.code === 'shell-form-cmd'));
  });

  it('keeps memory flat when 1,000 corpus documents are opened and closed', async function () {
    skipWithoutCorpus(this, '      ');
    await client.stop();
    client = new TestClient({ nodeArgs: ['--expose-gc'] });
    await client.initialize(root);
    const heapMiB = async () => (await client.connection.sendRequest<NodeJS.MemoryUsage>('dockhand/memoryUsage')).heapUsed / 1024 / 1024;
    const files = [...corpusFiles('dockerfiles'), ...corpusFiles('compose')];
    const cycle = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const source = files[i % files.length];
        const compose = /\.ya?ml$/i.test(source);
        const file = path.join(root, `doc${i}`, compose ? 'compose.yaml' : 'Dockerfile');
        await client.open(file, compose ? 'dockercompose' : 'dockerfile', fs.readFileSync(source, 'utf8'));
        await client.diagnosticsFor(file);
        await client.close(file);
      }
    };
    // One pass over the corpus first fills the bounded caches (shell parses, incremental parse pools).
    await cycle(0, files.length);
    const before = { rss: rssMiB(client.pid), heap: await heapMiB() };
    await cycle(files.length, 1000);
    const after = { rss: rssMiB(client.pid), heap: await heapMiB() };
    console.log(`      server after ${files.length} warm-up documents: heap ${before.heap.toFixed(1)} MiB, RSS ${before.rss.toFixed(1)} MiB; after 1,000 more opened and closed: heap ${after.heap.toFixed(1)} MiB, RSS ${after.rss.toFixed(1)} MiB`);
    // The heap after a collection is what a leak grows; RSS also moves with V8's lazy heap sizing.
    assert.ok(after.heap - before.heap < 20, `heap grew by ${(after.heap - before.heap).toFixed(1)} MiB`);
  });
});
