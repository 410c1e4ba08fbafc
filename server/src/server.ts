import * as path from 'path';
import * as v8 from 'v8';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind,
  type CodeAction, type Diagnostic, type InitializeParams, type InitializeResult, type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initEngine, lint, ignoreFixes, detectKind, type LintResult, type LintRequest } from './engine/engine';
import type { FileKind, Finding, Fix } from './engine/finding';
import type { LintConfig } from './engine/config';
import { isSeveritySetting } from './engine/config';
import { loadConfigFiles, mergeConfig } from './engine/config-files';
import { DiskWorkspace, OverlayWorkspace, isInsideRoots } from './engine/workspace';
import { fixAll } from './engine/fixes';
import { sameRange } from './engine/text';
import {
  SOURCE, FIX_ALL_KIND, toDiagnostic, toWorkspaceEdit, toCodeAction, uriToPath, pathToUri, minimalEdit,
  type EditCapabilities,
} from './lsp/convert';
import { LanguageFeatures } from './lsp/features/register';
import { normaliseLanguageFeatures, type LanguageFeatureSettings } from './lsp/features/settings';
import { normalisePeerDuplicates, hiddenPeers, withoutPeerDuplicates, findingForPeerDiagnostic, type PeerDuplicateSettings } from './lsp/peer-duplicates';

/** The Dockhand language server: LSP wiring only; every finding and fix comes from the engine. */

interface Settings {
  enable: boolean;
  rules: Record<string, string>;
  languageFeatures: LanguageFeatureSettings;
  peerDuplicates: PeerDuplicateSettings;
}

