import {
  DockerfileLanguageServiceFactory, type DockerfileLanguageService, type Capabilities,
} from 'dockerfile-language-service';
import { DockerAssist } from 'dockerfile-language-service/lib/dockerAssist';
import { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind } from 'vscode-languageserver/node';
import type {
  CompletionItem, DocumentHighlight, DocumentLink, DocumentSymbol, FoldingRange, FormattingOptions, Hover, Location,
  Position, Range, SemanticTokens, SignatureHelp, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver/node';
import { safeFormatEdits } from './dockerfile-format';

/** Legend of dockerfile-language-service's semantic tokens (its documented order). */
export const DOCKERFILE_TOKEN_TYPES = ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'];
export const DOCKERFILE_TOKEN_MODIFIERS = ['declaration', 'definition', 'deprecated'];

export interface DockerfileFeatureOptions {
  /** Docker Hub tag look-ups in FROM completion: off unless the user enables them. */
  network: boolean;
}

/** Registry client that asks nothing of the network unless allowed, and never waits long. */
class GuardedRegistryClient extends DockerRegistryClient {
  constructor(private readonly allowed: () => boolean) {
    super();
  }

  override getTags(image: string, prefix?: string): Promise<string[]> {
    if (!this.allowed()) return Promise.resolve([]);
    const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 3000).unref());
    return Promise.race([super.getTags(image, prefix).catch(() => []), timeout]);
  }
}

/**
 * Dockerfile language features: a thin wrapper over rcjsuen's dockerfile-language-service (the
 * library behind Microsoft's Dockerfile server), with the network switched off by default and
 * formatting kept to edits that cannot change the build.
 */
export class DockerfileFeatures {
  private readonly service: DockerfileLanguageService = DockerfileLanguageServiceFactory.createLanguageService();
  private readonly registry: GuardedRegistryClient;
  private capabilities: Capabilities = {};
  /** Whole-document answers for the last text: editors ask for outline, folding and tokens again and again per version. */
  private memo: { text: string; answers: Map<string, unknown> } = { text: '', answers: new Map() };

  private remember<T>(key: string, text: string, compute: () => T): T {
    if (this.memo.text !== text) this.memo = { text, answers: new Map() };
    if (!this.memo.answers.has(key)) this.memo.answers.set(key, compute());
    return this.memo.answers.get(key) as T;
  }

  constructor(private options: DockerfileFeatureOptions = { network: false }) {
    this.registry = new GuardedRegistryClient(() => this.options.network);
    this.service.setLogger({ log: () => undefined });
  }

  configure(options: DockerfileFeatureOptions): void {
    this.options = options;
  }

  setCapabilities(capabilities: Capabilities): void {
    this.capabilities = capabilities;
    this.service.setCapabilities(capabilities);
  }

  hover(text: string, position: Position): Hover | null {
    return this.service.computeHover(text, position);
  }

  async completion(text: string, position: Position): Promise<CompletionItem[]> {
    const document = TextDocument.create('', 'dockerfile', 0, text);
    const assist = new DockerAssist(document, this.registry, this.capabilities.completion?.completionItem ?? {});
    return assist.computeProposals(position);
  }

  resolveCompletion(item: CompletionItem): CompletionItem {
    return this.service.resolveCompletionItem(item);
  }

  signatureHelp(text: string, position: Position): SignatureHelp {
    return this.service.computeSignatureHelp(text, position);
  }

  /** The outline as a tree: each stage (`build (node:20)`) with its instructions, parser directives first. */
  documentSymbols(text: string): DocumentSymbol[] {
    return this.remember('symbols', text, () => this.computeSymbols(text));
  }

  private computeSymbols(text: string): DocumentSymbol[] {
    const dockerfile = DockerfileParser.parse(text);
    const tree: DocumentSymbol[] = [];
    let stage: DocumentSymbol | undefined;
    for (const instruction of dockerfile.getInstructions()) {
      const keyword = instruction.getKeyword().toUpperCase();
      const range = instruction.getRange();
      const args = instruction.getRawArgumentsContent() ?? '';
      const detail = oneLine(args);
      if (keyword === 'FROM') {
        stage = { name: stageName(instruction.getArguments().map((a) => a.getValue())), detail: 'stage', kind: SymbolKind.Class, range, selectionRange: instruction.getInstructionRange(), children: [] };
        tree.push(stage);
        continue;
      }
      const symbol: DocumentSymbol = { name: keyword, detail, kind: keywordKind(keyword), range, selectionRange: instruction.getInstructionRange() };
      if (stage) {
        stage.children!.push(symbol);
        stage.range = { start: stage.range.start, end: range.end };
      } else tree.push(symbol);
    }
    return tree;
  }

  folding(text: string): FoldingRange[] {
    return this.remember('folding', text, () => this.service.computeFoldingRanges(text));
  }

  highlight(text: string, position: Position): DocumentHighlight[] {
    return this.service.computeHighlightRanges(text, position);
  }

  definition(uri: string, text: string, position: Position): Location | null {
    return this.service.computeDefinition({ uri }, text, position) ?? null;
  }

  prepareRename(text: string, position: Position): Range | null {
    return this.service.prepareRename(text, position);
  }

  rename(uri: string, text: string, position: Position, newName: string): WorkspaceEdit | null {
    const edits = this.service.computeRename({ uri }, text, position, newName);
    return edits.length > 0 ? { changes: { [uri]: edits } } : null;
  }

  semanticTokens(text: string): SemanticTokens {
    return this.remember('tokens', text, () => this.computeSemanticTokens(text));
  }

  private computeSemanticTokens(text: string): SemanticTokens {
    try {
      return this.service.computeSemanticTokens(text);
    } catch {
      // dockerfile-language-service 0.16.1 recurses without end on a value ending in an escaped
      // backslash (`ENV C trailing\\backslash\\` before another line): no tokens, the grammar colours the file.
      return { data: [] };
    }
  }

  links(text: string): DocumentLink[] {
    return this.remember('links', text, () => this.service.computeLinks(text).map((link) => this.service.resolveLink(link)));
  }

  format(text: string, options: FormattingOptions): TextEdit[] {
    return safeFormatEdits(text, this.service.format(text, { ...options, ignoreMultilineInstructions: false }));
  }

  formatRange(text: string, range: Range, options: FormattingOptions): TextEdit[] {
    return safeFormatEdits(text, this.service.formatRange(text, range, { ...options, ignoreMultilineInstructions: false }));
  }
}

/** `FROM node:20 AS build` shows as `build (node:20)` in the outline. */
function stageName(words: readonly string[]): string {
  const plain = words.filter((w) => !w.startsWith('--'));
  const image = plain[0];
  const asIndex = plain.findIndex((w) => w.toUpperCase() === 'AS');
  const alias = asIndex >= 0 ? plain[asIndex + 1] : undefined;
  if (!image) return 'FROM';
  return alias ? `${alias} (${image})` : image;
}

function keywordKind(keyword: string): SymbolKind {
  if (keyword === 'ARG' || keyword === 'ENV') return SymbolKind.Variable;
  if (keyword === 'LABEL') return SymbolKind.Property;
  return SymbolKind.Function;
}

function oneLine(text: string): string {
  const flat = text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
