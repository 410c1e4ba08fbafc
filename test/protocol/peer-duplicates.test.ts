import * as assert from 'assert';
import * as path from 'path';
import { validate } from 'dockerfile-utils';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient, project, applyWorkspaceEdit, uri } from './client';

/** `dockhand.diagnostics.peerDuplicates`: beside Docker DX or Container Tools, no finding is shown twice, and our fixes stay. */

const DOCKERFILE = 'FROM node:20 AS Builder\nmaintainer someone\nWORKDIR /app\nCMD node a.js\n';
const DX = ['docker.docker'];

/** What Docker DX publishes for line 1: BuildKit's check name as the code, the whole line as the range. */
const DX_STAGE_NAME_CASING: Diagnostic = {
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 23 } },
  severity: 2,
  source: 'docker-language-server',
  code: 'StageNameCasing',
  codeDescription: { href: 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/' },
  message: "Stage name 'Builder' should be lowercase",
};

describe('peer duplicates over stdio', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    const running = client;
    client = undefined;
    await running?.stopExpectingAlive();
  });

  async function start(settings: Record<string, unknown>, options: { pull?: boolean } = {}): Promise<{ c: TestClient; file: string }> {
    const root = project({ Dockerfile: DOCKERFILE, '.dockerignore': '.git\n' });
    client = new TestClient();
    client.settings = settings;
    await client.initialize(root, options);
    const file = path.join(root, 'Dockerfile');
    await client.open(file);
    return { c: client, file };
  }

  const codesOf = (diagnostics: Diagnostic[]) => new Set(diagnostics.map((d) => d.code));
  /** The hover over `Builder` in `FROM node:20 AS Builder`, as text. */
  const hoverOverStageName = async (c: TestClient, file: string) =>
    JSON.stringify(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line: 0, character: 18 } }));

  it('with Docker DX active, withholds the BuildKit duplicates and publishes the rest', async () => {
    const { c, file } = await start({ diagnostics: { peerDuplicates: 'auto', activePeers: DX } });
    const codes = codesOf(await c.diagnosticsFor(file, (d) => d.length > 0));
    assert.ok(codes.has('no-root-user'), [...codes].join());
    for (const duplicate of ['stage-name-casing', 'maintainer-deprecated', 'shell-form-cmd']) assert.ok(!codes.has(duplicate), duplicate);
    assert.doesNotMatch(await hoverOverStageName(c, file), /stage-name-casing/, 'no rule docs for a finding that is not shown');
  });

  it('answers a code-action request carrying DX\'s diagnostic with our quick-fix', async () => {
    const { c, file } = await start({ diagnostics: { activePeers: DX } });
    await c.diagnosticsFor(file, (d) => d.length > 0);
    const actions = await c.codeActions(file, [DX_STAGE_NAME_CASING]);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions));
    assert.strictEqual(preferred.kind, 'quickfix');
    assert.deepStrictEqual(preferred.diagnostics, [DX_STAGE_NAME_CASING]);
    const texts = new Map([[file, DOCKERFILE]]);
    applyWorkspaceEdit(preferred.edit!, texts);
    assert.match(texts.get(file)!, /^FROM node:20 AS builder\n/);
  });

  it('with Container Tools active, withholds what dockerfile-utils reports and fixes it from their diagnostic', async () => {
    const { c, file } = await start({ diagnostics: { activePeers: ['ms-azuretools.vscode-containers'] } });
    const codes = codesOf(await c.diagnosticsFor(file, (d) => d.length > 0));
    assert.ok(!codes.has('maintainer-deprecated'));
    assert.ok(codes.has('stage-name-casing'), 'dockerfile-utils has no stage-name casing check');
    const theirs = validate(DOCKERFILE).find((d) => d.code === 45) as Diagnostic; // DEPRECATED_MAINTAINER
    assert.ok(theirs);
    const actions = await c.codeActions(file, [theirs]);
    assert.ok(actions.some((a) => a.isPreferred && /LABEL/.test(JSON.stringify(a.edit))), JSON.stringify(actions));
  });

  it('show publishes everything; hide withholds even without a detected peer (pull diagnostics too)', async () => {
    const shown = await start({ diagnostics: { peerDuplicates: 'show', activePeers: DX } }, { pull: true });
    assert.ok(codesOf(await shown.c.pull(shown.file)).has('stage-name-casing'));
    assert.deepStrictEqual(await shown.c.codeActions(shown.file, [DX_STAGE_NAME_CASING]), [], 'our own diagnostic carries the fix');
    await shown.c.configure({ diagnostics: { peerDuplicates: 'hide' } });
    assert.ok(!codesOf(await shown.c.pull(shown.file)).has('stage-name-casing'));
  });

  it('without a peer (any other client), auto shows everything', async () => {
    const { c, file } = await start({});
    const codes = codesOf(await c.diagnosticsFor(file, (d) => d.length > 0));
    assert.ok(codes.has('stage-name-casing') && codes.has('maintainer-deprecated'));
    assert.match(await hoverOverStageName(c, file), /stage-name-casing/);
  });
});
