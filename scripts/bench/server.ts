import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BenchServer, REPO } from './lsp';
import { largestCorpusFiles, typingLine, writeGenerated, CORPUS } from './inputs';
import { TYPED } from './engine';
import { type Recorder, now, summary } from './stats';
import { SERVER_NODE_FLAGS } from '../../client/src/server-flags';

/** The servers over stdio: open → diagnostics, per-keystroke diagnostics, code actions, memory. */

interface ServerSpec {
  tool: string;
  command: string[];
  /** Which generated inputs this server lints. */
  kinds: ('dockerfile' | 'compose')[];
}

export const SERVERS: ServerSpec[] = [
  // Started with the node flags the VS Code client gives it.
  { tool: 'dockhand', command: [...SERVER_NODE_FLAGS, path.join(REPO, 'dist', 'server.js'), '--stdio'], kinds: ['dockerfile', 'compose'] },
  {
    tool: 'dockerfile-language-server-nodejs',
    command: [path.join(REPO, 'node_modules', 'dockerfile-language-server-nodejs', 'lib', 'server.js'), '--stdio'],
    kinds: ['dockerfile'],
  },
];

const LANGUAGE = { dockerfile: 'dockerfile', compose: 'dockercompose' } as const;

export async function benchServers(rec: Recorder, sizes: { dockerfiles: number[]; compose: number[] }, edits: number, openCount: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-bench-'));
  try {
    const generated = writeGenerated(dir, sizes);
    const p95s = new Map<string, Map<string, number>>();
    for (const spec of SERVERS) {
      const server = new BenchServer(spec.tool, spec.command);
      try {
        const t0 = now();
        await server.initialize(dir);
        rec.measure({ name: 'lsp.initialize', tool: spec.tool, unit: 'ms', median: now() - t0, p95: now() - t0, n: 1, note: 'spawn → initialize response' });
        for (const [id, file] of generated) {
          const kind = id.startsWith('compose') ? 'compose' : 'dockerfile';
          if (!spec.kinds.includes(kind)) continue;
          const text = fs.readFileSync(file, 'utf8');
          const openMs = await server.open(file, LANGUAGE[kind], text);
          rec.measure({ name: `lsp.open.${id}`, tool: spec.tool, unit: 'ms', median: openMs, p95: openMs, n: 1, extra: { diagnostics: server.lastDiagnostics(file).length } });
          const at = typingLine(text, kind);
          const samples: number[] = [];
          for (let i = 0; i < edits; i++) samples.push(await server.type(file, { line: at.line, character: at.character + i }, TYPED[i % TYPED.length]));
          const m = rec.measure({ name: `lsp.keystroke.${id}`, tool: spec.tool, unit: 'ms', ...summary(samples), extra: { diagnostics: server.lastDiagnostics(file).length }, note: 'didChange (one character) → publishDiagnostics for it; no debounce in either server' });
          if (!p95s.has(id)) p95s.set(id, new Map());
          p95s.get(id)!.set(spec.tool, m.p95);
          if (id === 'dockerfile-500') {
            const diagnostic = server.lastDiagnostics(file)[0];
            if (diagnostic) {
              const actions: number[] = [];
              let count = 0;
              for (let i = 0; i < 20; i++) {
                const r = await server.codeActions(file, diagnostic);
                actions.push(r.ms);
                count = r.count;
              }
              rec.measure({ name: 'lsp.code-action.dockerfile-500', tool: spec.tool, unit: 'ms', ...summary(actions), extra: { actions: count, rule: String(diagnostic.code ?? '') } });
            }
          }
        }
      } finally {
        await server.stop();
      }
    }
    for (const [id, byTool] of p95s) {
      const peer = byTool.get('dockerfile-language-server-nodejs');
      if (peer !== undefined) rec.ratio({ name: `lsp.keystroke.${id}.p95`, ratio: byTool.get('dockhand')! / peer, of: 'dockhand', peer: 'dockerfile-language-server-nodejs' });
    }
    await benchMemory(rec, generated.get('dockerfile-500'), edits, openCount);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * RSS after opening the largest corpus files (our server gets Dockerfiles and Compose files, the
 * Dockerfile server only the Dockerfiles among them), then keystrokes in a 500-line Dockerfile
 * while all of them stay open.
 */
async function benchMemory(rec: Recorder, typingFile: string | undefined, edits: number, openCount: number): Promise<void> {
  const files = largestCorpusFiles(openCount);
  const rss = new Map<string, number>();
  for (const spec of SERVERS) {
    const server = new BenchServer(spec.tool, spec.command);
    try {
      await server.initialize(CORPUS);
      const opened = files.filter((f) => spec.kinds.includes(f.kind));
      const openTimes: number[] = [];
      for (const { file, kind } of opened) openTimes.push(await server.open(file, LANGUAGE[kind]));
      rec.measure({ name: `lsp.open.corpus-largest-${openCount}`, tool: spec.tool, unit: 'ms', ...summary(openTimes), extra: { dockerfiles: opened.filter((f) => f.kind === 'dockerfile').length, composeFiles: opened.filter((f) => f.kind === 'compose').length } });
      await new Promise((r) => setTimeout(r, 1000));
      const mb = server.rssMB();
      rss.set(spec.tool, mb);
      rec.measure({ name: `lsp.rss.corpus-largest-${openCount}`, tool: spec.tool, unit: 'MB', median: mb, p95: mb, n: 1, extra: { dockerfiles: opened.filter((f) => f.kind === 'dockerfile').length, composeFiles: opened.filter((f) => f.kind === 'compose').length } });
      if (typingFile) {
        const text = fs.readFileSync(typingFile, 'utf8');
        await server.open(typingFile, 'dockerfile', text);
        const at = typingLine(text, 'dockerfile');
        const samples: number[] = [];
        for (let i = 0; i < edits; i++) samples.push(await server.type(typingFile, { line: at.line, character: at.character + i }, TYPED[i % TYPED.length]));
        rec.measure({ name: `lsp.keystroke.dockerfile-500.with-${opened.length}-open`, tool: spec.tool, unit: 'ms', ...summary(samples), note: 'the other files stay open' });
      }
    } finally {
      await server.stop();
    }
  }
  const peer = rss.get('dockerfile-language-server-nodejs');
  if (peer) rec.ratio({ name: `lsp.rss.corpus-largest-${openCount}`, ratio: rss.get('dockhand')! / peer, of: 'dockhand', peer: 'dockerfile-language-server-nodejs', target: 'dockhand < 150 MB', pass: rss.get('dockhand')! < 150 });
}
