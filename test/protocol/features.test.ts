import * as assert from 'assert';
import * as path from 'path';
import {
  InitializeRequest, InitializedNotification, RegistrationRequest,
  type CompletionItem, type Hover, type MarkupContent, type RegistrationParams,
} from 'vscode-languageserver-protocol/node';
import { TestClient, project, uri } from './client';
import { DOCKERFILE, COMPOSE, EXTRA, BASE } from './features.fixture';

/** Language features over stdio: each request against a fixture, compared with the exact answer. */

type Json = unknown;

function files(): Record<string, string> {
  return { Dockerfile: DOCKERFILE, 'compose.yaml': COMPOSE, 'extra/compose.yaml': EXTRA, 'base.yaml': BASE, '.env': 'A=1\n', 'data/.keep': '' };
}

function range(sl: number, sc: number, el: number, ec: number) {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

function markdown(hover: Hover | null): string {
  const contents = hover?.contents;
  if (!contents) return '';
  if (typeof contents === 'string') return contents;
  return (contents as MarkupContent).value ?? '';
}

describe('language features over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  let root: string;
  let dockerfile: { uri: string };
  let compose: { uri: string };
  const request = <R = Json>(method: string, params: object): Promise<R> => client.connection.sendRequest(method, params) as Promise<R>;
  const at = (line: number, character: number) => ({ line, character });
  const fromRoot = (value: Json): Json => JSON.parse(JSON.stringify(value).split(uri(root)).join('<root>'));

  before(async () => {
    root = project(files());
    client = new TestClient();
    await client.initialize(root);
    await client.open(path.join(root, 'Dockerfile'));
    await client.open(path.join(root, 'compose.yaml'), 'dockercompose');
    dockerfile = { uri: uri(path.join(root, 'Dockerfile')) };
    compose = { uri: uri(path.join(root, 'compose.yaml')) };
  });

  after(async () => {
    await client.stopExpectingAlive();
  });

  describe('Dockerfile (dockerfile-language-service)', () => {
    it('hovers an instruction with its documentation', async () => {
      const hover = await request<Hover>('textDocument/hover', { textDocument: dockerfile, position: at(1, 1) });
      assert.match(markdown(hover), /^Define a variable with an optional default value that users can override at build-time/);
    });

    it('hovers a finding with its rule page (why, bad, good), peer codes and link', async () => {
      await client.diagnosticsFor(path.join(root, 'Dockerfile'), (d) => d.some((x) => x.code === 'shell-form-cmd'));
      const text = markdown(await request<Hover>('textDocument/hover', { textDocument: dockerfile, position: at(8, 1) }));
      assert.match(text, /^\*\*Dockhand: `shell-form-cmd`\*\* \(warning\)\n\n`CMD node server\.js` runs as/);
      assert.match(text, /\*\*Bad\*\*\n```dockerfile\nCMD node server\.js/);
      assert.match(text, /\*\*Good\*\*\n```dockerfile\nCMD \["node", "server\.js"\]/);
      assert.match(text, /Peer codes: `DL3025`, `JSONArgsRecommended`/);
      assert.match(text, /\[Rule documentation\]\(https:\/\/github\.com\/dockhand-dev\/dockhand\/blob\/main\/docs\/rules\/shell-form-cmd\.md\)/);
      assert.doesNotMatch(text, /Turn it off/);
      // The instruction's own documentation follows the rule's.
      assert.match(text, /---\n\nProvide defaults for an executing container/);
    });

    it('completes instructions, stage names and variables', async () => {
      const labels = async (line: number, character: number) =>
        (await request<CompletionItem[]>('textDocument/completion', { textDocument: dockerfile, position: at(line, character) })).map((i) => i.label);
      assert.deepStrictEqual(await labels(5, 0), ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK CMD', 'HEALTHCHECK NONE', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
      assert.deepStrictEqual(await labels(7, 12), ['build']);
      assert.ok((await labels(2, 14)).includes('${PORT}'));
    });

    it('asks Docker Hub for nothing unless enabled: FROM tag completion is empty and immediate', async () => {
      const started = Date.now();
      const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: dockerfile, position: at(6, 10) });
      assert.deepStrictEqual(items, []);
      assert.ok(Date.now() - started < 1000);
    });

    it('gives signature help', async () => {
      const help = await request<{ signatures: { label: string }[]; activeSignature: number; activeParameter: number }>('textDocument/signatureHelp', { textDocument: dockerfile, position: at(7, 5) });
      assert.deepStrictEqual(help.signatures.map((s) => s.label), ['COPY [flags] source ... dest', 'COPY [flags] [ "source", ..., "dest" ]']);
      assert.strictEqual(help.activeParameter, 0);
    });

    it('outlines stages with their instructions', async () => {
      const symbols = await request('textDocument/documentSymbol', { textDocument: dockerfile });
      assert.deepStrictEqual(symbols, [
        {
          name: 'build (node:20)', detail: 'stage', kind: 5, range: range(0, 0, 4, 18), selectionRange: range(0, 0, 0, 4),
          children: [
            { name: 'ARG', detail: 'PORT=3000', kind: 13, range: range(1, 0, 1, 13), selectionRange: range(1, 0, 1, 3) },
            { name: 'ENV', detail: 'APP_PORT=$PORT', kind: 13, range: range(2, 0, 2, 18), selectionRange: range(2, 0, 2, 3) },
            { name: 'RUN', detail: 'npm ci && npm run build', kind: 12, range: range(3, 0, 4, 18), selectionRange: range(3, 0, 3, 3) },
          ],
        },
        {
          name: 'node:20-slim', detail: 'stage', kind: 5, range: range(6, 0, 8, 23), selectionRange: range(6, 0, 6, 4),
          children: [
            { name: 'COPY', detail: '/app /app', kind: 12, range: range(7, 0, 7, 27), selectionRange: range(7, 0, 7, 4) },
            { name: 'CMD', detail: 'node /app/server.js', kind: 12, range: range(8, 0, 8, 23), selectionRange: range(8, 0, 8, 3) },
          ],
        },
      ]);
    });

    it('folds multi-line instructions', async () => {
      assert.deepStrictEqual(await request('textDocument/foldingRange', { textDocument: dockerfile }), [{ startLine: 3, endLine: 4, startCharacter: 12, endCharacter: 18 }]);
    });

    it('highlights a variable and its uses', async () => {
      assert.deepStrictEqual(await request('textDocument/documentHighlight', { textDocument: dockerfile, position: at(1, 5) }), [
        { range: range(1, 4, 1, 8), kind: 3 },
        { range: range(2, 14, 2, 18), kind: 2 },
      ]);
    });

    it('goes to the definition of a stage', async () => {
      assert.deepStrictEqual(fromRoot(await request('textDocument/definition', { textDocument: dockerfile, position: at(7, 13) })), { uri: '<root>/Dockerfile', range: range(0, 16, 0, 21) });
    });

    it('renames a stage everywhere it is used', async () => {
      assert.deepStrictEqual(await request('textDocument/prepareRename', { textDocument: dockerfile, position: at(0, 17) }), range(0, 16, 0, 21));
      assert.deepStrictEqual(fromRoot(await request('textDocument/rename', { textDocument: dockerfile, position: at(0, 17), newName: 'builder' })), {
        changes: { '<root>/Dockerfile': [{ range: range(0, 16, 0, 21), newText: 'builder' }, { range: range(7, 12, 7, 17), newText: 'builder' }] },
      });
    });

    it('returns semantic tokens in the advertised legend', async () => {
      const tokens = await request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: dockerfile });
      // First token: `FROM` at 0:0, length 4, type 0 (keyword).
      assert.deepStrictEqual(tokens.data.slice(0, 5), [0, 0, 4, 0, 0]);
      assert.strictEqual(tokens.data.length % 5, 0);
    });

    it('formats a document and a range: indentation only, quoted strings, joined words and heredocs untouched', async () => {
      const file = path.join(root, 'format', 'Dockerfile');
      const text = 'FROM alpine\n  RUN apk add \\\n        curl \\\n  git\nRUN echo "one \\\n      two"\nRUN echo a\\\nb\nRUN <<EOF\n    indented\nEOF\n   # comment\n';
      await client.open(file, 'dockerfile', text);
      const document = { uri: uri(file) };
      const options = { tabSize: 4, insertSpaces: true };
      assert.deepStrictEqual(await request('textDocument/formatting', { textDocument: document, options }), [
        { range: range(1, 0, 1, 2), newText: '' },
        { range: range(2, 0, 2, 8), newText: '    ' },
        { range: range(3, 0, 3, 2), newText: '    ' },
        { range: range(11, 0, 11, 3), newText: '' },
      ]);
      assert.deepStrictEqual(await request('textDocument/rangeFormatting', { textDocument: document, range: range(11, 0, 11, 12), options }), [{ range: range(11, 0, 11, 3), newText: '' }]);
    });

    it('links base images to their registry pages', async () => {
      assert.deepStrictEqual(await request('textDocument/documentLink', { textDocument: dockerfile }), [
        { range: range(0, 5, 0, 9), data: '_/node/', target: 'https://hub.docker.com/_/node/' },
        { range: range(6, 5, 6, 9), data: '_/node/', target: 'https://hub.docker.com/_/node/' },
      ]);
    });
  });

  describe('Compose (schema and project)', () => {
    it('hovers a key with the schema description', async () => {
      assert.deepStrictEqual(await request('textDocument/hover', { textDocument: compose, position: at(7, 5) }), {
        contents: { kind: 'markdown', value: '**env_file**\n\nAdd environment variables from a file or multiple files. Can be a single file path or a list of file paths.' },
        range: range(7, 4, 7, 12),
      });
    });

    it('hovers a service name with the service it points to, also from an included file', async () => {
      assert.deepStrictEqual(await request('textDocument/hover', { textDocument: compose, position: at(11, 7) }), {
        contents: { kind: 'markdown', value: '**service `cache`** (extra/compose.yaml)\n\n```yaml\ncache:\n  image: redis:7\n```' },
        range: range(11, 6, 11, 11),
      });
    });

    it('completes the keys valid in a service, without those already there', async () => {
      const text = COMPOSE.replace('    healthcheck:\n', '    he\n    healthcheck:\n').replace('      test: ["CMD", "pg_isready"]\n', '');
      await client.change(path.join(root, 'compose.yaml'), text);
      const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: compose, position: at(22, 6) });
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('image') && labels.includes('restart') && labels.includes('deploy'));
      assert.ok(!labels.includes('extends'), 'extends is already there');
      const healthcheck = items.find((i) => i.label === 'healthcheck');
      assert.ok(!healthcheck, 'healthcheck is already there');
      const image = items.find((i) => i.label === 'image')!;
      assert.deepStrictEqual(image.textEdit, { range: range(22, 4, 22, 6), newText: 'image:' });
      await client.change(path.join(root, 'compose.yaml'), COMPOSE);
    });

    it('completes healthcheck in a service that has none', async () => {
      const text = COMPOSE.replace('    env_file: .env\n', '    env_file: .env\n    \n');
      await client.change(path.join(root, 'compose.yaml'), text);
      const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: compose, position: at(8, 4) });
      const healthcheck = items.find((i) => i.label === 'healthcheck')!;
      assert.deepStrictEqual(healthcheck.textEdit, { range: range(8, 4, 8, 4), newText: 'healthcheck:' });
      assert.match((healthcheck.documentation as MarkupContent).value, /health/i);
      await client.change(path.join(root, 'compose.yaml'), COMPOSE);
    });

    it('completes enum values, referenced names and Dockerfile stages', async () => {
      const complete = async (text: string, line: number, character: number) => {
        await client.change(path.join(root, 'compose.yaml'), text);
        return (await request<CompletionItem[]>('textDocument/completion', { textDocument: compose, position: at(line, character) })).map((i) => i.label);
      };
      try {
      assert.deepStrictEqual(await complete(COMPOSE.replace('condition: service_started', 'condition: '), 12, 19), ['service_started', 'service_healthy', 'service_completed_successfully']);
      assert.deepStrictEqual(await complete(COMPOSE.replace('      - back\n', '      - \n'), 14, 8), ['back', 'default']);
      assert.deepStrictEqual(await complete(COMPOSE.replace('target: build', 'target: '), 6, 14), ['build']);
      assert.deepStrictEqual(await complete(COMPOSE.replace('      cache:\n        condition: service_started\n', '      \n'), 11, 6).then((l) => l.filter((x) => !['condition', 'required', 'restart'].includes(x))), ['cache']);
      } finally {
        await client.change(path.join(root, 'compose.yaml'), COMPOSE);
      }
    });

    it('outlines services, networks and volumes', async () => {
      const symbols = await request<{ name: string; children?: { name: string; detail?: string }[] }[]>('textDocument/documentSymbol', { textDocument: compose });
      assert.deepStrictEqual(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]), [['include', []], ['services', ['web', 'db']], ['networks', ['back']], ['volumes', ['dbdata']]]);
      assert.deepStrictEqual(symbols[1], {
        name: 'services', kind: 5, range: range(2, 0, 23, 33), selectionRange: range(2, 0, 2, 8),
        children: [
          { name: 'web', detail: 'build', kind: 5, range: range(3, 2, 17, 25), selectionRange: range(3, 2, 3, 5) },
          { name: 'db', kind: 5, range: range(18, 2, 23, 33), selectionRange: range(18, 2, 18, 4) },
        ],
      });
    });

    it('folds every block', async () => {
      assert.deepStrictEqual(await request('textDocument/foldingRange', { textDocument: compose }), [
        [0, 1], [2, 23], [3, 17], [4, 6], [8, 12], [9, 10], [11, 12], [13, 14], [15, 17], [18, 23], [19, 21], [22, 23], [24, 25], [26, 27],
      ].map(([startLine, endLine]) => ({ startLine, endLine })));
    });

    it('goes to definitions: in this file, in an included file, in an extended file, and Dockerfile stages', async () => {
      const definition = async (line: number, character: number) => fromRoot(await request('textDocument/definition', { textDocument: compose, position: at(line, character) }));
      assert.deepStrictEqual(await definition(9, 7), [{ uri: '<root>/compose.yaml', range: range(18, 2, 18, 4) }]);
      assert.deepStrictEqual(await definition(11, 7), [{ uri: '<root>/extra/compose.yaml', range: range(1, 2, 1, 7) }]);
      assert.deepStrictEqual(await definition(21, 16), [{ uri: '<root>/base.yaml', range: range(1, 2, 1, 10) }]);
      assert.deepStrictEqual(await definition(14, 9), [{ uri: '<root>/compose.yaml', range: range(25, 2, 25, 6) }]);
      assert.deepStrictEqual(await definition(17, 9), [{ uri: '<root>/compose.yaml', range: range(27, 2, 27, 8) }]);
      assert.deepStrictEqual(await definition(6, 15), [{ uri: '<root>/Dockerfile', range: range(0, 16, 0, 21) }]);
    });

    it('highlights a name where it is defined and referenced', async () => {
      assert.deepStrictEqual(await request('textDocument/documentHighlight', { textDocument: compose, position: at(27, 3) }), [
        { range: range(17, 8, 17, 14), kind: 2 },
        { range: range(27, 2, 27, 8), kind: 3 },
      ]);
    });

    it('renames a service across the project files, and refuses what it cannot rename', async () => {
      assert.deepStrictEqual(await request('textDocument/prepareRename', { textDocument: compose, position: at(11, 7) }), range(11, 6, 11, 11));
      assert.deepStrictEqual(fromRoot(await request('textDocument/rename', { textDocument: compose, position: at(11, 7), newName: 'redis' })), {
        changes: {
          '<root>/compose.yaml': [{ range: range(11, 6, 11, 11), newText: 'redis' }],
          '<root>/extra/compose.yaml': [{ range: range(1, 2, 1, 7), newText: 'redis' }],
        },
      });
      // `extends: { file: base.yaml, service: database }` names a service of another file, and a stage belongs to the Dockerfile.
      assert.strictEqual(await request('textDocument/prepareRename', { textDocument: compose, position: at(21, 16) }), null);
      assert.strictEqual(await request('textDocument/prepareRename', { textDocument: compose, position: at(6, 15) }), null);
    });

    it('links include paths, env_file, build context, bind mounts and extends files', async () => {
      assert.deepStrictEqual(fromRoot(await request('textDocument/documentLink', { textDocument: compose })), [
        { range: range(1, 4, 1, 22), target: '<root>/extra/compose.yaml', tooltip: 'extra/compose.yaml' },
        { range: range(7, 14, 7, 18), target: '<root>/.env', tooltip: '.env' },
        { range: range(5, 15, 5, 16), target: '<root>', tooltip: '.' },
        { range: range(16, 8, 16, 14), target: '<root>/data', tooltip: 'data' },
        { range: range(20, 12, 20, 21), target: '<root>/base.yaml', tooltip: 'base.yaml' },
      ]);
    });
  });
});