const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, languageFeatures: normaliseLanguageFeatures(undefined), peerDuplicates: normalisePeerDuplicates(undefined) };
/** Quiet time after an edit before the other open documents that depend on it are linted again. */
const OTHERS_DELAY_MS = 150;
const WATCHED = '**/{.dockerignore,*.dockerignore,package.json,package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,requirements*.txt,pyproject.toml,poetry.lock,go.mod,go.sum,Gemfile,Gemfile.lock,composer.json,Cargo.toml,tsconfig.json,.gitignore,.env,.env.*,compose*.y*ml,docker-compose*.y*ml,Dockerfile*,*.Dockerfile,Containerfile,.dockhand.y*ml,.dockhand.json,.hadolint.y*ml}';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let roots: string[] = [];
  let disk = new DiskWorkspace([]);
  const workspace = new OverlayWorkspace(
    { readFile: (f) => disk.readFile(f), exists: (f) => disk.exists(f), listDir: (d) => disk.listDir(d), get roots() { return disk.roots; } },
    (file) => openTextByPath.get(file),
  );
  const openTextByPath = new Map<string, string>();
  const results = new Map<string, { version: number; result: LintResult; request: LintRequest; config: LintConfig }>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const reportedFailures = new Set<string>();
  let pullDiagnostics = false;
  let configurationPull = false;
  let editCapabilities: EditCapabilities = { documentChanges: false, createFiles: false };
  let initialSettings: Settings = DEFAULT_SETTINGS;
  const features = new LanguageFeatures(connection, {
    documents,
    workspace,
    fileOf: (document) => {
      const request = requestFor(document);
      return request?.kind ? { kind: request.kind, path: request.path, onDisk: request.onDisk !== false } : undefined;
    },
    findings: (document) => publishedFindings(document),
    settingsFor: async (uri) => (await settingsFor(uri)).languageFeatures,
    log: (key, message) => logOnce(key, message),
  });

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    configurationPull = caps.workspace?.configuration === true;
    editCapabilities = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    };
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (roots.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) roots = [root];
    }
    disk = new DiskWorkspace(roots);
    initialSettings = normaliseSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings ?? params.initializationOptions);
    await initEngine();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...features.capabilities(caps, initialSettings.languageFeatures),
      },
      serverInfo: { name: 'dockhand', version: typeof DOCKHAND_VERSION === 'string' ? DOCKHAND_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockhand' }).catch(() => undefined);
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] }).catch(() => undefined);
    void features.configure(initialSettings.languageFeatures);
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      roots = [...roots.filter((r) => !removed.has(r)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
      disk = new DiskWorkspace(roots);
      relintAll();
    });
  });

  async function settingsFor(uri: string): Promise<Settings> {
    if (!configurationPull) return initialSettings;
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({ scopeUri: uri, section: 'dockhand' }).then(normaliseSettings, () => initialSettings);
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function kindOf(document: TextDocument, file: string): FileKind | undefined {
    if (document.languageId === 'dockerfile') return 'dockerfile';
    if (document.languageId === 'dockercompose') return 'compose';
    const detected = detectKind(file);
    if (document.languageId === 'yaml') return detected === 'compose' ? 'compose' : undefined;
    return detected;
  }

  function requestFor(document: TextDocument): LintRequest | undefined {
    const file = uriToPath(document.uri);
    const name = file ?? path.join(roots[0] ?? path.sep, 'untitled', path.basename(document.uri.replace(/^[a-z]+:/, '')) || 'Dockerfile');
    const kind = kindOf(document, name);
    if (!kind) return undefined;
    return { path: name, text: document.getText(), kind, onDisk: file !== undefined };
  }

  async function lintDocument(document: TextDocument): Promise<LintResult | undefined> {
    const cached = results.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    const settings = await settingsFor(document.uri);
    if (!settings.enable) return undefined;
    const request = requestFor(document);
    if (!request) return undefined;
    // A newer version may have arrived while the settings were fetched: lint what is current.
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return current ? lintDocument(current) : undefined;
    const files = request.onDisk ? loadConfigFiles(request.path, workspace) : { config: {}, errors: [] };
    for (const error of files.errors) logOnce(`config:${error.path}:${error.message}`, `${error.path}: ${error.message}`);
    const config: LintConfig = mergeConfig(files.config, { rules: settings.rules as LintConfig['rules'] });
    let result: LintResult;
    try {
      result = lint(request, workspace, config, { editing: true });
    } catch (error) {
      logOnce(`lint:${String(error)}`, `Dockhand could not lint ${request.path}: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    }
    for (const failure of result.failures) {
      logOnce(`rule:${failure.rule}`, `Rule ${failure.rule} failed and was skipped (other rules still ran): ${(failure.error as Error)?.stack ?? String(failure.error)}`);
    }
    for (const slow of result.slow) {
      // A first run includes one-off warm-up (the Compose schema compiles on first use): a warning, not an error.
      logOnce(`slow:${slow.rule}`, `Rule ${slow.rule} took ${Math.round(slow.milliseconds)} ms on ${request.path}; its findings were kept. If this repeats on this file, please report it with the file.`, 'warn');
    }
    results.set(document.uri, { version: document.version, result, request, config });
    return result;
  }

  function logOnce(key: string, message: string, level: 'error' | 'warn' = 'error'): void {
    if (reportedFailures.has(key)) return;
    reportedFailures.add(key);
    connection.console[level](message);
  }

  /** The findings shown (and hovered): without those a peer extension already reports. */
  async function publishedFindings(document: TextDocument): Promise<Finding[]> {
    const result = await lintDocument(document);
    if (!result) return [];
    // Withheld, not dropped: code actions still answer for them through the peer's diagnostic.
    const peers = hiddenPeers((await settingsFor(document.uri)).peerDuplicates);
    const kind = results.get(document.uri)?.request.kind;
    return kind ? withoutPeerDuplicates(result.findings, { kind, text: document.getText() }, peers) : result.findings;
  }

  async function diagnosticsFor(document: TextDocument): Promise<Diagnostic[]> {
    return (await publishedFindings(document)).map(toDiagnostic);
  }

  async function publish(document: TextDocument): Promise<void> {
    if (pullDiagnostics) return;
    const version = document.version;
    const diagnostics = await diagnosticsFor(document);
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return; // superseded
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }

  function relintAll(): void {
    results.clear();
    if (pullDiagnostics) {
      void connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const document of documents.all()) void publish(document).catch((e) => logOnce(`publish:${String(e)}`, String(e)));
  }

  const staleOthers = new Set<string>();
  let othersTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Other open documents whose findings may depend on this one (a Compose file and the Dockerfiles
   * it builds; a Dockerfile's change reaches only Compose files). They are linted again once the
   * typing pauses, one at a time, so that they never hold up the diagnostics of the document being
   * edited (with many files open, linting them all on every keystroke did).
   */
  function relintOthers(changed: TextDocument): void {
    const fromDockerfile = lintedKind(changed) === 'dockerfile';
    const others = documents.all().filter((d) => d.uri !== changed.uri && (!fromDockerfile || lintedKind(d) !== 'dockerfile'));
    if (others.length === 0) return;
    for (const other of others) results.delete(other.uri);
    if (pullDiagnostics) {
      void connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const other of others) staleOthers.add(other.uri);
    if (othersTimer) clearTimeout(othersTimer);
    othersTimer = setTimeout(publishStaleOthers, OTHERS_DELAY_MS);
  }

  /** The kind a document is linted as; undefined for anything else, a malformed document included. */
  function lintedKind(document: TextDocument): FileKind | undefined {
    try {
      return requestFor(document)?.kind;
    } catch {
      return undefined;
    }
  }

  function publishStaleOthers(): void {
    othersTimer = undefined;
    const next = staleOthers.values().next();
    if (next.done) return;
    staleOthers.delete(next.value);
    const document = documents.get(next.value);
    const published = document ? publish(document).catch((e) => logOnce(`publish:${String(e)}`, String(e))) : Promise.resolve();
    void published.then(() => {
      if (!othersTimer) othersTimer = setTimeout(publishStaleOthers, 0);
    });
  }

  documents.onDidOpen((event) => {
    const file = uriToPath(event.document.uri);
    if (file) openTextByPath.set(file, event.document.getText());
  });

  documents.onDidChangeContent((event) => {
    const file = uriToPath(event.document.uri);
    if (file) openTextByPath.set(file, event.document.getText());
    void publish(event.document).catch((e) => logOnce(`publish:${String(e)}`, String(e)));
    relintOthers(event.document);
  });

  documents.onDidClose((event) => {
    const file = uriToPath(event.document.uri);
    if (file) openTextByPath.delete(file);
    results.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      return { kind: DocumentDiagnosticReportKind.Full, items: await diagnosticsFor(document) };
    } catch (error) {
      logOnce(`diag:${String(error)}`, `Dockhand diagnostics failed: ${(error as Error)?.stack ?? String(error)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!configurationPull) initialSettings = normaliseSettings((change.settings as { dockhand?: unknown } | undefined)?.dockhand);
    relintAll();
    const global = configurationPull
      ? connection.workspace.getConfiguration({ section: 'dockhand' }).then(normaliseSettings, () => initialSettings)
      : Promise.resolve(initialSettings);
    void global.then((settings) => features.configure(settings.languageFeatures)).catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (file) disk.invalidate(file);
    }
    relintAll();
  });

  connection.onCodeAction(async (params) => {
    try {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const result = await lintDocument(document);
      const cached = results.get(document.uri);
      if (!result || !cached) return [];
      const { request, config } = cached;
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
      const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k)) ?? false;
      if (wantsQuickFix) {
        const peers = hiddenPeers((await settingsFor(document.uri)).peerDuplicates);
        for (const diagnostic of params.context.diagnostics) {
          const ours = diagnostic.source === SOURCE;
          const finding = ours
            ? result.findings.find((f) => f.rule === diagnostic.code && sameRange(f.range, diagnostic.range))
            : (request.kind ? findingForPeerDiagnostic(result.findings, diagnostic, { kind: request.kind, text: request.text }, peers) : undefined);
          if (!finding) continue;
          for (const fix of ours ? [...finding.fixes, ...ignoreFixes(request, finding)] : finding.fixes) {
            const action = codeActionFor(fix, diagnostic);
            if (action) actions.push(action);
          }
        }
      }
      if (wantsFixAll) {
        const action = fixAllAction(document, request, config);
        if (action) actions.push(action);
      }
      return actions;
    } catch (error) {
      logOnce(`codeAction:${String(error)}`, `Dockhand code actions failed: ${(error as Error)?.stack ?? String(error)}`);
      return [];
    }
  });

  function codeActionFor(fix: Fix, diagnostic: Diagnostic): CodeAction | undefined {
    if (fix.changes.some((c) => !isInsideRoots(c.path, roots))) return undefined;
    const edit = toWorkspaceEdit(fix, editCapabilities, (uri) => documents.get(uri)?.version ?? null, pathToUri);
    return edit ? toCodeAction(fix, diagnostic, edit) : undefined;
  }

  function fixAllAction(document: TextDocument, request: LintRequest, config: LintConfig): CodeAction | undefined {
    const file = path.resolve(request.path);
    const onlyThisFile = (_finding: Finding, fix: Fix) => fix.changes.every((c) => c.kind === 'edit' && path.resolve(c.path) === file);
    const outcome = fixAll(request, workspace, config, { accept: onlyThisFile });
    const fixed = outcome.files.get(file);
    if (fixed === undefined || fixed === request.text) return undefined;
    return {
      title: `Dockhand: fix all (${outcome.applied.length})`,
      kind: FIX_ALL_KIND,
      edit: { changes: { [document.uri]: [minimalEdit(request.text, fixed, (o) => document.positionAt(o))] } },
    };
  }

  features.listen();
  documents.listen(connection);
  // For leak tests and benchmarks: memory after a collection when the server runs with --expose-gc.
  connection.onRequest('dockhand/memoryUsage', () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  });

  connection.listen();
}

