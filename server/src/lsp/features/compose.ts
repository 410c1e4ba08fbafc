import * as path from 'path';
import { DockerfileParser } from 'dockerfile-ast';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  CompletionItemKind, SymbolKind, FoldingRangeKind, DocumentHighlightKind,
  type CompletionItem, type DocumentHighlight, type TextEdit, type WorkspaceEdit, type DocumentLink, type DocumentSymbol, type FoldingRange, type Hover, type Location, type Position, type Range,
} from 'vscode-languageserver/node';
import { parseCompose, nodeAt, nodeRange, isPlainObject, type ComposeModel } from '../../engine/compose/model';
import { includedFiles } from '../../engine/compose/project';
import type { Workspace } from '../../engine/workspace';
import { isInsideRoots } from '../../engine/workspace';
import { pathToUri as fileUri } from '../convert';
import { describedValuesAt, enumValuesAt, keysAt, schemaAt, type PathStep } from './compose-schema';
import { locate, typingContext, type NodeHit } from './compose-locate';

/** Compose language features from the compose-spec schema and the project's files. */

export type Section = 'services' | 'networks' | 'volumes' | 'secrets' | 'configs';
const SECTIONS: readonly Section[] = ['services', 'networks', 'volumes', 'secrets', 'configs'];
const SYMBOL_KINDS: Record<string, SymbolKind> = {
  services: SymbolKind.Class, networks: SymbolKind.Interface, volumes: SymbolKind.Struct, secrets: SymbolKind.Key, configs: SymbolKind.File, models: SymbolKind.Module,
};
const COMPOSE_FILE = /^(?:docker-)?compose[\w.-]*\.ya?ml$|^[\w.-]*[-_.]compose\.ya?ml$/i;

/** What a value or key refers to: a definition in a top-level section, or a Dockerfile stage. */
export interface Reference {
  target: Section | 'stage';
  name: string;
  /** For `extends: { file, service }`: the only file to look in. */
  file?: string;
}

/** The reference at a path in a service (see the Compose spec for each of these keys). */
export function referenceAt(pathSteps: readonly PathStep[], kind: 'key' | 'value', value: string): Reference | undefined {
  if (pathSteps[0] !== 'services' || pathSteps.length < 3) return undefined;
  const rest = pathSteps.slice(2);
  const [first, second, third] = rest;
  const isItem = typeof second === 'number' && rest.length === 2 && kind === 'value';
  const isMapKey = typeof second === 'string' && rest.length === 2 && kind === 'key';
  const name = value.trim();
  switch (first) {
    case 'depends_on':
      return isItem || isMapKey ? { target: 'services', name } : undefined;
    case 'links':
      return isItem ? { target: 'services', name: name.split(':')[0] } : undefined;
    case 'volumes_from':
      return isItem && !name.startsWith('container:') ? { target: 'services', name: name.replace(/^service:/, '').split(':')[0] } : undefined;
    case 'extends':
      if (rest.length === 1 && kind === 'value') return { target: 'services', name };
      return second === 'service' && rest.length === 2 && kind === 'value' ? { target: 'services', name } : undefined;
    case 'network_mode':
      return rest.length === 1 && kind === 'value' && name.startsWith('service:') ? { target: 'services', name: name.slice('service:'.length) } : undefined;
    case 'networks':
      return isItem || isMapKey ? { target: 'networks', name } : undefined;
    case 'volumes': {
      if (isItem) {
        const source = name.split(':')[0];
        return name.includes(':') && isVolumeName(source) ? { target: 'volumes', name: source } : undefined;
      }
      return typeof second === 'number' && third === 'source' && rest.length === 3 && kind === 'value' && isVolumeName(name) ? { target: 'volumes', name } : undefined;
    }
    case 'secrets':
    case 'configs':
      if (isItem) return { target: first, name };
      return typeof second === 'number' && third === 'source' && rest.length === 3 && kind === 'value' ? { target: first, name } : undefined;
    case 'build':
      return second === 'target' && rest.length === 2 && kind === 'value' ? { target: 'stage', name } : undefined;
    default:
      return undefined;
  }
}

