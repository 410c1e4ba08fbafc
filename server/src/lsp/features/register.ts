import {
  HoverRequest, CompletionRequest, SignatureHelpRequest, DocumentSymbolRequest, FoldingRangeRequest, DocumentHighlightRequest,
  DefinitionRequest, RenameRequest, SemanticTokensRegistrationType, DocumentFormattingRequest, DocumentRangeFormattingRequest,
  DocumentLinkRequest,
  type Connection, type TextDocuments, type ClientCapabilities, type ServerCapabilities, type DocumentSelector, type Disposable,
  type Hover, type Position, type MarkupContent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind, Finding } from '../../engine/finding';
import type { Workspace } from '../../engine/workspace';
import { parseCompose, type ComposeModel } from '../../engine/compose/model';
import { DockerfileFeatures, DOCKERFILE_TOKEN_TYPES, DOCKERFILE_TOKEN_MODIFIERS } from './dockerfile';
import { ComposeFeatures } from './compose';
import { findingsHover } from './rule-docs';
import { isOn, type LanguageFeatureSettings } from './settings';

/** What the features need from the server: documents, their kind and path, their findings and settings. */
export interface FeatureHost {
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  /** The document's kind and file path, or undefined when it is neither a Dockerfile nor a Compose file. */
  fileOf(document: TextDocument): { kind: FileKind; path: string; onDisk: boolean } | undefined;
  findings(document: TextDocument): Promise<readonly Finding[]>;
  settingsFor(uri: string): Promise<LanguageFeatureSettings>;
  log(key: string, message: string): void;
}

const DOCKERFILE_SELECTOR: DocumentSelector = [{ language: 'dockerfile' }];
const COMPOSE_SELECTOR: DocumentSelector = [
  { language: 'dockercompose' },
  { language: 'yaml', pattern: '**/compose*.{yml,yaml}' },
  { language: 'yaml', pattern: '**/*docker*compose*.{yml,yaml}' },
];

const COMPLETION_TRIGGERS = [' ', '=', '$', '-', ':', '{', '['];
const SIGNATURE_TRIGGERS = ['-', '[', ',', ' ', '='];
const SEMANTIC_LEGEND = { tokenTypes: DOCKERFILE_TOKEN_TYPES, tokenModifiers: DOCKERFILE_TOKEN_MODIFIERS };

type Capability = keyof NonNullable<ClientCapabilities['textDocument']>;

interface FeatureSpec {
  capability: Capability;
  /** Registers the feature dynamically for a selector. */
  register(connection: Connection, selector: DocumentSelector): Promise<Disposable>;
  /** The static capability, for clients that do not register dynamically. */
  static: Partial<ServerCapabilities>;
  kinds: readonly FileKind[];
  /** Offered even when the kind's language features are off (rule docs on findings). */
  always?: boolean;
}

const FEATURES: readonly FeatureSpec[] = [
  { capability: 'hover', kinds: ['dockerfile', 'compose'], always: true, static: { hoverProvider: true }, register: (c, s) => c.client.register(HoverRequest.type, { documentSelector: s }) },
  {
    capability: 'completion', kinds: ['dockerfile', 'compose'], static: { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true } },
    register: (c, s) => c.client.register(CompletionRequest.type, { documentSelector: s, triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true }),
  },
  {
    capability: 'signatureHelp', kinds: ['dockerfile'], static: { signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS } },
    register: (c, s) => c.client.register(SignatureHelpRequest.type, { documentSelector: s, triggerCharacters: SIGNATURE_TRIGGERS }),
  },
  { capability: 'documentSymbol', kinds: ['dockerfile', 'compose'], static: { documentSymbolProvider: true }, register: (c, s) => c.client.register(DocumentSymbolRequest.type, { documentSelector: s }) },
  { capability: 'foldingRange', kinds: ['dockerfile', 'compose'], static: { foldingRangeProvider: true }, register: (c, s) => c.client.register(FoldingRangeRequest.type, { documentSelector: s }) },
  { capability: 'documentHighlight', kinds: ['dockerfile', 'compose'], static: { documentHighlightProvider: true }, register: (c, s) => c.client.register(DocumentHighlightRequest.type, { documentSelector: s }) },
  { capability: 'definition', kinds: ['dockerfile', 'compose'], static: { definitionProvider: true }, register: (c, s) => c.client.register(DefinitionRequest.type, { documentSelector: s }) },
  {
    capability: 'rename', kinds: ['dockerfile', 'compose'], static: { renameProvider: { prepareProvider: true } },
    register: (c, s) => c.client.register(RenameRequest.type, { documentSelector: s, prepareProvider: true }),
  },
  {
    capability: 'semanticTokens', kinds: ['dockerfile'], static: { semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true } },
    register: (c, s) => c.client.register(SemanticTokensRegistrationType.type, { documentSelector: s, legend: SEMANTIC_LEGEND, full: true }),
  },
  { capability: 'formatting', kinds: ['dockerfile'], static: { documentFormattingProvider: true }, register: (c, s) => c.client.register(DocumentFormattingRequest.type, { documentSelector: s }) },
  { capability: 'rangeFormatting', kinds: ['dockerfile'], static: { documentRangeFormattingProvider: true }, register: (c, s) => c.client.register(DocumentRangeFormattingRequest.type, { documentSelector: s }) },
  { capability: 'documentLink', kinds: ['dockerfile', 'compose'], static: { documentLinkProvider: { resolveProvider: false } }, register: (c, s) => c.client.register(DocumentLinkRequest.type, { documentSelector: s, resolveProvider: false }) },
];