describe('language features: coexistence', function () {
  this.timeout(30000);

  async function start(settings: object): Promise<{ client: TestClient; registrations: RegistrationParams['registrations']; capabilities: Record<string, unknown> }> {
    const root = project(files());
    const client = new TestClient();
    client.settings = settings as Record<string, unknown>;
    const registrations: RegistrationParams['registrations'] = [];
    client.connection.onRequest(RegistrationRequest.type, (params) => {
      registrations.push(...params.registrations);
    });
    const dynamic = { dynamicRegistration: true };
    const result = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'project' }],
      initializationOptions: { settings },
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: dynamic },
        textDocument: {
          hover: dynamic, completion: dynamic, signatureHelp: dynamic, documentSymbol: dynamic, foldingRange: dynamic, documentHighlight: dynamic,
          definition: dynamic, rename: dynamic, semanticTokens: { ...dynamic, requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
          formatting: dynamic, rangeFormatting: dynamic, documentLink: dynamic,
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await client.open(path.join(root, 'Dockerfile'));
    for (let i = 0; i < 200 && !registrations.some((r) => r.method === 'textDocument/documentLink'); i++) await new Promise((r) => setTimeout(r, 50));
    return { client, registrations, capabilities: result.capabilities as Record<string, unknown> };
  }

  const languages = (registrations: RegistrationParams['registrations'], method: string) =>
    registrations.filter((r) => r.method === method).flatMap((r) => ((r.registerOptions as { documentSelector: { language: string }[] }).documentSelector ?? []).map((s) => s.language));

  it('registers each feature for the file kinds it serves when the client registers dynamically', async () => {
    const { client, registrations, capabilities } = await start({ languageFeatures: { dockerfile: 'on', compose: 'on' } });
    try {
      assert.strictEqual(capabilities.hoverProvider, undefined, 'no static hover when registered dynamically');
      assert.deepStrictEqual(languages(registrations, 'textDocument/completion'), ['dockerfile', 'dockercompose', 'yaml', 'yaml']);
      assert.deepStrictEqual(languages(registrations, 'textDocument/formatting'), ['dockerfile']);
    } finally {
      await client.stop();
    }
  });

  it('with Dockerfile features off (another extension has them): only the rule-doc hover remains for Dockerfiles', async () => {
    const { client, registrations } = await start({ languageFeatures: { dockerfile: 'off', compose: 'on' } });
    try {
      assert.deepStrictEqual(languages(registrations, 'textDocument/hover'), ['dockerfile', 'dockercompose', 'yaml', 'yaml']);
      assert.deepStrictEqual(languages(registrations, 'textDocument/completion'), ['dockercompose', 'yaml', 'yaml']);
      for (const method of ['textDocument/formatting', 'textDocument/semanticTokens', 'textDocument/signatureHelp']) {
        assert.deepStrictEqual(languages(registrations, method), [], method);
      }
      assert.deepStrictEqual(languages(registrations, 'textDocument/rename'), ['dockercompose', 'yaml', 'yaml']);
    } finally {
      await client.stop();
    }
  });

  it('answers nothing for a kind that is off, even to a client that cannot register dynamically', async () => {
    const root = project(files());
    const client = new TestClient();
    try {
      client.settings = { languageFeatures: { dockerfile: 'off', compose: 'off' } };
      await client.initialize(root);
      const file = path.join(root, 'Dockerfile');
      await client.open(file);
      const document = { uri: uri(file) };
      assert.deepStrictEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: document, position: { line: 5, character: 0 } }), []);
      assert.strictEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: document }), null);
      assert.strictEqual(await client.connection.sendRequest('textDocument/formatting', { textDocument: document, options: { tabSize: 4, insertSpaces: true } }), null);
      assert.strictEqual(await client.connection.sendRequest('textDocument/hover', { textDocument: document, position: { line: 1, character: 1 } }), null);
    } finally {
      await client.stop();
    }
  });
});