function isVolumeName(source: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source);
}

interface Definition {
  file: string;
  name: string;
  range: Range;
  /** The definition as written (for hovers). */
  snippet: string;
}

export class ComposeFeatures {
  /** Other files of the project, parsed once per content. */
  private readonly parsed = new Map<string, { text: string; model: ComposeModel }>();

  constructor(private readonly workspace: Workspace) {}

  private parse(file: string, text: string): ComposeModel {
    const hit = this.parsed.get(file);
    if (hit && hit.text === text) return hit.model;
    const model = parseCompose(file, text);
    if (this.parsed.size > 64) this.parsed.clear();
    this.parsed.set(file, { text, model });
    return model;
  }

  // ---- hover ----

  hover(model: ComposeModel, position: Position, onDisk: boolean): Hover | null {
    const hit = locate(model.document.contents as Node, model.lines.offsetAt(position));
    if (!hit) return null;
    const range = nodeRange(model, hit.node);
    const value = isScalar(hit.node) ? String(hit.node.value ?? '') : '';
    const reference = referenceAt(hit.path, hit.kind, value);
    if (reference) {
      const definition = this.definitionsOf(model, reference, onDisk, hit)[0];
      if (definition) {
        const where = path.resolve(definition.file) === path.resolve(model.path) ? '' : ` (${path.relative(path.dirname(path.resolve(model.path)), definition.file)})`;
        const label = reference.target === 'stage' ? 'Dockerfile stage' : reference.target.replace(/s$/, '');
        return { contents: { kind: 'markdown', value: `**${label} \`${reference.name}\`**${where}\n\n\`\`\`${reference.target === 'stage' ? 'dockerfile' : 'yaml'}\n${definition.snippet}\n\`\`\`` }, range };
      }
    }
    if (hit.kind !== 'key') return null;
    if (hit.path.length === 2 && SECTIONS.includes(hit.path[0] as Section)) {
      const definition = this.definitionsIn(model.path, model, hit.path[0] as Section).find((d) => d.name === hit.path[1]);
      const description = schemaAt(hit.path.slice(0, 1)).description;
      if (definition) return { contents: { kind: 'markdown', value: `**${String(hit.path[0]).replace(/s$/, '')} \`${definition.name}\`**${description ? `\n\n${description}` : ''}` }, range };
    }
    const description = schemaAt(hit.path).description;
    if (!description) return null;
    return { contents: { kind: 'markdown', value: `**${String(hit.path[hit.path.length - 1])}**\n\n${description}` }, range };
  }

  // ---- completion ----