/**
 * Editor language features for Dockerfiles (through dockerfile-language-service) and Compose
 * files (from the compose-spec schema and the project's files), registered per file kind so
 * that `dockhand.languageFeatures.* = off` leaves the field to another extension.
 */
export class LanguageFeatures {
  private readonly dockerfile = new DockerfileFeatures();
  private readonly compose: ComposeFeatures;
  private readonly composeModels = new Map<string, { version: number; model: ComposeModel }>();
  private dynamic = new Set<Capability>();
  private registrations: Disposable[] = [];
  private registered = '';

  constructor(private readonly connection: Connection, private readonly host: FeatureHost) {
    this.compose = new ComposeFeatures(host.workspace);
    host.documents.onDidClose((event) => this.composeModels.delete(event.document.uri));
  }

  /** Static capabilities for what the client cannot register dynamically. */
  capabilities(client: ClientCapabilities, settings: LanguageFeatureSettings): Partial<ServerCapabilities> {
    const text = client.textDocument ?? {};
    this.dockerfile.setCapabilities({
      completion: { completionItem: text.completion?.completionItem },
      hover: { contentFormat: text.hover?.contentFormat },
      foldingRange: { lineFoldingOnly: text.foldingRange?.lineFoldingOnly, rangeLimit: text.foldingRange?.rangeLimit },
    });
    this.dockerfile.configure({ network: settings.onlineImageTags });
    const result: Partial<ServerCapabilities> = {};
    for (const feature of FEATURES) {
      const support = text[feature.capability] as { dynamicRegistration?: boolean } | undefined;
      if (support?.dynamicRegistration === true) this.dynamic.add(feature.capability);
      else Object.assign(result, feature.static);
    }
    return result;
  }

  /** After `initialized`, and whenever the settings change: register the features per kind. */
  async configure(settings: LanguageFeatureSettings): Promise<void> {
    this.dockerfile.configure({ network: settings.onlineImageTags });
    const key = JSON.stringify([isOn(settings.dockerfile), isOn(settings.compose)]);
    if (key === this.registered || this.dynamic.size === 0) return;
    this.registered = key;
    const previous = this.registrations;
    this.registrations = [];
    for (const registration of previous) registration.dispose();
    await Promise.all(FEATURES.map(async (feature) => {
      if (!this.dynamic.has(feature.capability)) return;
      const selector: DocumentSelector = [];
      if (feature.kinds.includes('dockerfile') && (feature.always || isOn(settings.dockerfile))) selector.push(...DOCKERFILE_SELECTOR);
      if (feature.kinds.includes('compose') && (feature.always || isOn(settings.compose))) selector.push(...COMPOSE_SELECTOR);
      if (selector.length === 0) return;
      try {
        this.registrations.push(await feature.register(this.connection, selector));
      } catch (error) {
        this.host.log(`register:${feature.capability}`, `Dockhand could not register ${feature.capability}: ${String(error)}`);
      }
    }));
  }

  /** The document and its kind when the kind's features are on. */
  private async target(uri: string, always = false) {
    const document = this.host.documents.get(uri);
    if (!document) return undefined;
    const file = this.host.fileOf(document);
    if (!file) return undefined;
    const settings = await this.host.settingsFor(uri);
    const on = isOn(file.kind === 'dockerfile' ? settings.dockerfile : settings.compose);
    if (!on && !always) return undefined;
    return { document, text: document.getText(), on, ...file };
  }

  /**
   * The parsed Compose file of this version. Completion may take the previous version's: it reads
   * only the names the project defines from it (the cursor is read from the text), and a
   * 100-service file takes tens of milliseconds to parse, which the user would wait for at every
   * keystroke. The next other request (outline, folding, hover: editors send them after edits)
   * parses the current version.
   */
  private composeModel(document: TextDocument, file: string, stale = false): ComposeModel {
    const cached = this.composeModels.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    if (cached && stale) return cached.model;
    const model = parseCompose(file, document.getText());
    this.composeModels.set(document.uri, { version: document.version, model });
    return model;
  }