function normaliseSettings(value: unknown): Settings {
  const raw = (value && typeof value === 'object' ? value : {}) as { enable?: unknown; rules?: unknown; languageFeatures?: unknown; diagnostics?: unknown };
  const rules: Record<string, string> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, level] of Object.entries(raw.rules as Record<string, unknown>)) if (isSeveritySetting(level)) rules[id] = level;
  }
  return { enable: raw.enable !== false, rules, languageFeatures: normaliseLanguageFeatures(raw.languageFeatures), peerDuplicates: normalisePeerDuplicates(raw.diagnostics) };
}

declare const DOCKHAND_VERSION: string | undefined;

process.on('uncaughtException', (error) => {
  process.stderr.write(`dockhand: uncaught error (the server keeps running): ${error?.stack ?? String(error)}\n`);
});
process.on('unhandledRejection', (error) => {
  process.stderr.write(`dockhand: unhandled rejection (the server keeps running): ${(error as Error)?.stack ?? String(error)}\n`);
});

// The shell parser's wasm stays on V8's baseline compiler: the optimising one recompiles it at a peak
// of 50-60 MB that the C allocator never returns (RSS with the 100 largest corpus files open ~165 ->
// ~141 MB); the baseline code parses a keystroke's one RUN just as fast. Set here, not on the command
// line, where a Node that did not know the flag would refuse to start; the CLI keeps the default.
v8.setFlagsFromString('--liftoff-only');
delayOptimisation();

/**
 * V8 optimises a function only after twice the usual interpreted work. Right after a file opens,
 * the optimising compiler otherwise recompiles dozens of rules for that file's shapes while the
 * user types, and its jobs (on a 2-core machine, on the core the editor needs) and stalls set the
 * keystroke p95. Measured on Node 20 (`npm run bench -- --only lsp`, two runs of 50 keystrokes
 * each): 500-line p95 8.4-10.5 -> 5.8-7.0 ms, 5,000-line about the same (20-21 ms), 1,000-service
 * Compose p95 65-73 ms as before. Four times the work gave 500-line p95 4.5-6.7 ms but Compose p95
 * up to 100 ms. Set here, by V8 version, because the flag was renamed: an unknown flag on the
 * command line stops Node (code-server's Node 24 refused `--interrupt-budget`); on Node 24 its
 * successor `--invocation-count-for-turbofan` gave no gain, so nothing is set there.
 */
function delayOptimisation(): void {
  const major = Number(process.versions.v8.split('.')[0]);
  if (major === 11) v8.setFlagsFromString('--interrupt-budget=270336');
}

startServer(createConnection(ProposedFeatures.all));