  completion(model: ComposeModel, text: string, position: Position, onDisk: boolean): CompletionItem[] {
    const context = typingContext(text, position.line, position.character);
    const replace: Range = { start: { line: position.line, character: context.prefixStart }, end: position };
    const items: CompletionItem[] = [];
    const names = (section: Section | 'stage', steps: PathStep[], kind: 'key' | 'value'): void => {
      for (const name of this.namesFor(model, section, steps, onDisk)) {
        if (kind === 'key' && context.siblings.has(name)) continue;
        const insert = kind === 'key' ? `${name}:` : name;
        items.push({ label: name, kind: CompletionItemKind.Reference, detail: section === 'stage' ? 'Dockerfile stage' : section.replace(/s$/, ''), textEdit: { range: replace, newText: insert }, sortText: `0${name}` });
      }
    };
    if (context.mode === 'value') {
      const probe = referenceAt(context.path, 'value', 'probe');
      if (probe) names(probe.target, context.path, 'value');
      else if (context.path[2] === 'network_mode' && context.path.length === 3) {
        for (const name of this.namesFor(model, 'services', context.path, onDisk)) items.push({ label: `service:${name}`, kind: CompletionItemKind.Reference, textEdit: { range: replace, newText: `service:${name}` } });
      }
      const quoted = /["']$/.test((text.split(/\r?\n/)[position.line] ?? '').slice(0, context.prefixStart));
      for (const value of enumValuesAt(context.path)) items.push({ label: value, kind: CompletionItemKind.EnumMember, textEdit: { range: replace, newText: value }, sortText: `1${value}` });
      for (const value of describedValuesAt(context.path)) {
        // `restart: no` is the boolean false to YAML 1.1 readers: the spec writes it quoted.
        const newText = !quoted && /^(?:y|n|yes|no|on|off|true|false)$/i.test(value) ? `"${value}"` : value;
        items.push({ label: value, kind: CompletionItemKind.EnumMember, textEdit: { range: replace, newText }, sortText: `1${value}` });
      }
      return items;
    }
    // A key, or a bare list item (`- db`) where the list holds names.
    if (context.item) {
      const probe = referenceAt(context.path, 'value', 'probe');
      if (probe) names(probe.target, context.path, 'value');
    } else {
      const probe = referenceAt([...context.path, 'probe'], 'key', 'probe');
      if (probe) names(probe.target, context.path, 'key');
    }
    for (const proposal of keysAt(context.path)) {
      if (context.siblings.has(proposal.key) || proposal.deprecated) continue;
      items.push({
        label: proposal.key,
        kind: CompletionItemKind.Property,
        documentation: proposal.description ? { kind: 'markdown', value: proposal.description } : undefined,
        textEdit: { range: replace, newText: `${proposal.key}:` },
        sortText: `2${proposal.key}`,
      });
    }
    return items;
  }

  private namesFor(model: ComposeModel, section: Section | 'stage', steps: readonly PathStep[], onDisk: boolean): string[] {
    if (section === 'stage') return this.stages(model, String(steps[1])).map((d) => d.name);
    const names = new Set<string>();
    for (const file of this.projectFiles(model, onDisk)) for (const d of this.definitionsIn(file.path, file.model, section)) names.add(d.name);
    if (section === 'networks') names.add('default');
    // A service does not depend on itself.
    if (section === 'services' && steps[0] === 'services') names.delete(String(steps[1]));
    return [...names].sort();
  }

  // ---- definition ----

  definition(model: ComposeModel, position: Position, onDisk: boolean): Location[] {
    const hit = locate(model.document.contents as Node, model.lines.offsetAt(position));
    if (!hit || !isScalar(hit.node)) return [];
    const reference = referenceAt(hit.path, hit.kind, String(hit.node.value ?? ''));
    if (!reference) return [];
    return this.definitionsOf(model, reference, onDisk, hit).map((d) => ({ uri: fileUri(d.file), range: d.range }));
  }

  private definitionsOf(model: ComposeModel, reference: Reference, onDisk: boolean, hit: NodeHit): Definition[] {
    if (reference.target === 'stage') return this.stages(model, String(hit.path[1])).filter((d) => d.name === reference.name);
    const serviceName = String(hit.path[1]);
    if (hit.path[2] === 'extends') {
      const file = this.extendsFile(model, serviceName);
      if (file) {
        const text = this.workspace.readFile(file);
        return text === undefined ? [] : this.definitionsIn(file, this.parse(file, text), 'services').filter((d) => d.name === reference.name);
      }
    }
    const found: Definition[] = [];
    for (const file of this.projectFiles(model, onDisk)) {
      for (const d of this.definitionsIn(file.path, file.model, reference.target)) if (d.name === reference.name) found.push(d);
    }
    return found;
  }

  private extendsFile(model: ComposeModel, serviceName: string): string | undefined {
    const service = (model.value as Record<string, Record<string, unknown>> | undefined)?.services?.[serviceName];
    const extendsValue = isPlainObject(service) ? service.extends : undefined;
    const file = isPlainObject(extendsValue) ? extendsValue.file : undefined;
    return typeof file === 'string' && !file.includes('$') ? path.resolve(path.dirname(model.path), file) : undefined;
  }

  private definitionsIn(file: string, model: ComposeModel, section: Section): Definition[] {
    const hit = nodeAt(model, [section]);
    if (hit.depth !== 1 || !isMap(hit.node)) return [];
    return hit.node.items.flatMap((pair) => {
      if (!isScalar(pair.key)) return [];
      const range = nodeRange(model, pair.key as Node);
      const whole = nodeRange(model, pair);
      if (!range || !whole) return [];
      return [{ file, name: String(pair.key.value), range, snippet: snippet(model, whole) }];
    });
  }

  /** This file, the files it includes, and the Compose files beside it and above it (override files). */
  private projectFiles(model: ComposeModel, onDisk: boolean): { path: string; model: ComposeModel }[] {
    const files = [{ path: model.path, model }];
    if (!onDisk) return files;
    const seen = new Set([path.resolve(model.path)]);
    const visit = (file: string, depth: number) => {
      const resolved = path.resolve(file);
      if (seen.has(resolved) || depth > 5) return;
      seen.add(resolved);
      const text = this.workspace.readFile(resolved);
      if (text === undefined) return;
      const other = this.parse(resolved, text);
      files.push({ path: resolved, model: other });
      if (isPlainObject(other.value)) for (const included of includedFiles(other.value, resolved)) visit(included, depth + 1);
    };
    if (isPlainObject(model.value)) for (const included of includedFiles(model.value, model.path)) visit(included, 1);
    let dir = path.dirname(path.resolve(model.path));
    for (let level = 0; level < 4 && isInsideRoots(dir, this.workspace.roots); level++) {
      for (const entry of this.workspace.listDir(dir) ?? []) if (COMPOSE_FILE.test(entry)) visit(path.join(dir, entry), 1);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return files;
  }

  /** Stages (`FROM ... AS name`) of the Dockerfile a service builds. */
  private stages(model: ComposeModel, serviceName: string): Definition[] {
    const dockerfile = this.dockerfileOf(model, serviceName);
    if (!dockerfile) return [];
    const text = this.workspace.readFile(dockerfile);
    if (text === undefined) return [];
    const lines = text.split(/\r?\n/);
    const stages: Definition[] = [];
    for (const from of DockerfileParser.parse(text).getFROMs()) {
      const name = from.getBuildStage();
      const range = from.getBuildStageRange();
      if (name && range) stages.push({ file: dockerfile, name, range, snippet: lines[from.getRange().start.line] ?? '' });
    }
    return stages;
  }

  private dockerfileOf(model: ComposeModel, serviceName: string): string | undefined {
    const service = (model.value as Record<string, Record<string, unknown>> | undefined)?.services?.[serviceName];
    const build = isPlainObject(service) ? service.build : undefined;
    const context = typeof build === 'string' ? build : isPlainObject(build) ? (typeof build.context === 'string' ? build.context : '.') : undefined;
    if (context === undefined || context.includes('$') || /^[a-z]+:\/\//i.test(context)) return undefined;
    const dockerfile = isPlainObject(build) && typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile';
    if (dockerfile.includes('$')) return undefined;
    return path.resolve(path.dirname(path.resolve(model.path)), context, dockerfile);
  }

  // ---- highlight, rename ----

  /** The name under the cursor (a reference or a definition) and every place this file writes it. */
  highlight(model: ComposeModel, position: Position): DocumentHighlight[] {
    const symbol = this.symbolAt(model, position);
    if (!symbol) return [];
    return occurrences(model, symbol).map((o) => ({ range: o.range, kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  }

  prepareRename(model: ComposeModel, position: Position): Range | null {
    const symbol = this.symbolAt(model, position);
    if (!symbol || symbol.target === 'stage') return null;
    return occurrences(model, symbol).find((o) => inRange(position, o.range))?.range ?? null;
  }

  /** Renames a service, network, volume, secret or config where it is defined and referenced, across the project's files. */
  rename(model: ComposeModel, position: Position, newName: string, onDisk: boolean): WorkspaceEdit | null {
    const symbol = this.symbolAt(model, position);
    if (!symbol || symbol.target === 'stage' || !/^[a-zA-Z0-9._-]+$/.test(newName)) return null;
    const changes: Record<string, TextEdit[]> = {};
    for (const file of this.projectFiles(model, onDisk)) {
      const edits = occurrences(file.model, symbol).map((o) => ({ range: o.range, newText: newName }));
      if (edits.length > 0) changes[fileUri(file.path)] = edits;
    }
    return Object.keys(changes).length > 0 ? { changes } : null;
  }

  private symbolAt(model: ComposeModel, position: Position): Reference | undefined {
    const hit = locate(model.document.contents as Node, model.lines.offsetAt(position));
    if (!hit || !isScalar(hit.node)) return undefined;
    if (hit.kind === 'key' && hit.path.length === 2 && SECTIONS.includes(hit.path[0] as Section)) return { target: hit.path[0] as Section, name: String(hit.path[1]) };
    const reference = referenceAt(hit.path, hit.kind, String(hit.node.value ?? ''));
    if (!reference || (hit.path[2] === 'extends' && this.extendsFile(model, String(hit.path[1])))) return undefined;
    return reference;
  }

  // ---- symbols, folding ----

  documentSymbols(model: ComposeModel): DocumentSymbol[] {
    const root = model.document.contents;
    if (!isMap(root)) return [];
    const symbols: DocumentSymbol[] = [];
    for (const pair of root.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      const range = trimmed(model, nodeRange(model, pair));
      const selectionRange = nodeRange(model, pair.key as Node);
      if (!range || !selectionRange) continue;
      const symbol: DocumentSymbol = { name, kind: SYMBOL_KINDS[name] ?? SymbolKind.Property, range, selectionRange };
      if (name in SYMBOL_KINDS && isMap(pair.value)) {
        symbol.children = pair.value.items.flatMap((child) => {
          const childRange = trimmed(model, nodeRange(model, child));
          const childSelection = nodeRange(model, child.key as Node);
          if (!isScalar(child.key) || !childRange || !childSelection) return [];
          return [{ name: String(child.key.value), detail: detailOf(name, child), kind: SYMBOL_KINDS[name], range: childRange, selectionRange: childSelection }];
        });
      }
      symbols.push(symbol);
    }
    return symbols;
  }

  folding(model: ComposeModel): FoldingRange[] {
    const ranges: FoldingRange[] = [];
    const visit = (node: unknown, depth: number) => {
      if (depth > 64) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          const range = nodeRange(model, pair);
          if (range && isBlock(pair.value)) {
            const end = lastContentLine(model, range.end.line, range.end.character);
            if (end > range.start.line) ranges.push({ startLine: range.start.line, endLine: end });
          }
          visit(pair.value, depth + 1);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) {
          const range = nodeRange(model, item as Node);
          if (range && isBlock(item)) {
            const end = lastContentLine(model, range.end.line, range.end.character);
            if (end > range.start.line) ranges.push({ startLine: range.start.line, endLine: end });
          }
          visit(item, depth + 1);
        }
      }
    };
    visit(model.document.contents, 0);
    // Runs of comment lines.
    let start = -1;
    for (let line = 0; line <= model.lines.lineCount; line++) {
      const isComment = line < model.lines.lineCount && /^\s*#/.test(model.lines.lineText(line));
      if (isComment && start < 0) start = line;
      if (!isComment && start >= 0) {
        if (line - 1 > start) ranges.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
        start = -1;
      }
    }
    return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  }

  // ---- links ----

  links(model: ComposeModel): DocumentLink[] {
    const links: DocumentLink[] = [];
    const dir = path.dirname(path.resolve(model.path));
    const link = (node: unknown, base: string, resolveTo?: (p: string) => string) => {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const value = node.value;
      if (value.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.length === 0) return;
      const target = resolveTo ? resolveTo(value) : path.resolve(base, expandHome(value));
      const range = nodeRange(model, node as Node);
      if (!range) return;
      if (!this.workspace.exists(target) && this.workspace.listDir(target) === undefined) return;
      links.push({ range: unquotedRange(node as Node, range), target: fileUri(target), tooltip: path.relative(dir, target) || '.' });
    };
    const eachString = (node: unknown, f: (n: unknown) => void) => {
      if (isSeq(node)) for (const item of node.items) isMap(item) ? f(item.get('path', true)) : f(item);
      else f(node);
    };
    const root = model.document.contents;
    if (!isMap(root)) return links;
    const include = root.get('include', true);
    if (isSeq(include)) {
      for (const item of include.items) {
        if (isMap(item)) {
          eachString(item.get('path', true), (n) => link(n, dir));
          eachString(item.get('env_file', true), (n) => link(n, dir));
          link(item.get('project_directory', true), dir);
        } else link(item, dir);
      }
    }
    for (const section of ['secrets', 'configs'] as const) {
      const entries = root.get(section, true);
      if (isMap(entries)) for (const pair of entries.items) if (isMap(pair.value)) link(pair.value.get('file', true), dir);
    }
    const services = root.get('services', true);
    if (!isMap(services)) return links;
    for (const pair of services.items) {
      const service = pair.value;
      if (!isMap(service)) continue;
      eachString(service.get('env_file', true), (n) => link(n, dir));
      const extendsNode = service.get('extends', true);
      if (isMap(extendsNode)) link(extendsNode.get('file', true), dir);
      this.buildLinks(service, dir, link);
      const volumes = service.get('volumes', true);
      if (isSeq(volumes)) {
        for (const volume of volumes.items) {
          if (isScalar(volume) && typeof volume.value === 'string') {
            const source = volume.value.split(':')[0];
            if (/^(\.|\/|~)/.test(source) && volume.value.includes(':')) {
              const target = path.resolve(dir, expandHome(source));
              const range = nodeRange(model, volume as Node);
              if (range && (this.workspace.exists(target) || this.workspace.listDir(target) !== undefined)) {
                const start = unquotedRange(volume as Node, range).start;
                links.push({ range: { start, end: { line: start.line, character: start.character + source.length } }, target: fileUri(target), tooltip: path.relative(dir, target) || '.' });
              }
            }
          } else if (isMap(volume) && volume.get('type') === 'bind') link(volume.get('source', true), dir);
        }
      }
    }
    return links;
  }

  private buildLinks(service: YAMLMap, dir: string, link: (node: unknown, base: string, resolveTo?: (p: string) => string) => void): void {
    const build: unknown = service.get('build', true);
    if (isScalar(build)) {
      link(build, dir);
      return;
    }
    if (!isMap(build)) return;
    const context = build.get('context');
    const contextDir = typeof context === 'string' && !context.includes('$') && !/^[a-z]+:\/\//i.test(context) ? path.resolve(dir, context) : dir;
    link(build.get('context', true), dir);
    link(build.get('dockerfile', true), contextDir);
  }
}

/** A block node's range ends after its newline: end it at the last character written instead. */
function trimmed(model: ComposeModel, range: Range | undefined): Range | undefined {
  if (!range || range.end.character !== 0 || range.end.line <= range.start.line) return range;
  const line = lastContentLine(model, range.end.line, 0);
  return { start: range.start, end: { line, character: model.lines.lineText(line).length } };
}

interface Occurrence {
  range: Range;
  definition: boolean;
}

/** Where a file defines and references `symbol` (not `extends` pointing into another file). */
function occurrences(model: ComposeModel, symbol: Reference): Occurrence[] {
  const found: Occurrence[] = [];
  if (symbol.target !== 'stage') {
    const section = nodeAt(model, [symbol.target]);
    if (section.depth === 1 && isMap(section.node)) {
      for (const pair of section.node.items) {
        if (isScalar(pair.key) && String(pair.key.value) === symbol.name) {
          const range = nodeRange(model, pair.key as Node);
          if (range) found.push({ range: unquotedRange(pair.key as Node, range), definition: true });
        }
      }
    }
  }
  const services = nodeAt(model, ['services']);
  if (services.depth !== 1 || !isMap(services.node)) return found;
  const visit = (node: unknown, steps: PathStep[], depth: number): void => {
    if (depth > 12) return;
    if (isMap(node)) {
      const extendsNode: unknown = steps.length === 2 ? node.get('extends', true) : undefined;
      const extendsFile = isMap(extendsNode) && extendsNode.has('file');
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (extendsFile && key === 'extends') continue;
        const keyPath = [...steps, key];
        if (steps.length >= 3) match(pair.key as Node, keyPath, 'key', key);
        visit(pair.value, keyPath, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...steps, i], depth + 1));
    } else if (isScalar(node) && typeof node.value === 'string' && steps.length >= 3) {
      match(node as Node, steps, 'value', node.value);
    }
  };
  const match = (node: Node, steps: PathStep[], kind: 'key' | 'value', value: string): void => {
    const reference = referenceAt(steps, kind, value);
    if (!reference || reference.target !== symbol.target || reference.name !== symbol.name) return;
    const range = nodeRange(model, node);
    if (!range || range.start.line !== range.end.line) return;
    const source = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
    const at = source.indexOf(reference.name, source.startsWith('service:') || /^["']service:/.test(source) ? source.indexOf(':') + 1 : 0);
    if (at < 0) return;
    found.push({ range: { start: { line: range.start.line, character: range.start.character + at }, end: { line: range.start.line, character: range.start.character + at + reference.name.length } }, definition: false });
  };
  for (const pair of services.node.items) if (isScalar(pair.key)) visit(pair.value, ['services', String(pair.key.value)], 0);
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function inRange(position: Position, range: Range): boolean {
  return (position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character))
    && (position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character));
}

function isBlock(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !(node as { flow?: boolean }).flow;
}

/** A node's end may sit on the next line (after the newline): fold to the last line with content. */
function lastContentLine(model: ComposeModel, line: number, character: number): number {
  let end = character === 0 ? line - 1 : line;
  while (end > 0 && /^\s*(#.*)?$/.test(model.lines.lineText(end))) end--;
  return end;
}

function detailOf(section: string, pair: Pair): string | undefined {
  if (section !== 'services' || !isMap(pair.value)) return undefined;
  const image = pair.value.get('image');
  if (typeof image === 'string') return image;
  return pair.value.has('build') ? 'build' : undefined;
}

function snippet(model: ComposeModel, range: Range): string {
  const lines: string[] = [];
  for (let line = range.start.line; line <= range.end.line && lines.length < 20; line++) {
    if (line === range.end.line && range.end.character === 0 && line > range.start.line) break;
    lines.push(model.lines.lineText(line));
  }
  const indent = Math.min(...lines.filter((l) => l.trim().length > 0).map((l) => /^\s*/.exec(l)![0].length));
  const body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n').replace(/\s+$/, '');
  return range.end.line - range.start.line >= 20 ? `${body}\n…` : body;
}

function unquotedRange(node: Node, range: Range): Range {
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  if (!quoted || range.start.line !== range.end.line) return range;
  return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: Math.max(range.start.character + 1, range.end.character - 1) } };
}

function expandHome(value: string): string {
  return value.startsWith('~/') && process.env.HOME ? path.join(process.env.HOME, value.slice(2)) : value;
}