  private guard<P, R>(name: string, fallback: R, handler: (params: P) => Promise<R> | R): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        this.host.log(`feature:${name}:${String(error)}`, `Dockhand ${name} failed: ${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    };
  }

  listen(): void {
    const c = this.connection;
    c.onHover(this.guard('hover', null, async (params) => {
      const t = await this.target(params.textDocument.uri, true);
      if (!t) return null;
      const findings = (await this.host.findings(t.document)).filter((f) => inside(params.position, f.range));
      const rules = findingsHover(findings);
      let language: Hover | null = null;
      if (t.on) {
        language = t.kind === 'dockerfile'
          ? this.dockerfile.hover(t.text, params.position)
          : this.compose.hover(this.composeModel(t.document, t.path), params.position, t.onDisk);
      }
      return mergeHovers(language, rules);
    }));
    c.onCompletion(this.guard('completion', [], async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return [];
      if (t.kind === 'dockerfile') return this.dockerfile.completion(t.text, params.position);
      return this.compose.completion(this.composeModel(t.document, t.path, true), t.text, params.position, t.onDisk);
    }));
    c.onCompletionResolve((item) => {
      try {
        return item.data === undefined || typeof item.data !== 'string' ? item : this.dockerfile.resolveCompletion(item);
      } catch {
        return item;
      }
    });
    c.onSignatureHelp(this.guard('signatureHelp', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      return t?.kind === 'dockerfile' ? this.dockerfile.signatureHelp(t.text, params.position) : null;
    }));
    c.onDocumentSymbol(this.guard('documentSymbol', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return null;
      return t.kind === 'dockerfile' ? this.dockerfile.documentSymbols(t.text) : this.compose.documentSymbols(this.composeModel(t.document, t.path));
    }));
    c.onFoldingRanges(this.guard('foldingRange', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return null;
      return t.kind === 'dockerfile' ? this.dockerfile.folding(t.text) : this.compose.folding(this.composeModel(t.document, t.path));
    }));
    c.onDocumentHighlight(this.guard('documentHighlight', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return null;
      return t.kind === 'dockerfile' ? this.dockerfile.highlight(t.text, params.position) : this.compose.highlight(this.composeModel(t.document, t.path), params.position);
    }));
    c.onDefinition(this.guard('definition', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return null;
      if (t.kind === 'dockerfile') return this.dockerfile.definition(params.textDocument.uri, t.text, params.position);
      return this.compose.definition(this.composeModel(t.document, t.path), params.position, t.onDisk);
    }));
    c.onPrepareRename(this.guard('prepareRename', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return null;
      return t.kind === 'dockerfile' ? this.dockerfile.prepareRename(t.text, params.position) : this.compose.prepareRename(this.composeModel(t.document, t.path), params.position);
    }));
    c.onRenameRequest(this.guard('rename', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return null;
      if (t.kind === 'dockerfile') return this.dockerfile.rename(params.textDocument.uri, t.text, params.position, params.newName);
      return this.compose.rename(this.composeModel(t.document, t.path), params.position, params.newName, t.onDisk);
    }));
    c.languages.semanticTokens.on(this.guard('semanticTokens', { data: [] }, async (params) => {
      const t = await this.target(params.textDocument.uri);
      return t?.kind === 'dockerfile' ? this.dockerfile.semanticTokens(t.text) : { data: [] };
    }));
    c.onDocumentFormatting(this.guard('formatting', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      return t?.kind === 'dockerfile' ? this.dockerfile.format(t.text, params.options) : null;
    }));
    c.onDocumentRangeFormatting(this.guard('rangeFormatting', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      return t?.kind === 'dockerfile' ? this.dockerfile.formatRange(t.text, params.range, params.options) : null;
    }));
    c.onDocumentLinks(this.guard('documentLink', null, async (params) => {
      const t = await this.target(params.textDocument.uri);
      if (!t) return null;
      return t.kind === 'dockerfile' ? this.dockerfile.links(t.text) : this.compose.links(this.composeModel(t.document, t.path));
    }));
  }
}

function inside(position: Position, range: Finding['range']): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

function mergeHovers(language: Hover | null, rules: MarkupContent | undefined): Hover | null {
  if (!rules) return language;
  if (!language) return { contents: rules };
  const text = markdownOf(language.contents);
  return { contents: { kind: 'markdown', value: `${rules.value}\n\n---\n\n${text}` }, range: language.range };
}

function markdownOf(contents: Hover['contents']): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : `\`\`\`${c.language}\n${c.value}\n\`\`\``)).join('\n\n');
  if ('kind' in contents) return contents.value;
  return `\`\`\`${contents.language}\n${contents.value}\n\`\`\``;
}
