import * as path from 'path';
import { Parser, Language } from 'web-tree-sitter';
import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileModel } from './model';
import { keywordOf } from './model';
import { runtimeFile } from '../util/runtime-file';
import { reuseAcrossVersions } from './parse-cache';
import { runsPosixShell } from './suppress';
import { copySyntaxTree, type SyntaxNode } from './shell-tree';

/** A word of a shell command: its source text, its literal value when it has no expansions, its offsets. */
export interface ShellWord {
  text: string;
  value?: string;
  start: number;
  end: number;
}

export interface ShellCommand {
  name: string;
  nameWord: ShellWord;
  args: ShellWord[];
  /** `VAR=value` prefixes. */
  assignments: string[];
  start: number;
  end: number;
  /** Inside `sh -c '…'` (offsets are approximate there). */
  nested: boolean;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Offsets of the script in the document. */
  start: number;
  end: number;
  /** Text of the script as the shell sees it (continuations joined), aligned with document offsets. */
  source: string;
  hasError: boolean;
  /** `sh` for POSIX shells; anything else is not analysed. */
  shell: 'sh' | 'other';
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

function locate(file: string, packagePath: string): string {
  return runtimeFile(file, () => require.resolve(packagePath));
}

/** Loads tree-sitter and its bash grammar (wasm) once; rules need it before linting. */
export function initShellParser(): Promise<void> {
  loading ??= (async () => {
    const runtime = locate('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    const bash = await Language.load(locate('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'));
    const p = new Parser();
    p.setLanguage(bash);
    parser = p;
  })();
  return loading;
}

interface ParsedScript {
  commands: ShellCommand[];
  hasError: boolean;
}

/**
 * A parse kept by text, with its commands at the offsets of the first script that had the text
 * (`base`): that script takes them as they are, any other shifts a copy.
 */
interface CachedParse extends ParsedScript {
  base: number;
  /** The same parse with offsets relative to the script (base 0), for parseShell. */
  relative?: ParsedScript;
}

const SCRIPT_CACHE_LIMIT = 4000;
const scriptCache = new Map<string, CachedParse>();

const cacheClearers: (() => void)[] = [];

/** Forgets every cached shell parse and every fact cached from one (benchmarks measure cold parses with it). */
export function clearShellCache(): void {
  scriptCache.clear();
  scriptsByText.clear();
  variablesCache.clear();
  for (const clear of cacheClearers) clear();
}

/** Has clearShellCache also empty a cache of facts read from shell parses. */
export function clearWithShellCache(clear: () => void): void {
  cacheClearers.push(clear);
}

type TreeConsumer = (source: string, root: SyntaxNode) => void;
const treeConsumers: TreeConsumer[] = [];

/**
 * Lets a module extract its facts of a RUN script from the tree parseShell builds anyway, so each
 * script is parsed once; the consumer caches what it extracts (the tree is deleted right after).
 */
export function shareShellTrees(consumer: TreeConsumer): void {
  treeConsumers.push(consumer);
}

/** Commands of a POSIX shell script, with offsets relative to the script. Cached by text. */
export function parseShell(source: string): ParsedScript {
  const parsed = parseScript(source, false, 0);
  if (parsed.base === 0) return parsed;
  return (parsed.relative ??= { commands: shiftCommands(parsed.commands, -parsed.base), hasError: parsed.hasError });
}

/** The commands of `commands` moved by `by`. */
function shiftCommands(commands: ShellCommand[], by: number): ShellCommand[] {
  if (by === 0) return commands;
  const shifted = new Array<ShellCommand>(commands.length);
  for (let i = 0; i < commands.length; i++) shifted[i] = shiftCommand(commands[i], by, commands[i].nested);
  return shifted;
}

/**
 * The parse of `text`, its commands at `base` if it is parsed now (else at the base of the cached
 * parse). A RUN's script (`ofRun`) comes detached already, and its tree is shared with the other readers.
 */
function parseScript(text: string, ofRun: boolean, base: number): CachedParse {
  const cached = scriptCache.get(text);
  if (cached) return cached;
  if (!parser) throw new Error('shell parser not initialised: call initShellParser() first');
  // Cached, and so are the words cut from it.
  const source = ofRun ? text : detached(text);
  const parsedText = blankBacktickComments(source);
  const tree = parser.parse(parsedText);
  const result: CachedParse = { commands: [], hasError: false, base };
  if (tree) {
    result.hasError = tree.rootNode.hasError;
    const root = copySyntaxTree(tree, parsedText);
    tree.delete();
    collectCommands(root, base, false, result.commands);
    // The other readers parse the text as written: share the tree only when blanking changed nothing.
    if (ofRun && parsedText === source) {
      if (!variablesCache.has(source)) rememberVariables(source, variablesOf(source, root));
      for (const consumer of treeConsumers) consumer(source, root);
    }
  }
  if (scriptCache.size >= SCRIPT_CACHE_LIMIT) scriptCache.delete(scriptCache.keys().next().value as string);
  scriptCache.set(source, result);
  return result;
}

/**
 * `` `# comment` `` inside continued RUN lines is an idiom for inline comments; bash matches the
 * backticks first, tree-sitter lets the comment swallow the rest of the line. Same-length spaces.
 */
function blankBacktickComments(source: string): string {
  return source.includes('`#') ? source.replace(/`#[^`\n]*`/g, (m) => ' '.repeat(m.length)) : source;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

function collectCommands(node: SyntaxNode, base: number, nested: boolean, out: ShellCommand[]): void {
  const type = node.type;
  if (type === 'heredoc_body' || type === 'comment') return;
  if (type === 'command') {
    const command = toCommand(node, base, nested);
    if (command) {
      out.push(command);
      const inner = nestedScript(command);
      if (inner) {
        for (const c of parseShell(inner.text).commands) {
          out.push(shiftCommand(c, inner.offset, true));
        }
      }
    }
  }
  // The named children, without building the list of them.
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (children[i].isNamed) collectCommands(children[i], base, nested, out);
}

function toCommand(node: SyntaxNode, base: number, nested: boolean): ShellCommand | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const nameWord = toWord(nameNode, base);
  const args: ShellWord[] = [];
  const assignments: string[] = [];
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child.isNamed) continue;
    const type = child.type;
    if (type === 'variable_assignment') assignments.push(child.text);
    else if (child.startIndex > nameNode.startIndex && type !== 'file_redirect' && type !== 'herestring_redirect') {
      args.push(toWord(child, base));
    }
  }
  return {
    name: nameWord.value ?? nameWord.text,
    nameWord,
    args,
    assignments,
    start: base + node.startIndex,
    end: base + node.endIndex,
    nested,
  };
}

function toWord(node: SyntaxNode, base: number): ShellWord {
  const text = node.text;
  const type = node.type;
  // A word's value is its text unescaped: the text just cut serves for it.
  const value = type === 'word' || type === 'number' ? unescapeWord(text) : literalValue(node);
  return { text, value, start: base + node.startIndex, end: base + node.endIndex };
}

/** A bare word after quote removal: `\x` is `x`. */
function unescapeWord(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/g, '$1') : text;
}

/** The value a word has after quote removal, or undefined if it depends on an expansion. */
function literalValue(node: SyntaxNode): string | undefined {
  switch (node.type) {
    case 'command_name': {
      const inner = firstNamedChild(node);
      return inner ? literalValue(inner) : node.text;
    }
    case 'word':
    case 'number':
      return unescapeWord(node.text);
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      let value = '';
      for (const child of node.children) {
        if (!child.isNamed) continue;
        if (child.type !== 'string_content') return undefined;
        const text = child.text;
        value += text.includes('\\') ? text.replace(/\\([$`"\\\n])/g, '$1') : text;
      }
      return value;
    }
    case 'concatenation': {
      let value = '';
      for (const child of node.children) {
        if (!child.isNamed) continue;
        const part = literalValue(child);
        if (part === undefined) return undefined;
        value += part;
      }
      return value;
    }
    default:
      return undefined;
  }
}

function firstNamedChild(node: SyntaxNode): SyntaxNode | undefined {
  for (const child of node.children) if (child.isNamed) return child;
  return undefined;
}

function nestedScript(command: ShellCommand): { text: string; offset: number } | undefined {
  if (!SHELLS.has(programName(command.name))) return undefined;
  const flag = command.args.findIndex((a) => a.value !== undefined && /^-[a-z]*c[a-z]*$/.test(a.value));
  const script = flag >= 0 ? command.args[flag + 1] : undefined;
  if (!script || script.value === undefined) return undefined;
  const quoted = script.text.startsWith("'") || script.text.startsWith('"');
  return { text: script.value, offset: script.start + (quoted ? 1 : 0) };
}

function shiftCommand(c: ShellCommand, by: number, nested: boolean): ShellCommand {
  const args: ShellWord[] = new Array<ShellWord>(c.args.length);
  for (let i = 0; i < args.length; i++) args[i] = shiftWord(c.args[i], by);
  return { name: c.name, nameWord: shiftWord(c.nameWord, by), args, assignments: c.assignments, start: c.start + by, end: c.end + by, nested };
}

function shiftWord(w: ShellWord, by: number): ShellWord {
  return { text: w.text, value: w.value, start: w.start + by, end: w.end + by };
}

/**
 * A RUN's scripts with what they depend on besides the RUN's text, and the facts rules derive from
 * them. The same object serves every later version in which the RUN keeps its text and offset, so
 * those facts are computed once for all of them.
 */
export interface RunShell {
  start: number;
  shell: 'sh' | 'other';
  escapeChar: string;
  scripts: ShellScript[];
  /** `RUN ["executable", "arg"]`: no shell parses it. */
  execForm: boolean;
  commands?: ShellCommand[];
  facts?: Map<symbol, unknown>;
}

/**
 * Kept on the RUN instruction itself and enumerable: the incremental parser copies an unchanged
 * instruction into the next version with its enumerable properties, so the copy finds its scripts
 * without building a key from its text.
 */
const REUSABLE_SHELL = Symbol('dockhand.reusableRunShell');
/** The RunShell checked for this very instruction object (one version); not enumerable, so copies do not inherit it. */
const CHECKED_SHELL = Symbol('dockhand.runShell');

type ShellSlots = Record<symbol, RunShell | undefined>;

/** The RunShell of a RUN in this version: reused from an earlier version when nothing it depends on changed. */
export function runShell(model: DockerfileModel, run: Instruction): RunShell {
  const slots = run as unknown as ShellSlots;
  const checked = slots[CHECKED_SHELL];
  if (checked) return checked;
  // The scripts depend only on the RUN's text, where it starts, its shell and the escape
  // character: a RUN that an edit elsewhere left alone is taken from the previous version,
  // moved by as much as the edit shifted it.
  const range = run.getRange();
  const start = model.lines.offsetAt(range.start);
  const shell = activeShell(model, run);
  const reuse = reuseAcrossVersions.enabled;
  let previous = reuse ? slots[REUSABLE_SHELL] : undefined;
  if (previous && (previous.shell !== shell || previous.escapeChar !== model.escapeChar)) previous = undefined;
  let key: string | undefined;
  if (reuse && !previous) {
    // Detached before the lookup, so a new entry is stored under the very string that was hashed.
    key = detached(model.text.slice(start, model.lines.offsetAt(range.end)));
    previous = scriptsByText.get(key);
    if (previous && (previous.shell !== shell || previous.escapeChar !== model.escapeChar)) previous = undefined;
  }
  let found: RunShell;
  if (previous && previous.start === start) found = previous;
  else {
    const by = previous ? start - previous.start : 0;
    const { scripts, execForm } = previous
      ? { scripts: previous.scripts.map((script) => shiftScript(script, by)), execForm: previous.execForm }
      : computeRunScripts(model, run as Run, shell);
    found = { start, shell, escapeChar: model.escapeChar, scripts, execForm };
  }
  if (key !== undefined) {
    if (!scriptsByText.has(key) && scriptsByText.size >= SCRIPT_CACHE_LIMIT) scriptsByText.delete(scriptsByText.keys().next().value as string);
    scriptsByText.set(key, found);
  }
  if (reuse && slots[REUSABLE_SHELL] !== found) slots[REUSABLE_SHELL] = found;
  Object.defineProperty(run, CHECKED_SHELL, { value: found, enumerable: false, writable: true, configurable: true });
  return found;
}

/**
 * The shell scripts a RUN instruction executes (one, or one per leading heredoc), with every
 * command and word at its offset in the Dockerfile.
 */
export function runScripts(model: DockerfileModel, run: Instruction): ShellScript[] {
  return runShell(model, run).scripts;
}

/** RunShells by the RUN's text (each is checked for its shell and escape character). */
const scriptsByText = new Map<string, RunShell>();

function shiftScript(script: ShellScript, by: number): ShellScript {
  return { ...script, commands: script.commands.map((c) => shiftCommand(c, by, c.nested)), start: script.start + by, end: script.end + by };
}

/** Every command of every script of a RUN, in order. Kept across versions for a RUN an edit left in place. */
export function runCommands(model: DockerfileModel, run: Instruction): ShellCommand[] {
  return commandsOfShell(runShell(model, run));
}

export function commandsOfShell(found: RunShell): ShellCommand[] {
  return (found.commands ??= found.scripts.length === 1 ? found.scripts[0].commands : found.scripts.flatMap((s) => s.commands));
}

/**
 * A fact derived from a RUN's commands alone (named by `fact`), computed once and kept across
 * versions for as long as the RUN keeps its text and offset.
 */
export function factOfShell<T>(found: RunShell, fact: symbol, derive: (commands: ShellCommand[]) => T): T {
  const facts = (found.facts ??= new Map());
  const known = facts.get(fact) as T | undefined;
  if (known !== undefined || facts.has(fact)) return known as T;
  const value = derive(commandsOfShell(found));
  facts.set(fact, value);
  return value;
}

function computeRunScripts(model: DockerfileModel, run: Run, shell: 'sh' | 'other'): { scripts: ShellScript[]; execForm: boolean } {
  const args = run.getArguments();
  if (args.length === 0) return { scripts: [], execForm: false };
  const start = model.lines.offsetAt(args[0].getRange().start);
  const end = model.lines.offsetAt(run.getRange().end);
  const json = run.getJSONStrings();
  if (json.length > 0 && model.text[start] === '[') return { scripts: [execFormScript(model, json, start, end)], execForm: true };
  return { scripts: shellFormScripts(model, run, shell, args[0].getValue().startsWith('<<'), start, end), execForm: false };
}

function shellFormScripts(model: DockerfileModel, run: Run, shell: 'sh' | 'other', heredocFirst: boolean, start: number, end: number): ShellScript[] {
  const heredocs = run.getHeredocs();
  if (heredocs.length > 0 && heredocFirst) {
    return heredocs.flatMap((h) => {
      const content = h.getContentRange();
      if (!content) return [];
      const s = model.lines.offsetAt(content.start);
      const e = model.lines.offsetAt(content.end);
      const text = model.text.slice(s, e);
      if (text.startsWith('#!') && !/^#!\s*\S*\/(ba|da|a|z)?sh\b/.test(text)) return [];
      return [makeScript(detached(text.replace(/\r/g, ' ')), s, e, shell)];
    });
  }
  const raw = model.text.slice(start, end);
  const source = detached(heredocs.length > 0 ? raw.replace(/\r/g, ' ') : joinContinuations(raw, model.escapeChar));
  return [makeScript(source, start, end, shell)];
}

function makeScript(source: string, start: number, end: number, shell: 'sh' | 'other'): ShellScript {
  if (shell !== 'sh') return { commands: [], start, end, source, hasError: false, shell };
  const parsed = parseScript(source, true, start);
  return {
    commands: shiftCommands(parsed.commands, start - parsed.base),
    start,
    end,
    source,
    hasError: parsed.hasError,
    shell,
  };
}

function execFormScript(
  model: DockerfileModel,
  json: { getValue(): string; getJSONValue?(): string; getRange(): { start: { line: number; character: number }; end: { line: number; character: number } } }[],
  start: number,
  end: number,
): ShellScript {
  const words: ShellWord[] = json.map((j) => {
    const s = model.lines.offsetAt(j.getRange().start);
    const e = model.lines.offsetAt(j.getRange().end);
    const text = detached(model.text.slice(s, e));
    let value: string | undefined;
    try {
      value = JSON.parse(text) as string;
    } catch {
      value = text.replace(/^"|"$/g, '');
    }
    return { text, value, start: s, end: e };
  });
  const [nameWord, ...args] = words;
  const command: ShellCommand = { name: nameWord.value ?? nameWord.text, nameWord, args, assignments: [], start, end, nested: false };
  const commands = [command];
  const inner = nestedScript(command);
  if (inner && parser) for (const c of parseShell(inner.text).commands) commands.push(shiftCommand(c, inner.offset, true));
  return { commands, start, end, source: detached(model.text.slice(start, end)), hasError: false, shell: 'sh' };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a slice as a view
 * of the whole string: a cached RUN body cut from a document would keep that whole version of the
 * document alive, one more version per keystroke in the RUN being edited.
 */
export function detached(text: string): string {
  // Appending flattens the text into a new string; the slice then views only that copy.
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/**
 * Makes a Dockerfile RUN body readable by a shell parser without moving any offset: line
 * continuations, and the comment and blank lines Docker drops inside them, become spaces.
 */
export function joinContinuations(raw: string, escapeChar: string): string {
  // One pass that copies the kept stretches and writes spaces for the dropped ones.
  let out = '';
  let copiedTo = 0;
  const blank = (from: number, to: number): void => {
    out += raw.slice(copiedTo, from) + ' '.repeat(to - from);
    copiedTo = to;
  };
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    const first = firstNonSpace(raw, lineStart, lineEnd);
    if (lineStart > 0 && (first === lineEnd || raw.charCodeAt(first) === 0x23 /* # */)) {
      blank(lineStart, Math.min(lineEnd + 1, raw.length));
    } else {
      let j = lineEnd - 1;
      while (j >= lineStart && (raw[j] === ' ' || raw[j] === '\t' || raw[j] === '\r')) j--;
      if (j >= lineStart && raw[j] === escapeChar && lineEnd < raw.length) blank(j, lineEnd + 1);
    }
    lineStart = lineEnd + 1;
  }
  out = copiedTo === 0 ? raw : out + raw.slice(copiedTo);
  return out.includes('\r') ? out.replace(/\r/g, ' ') : out;
}

/** The first offset in [from, to) that String.prototype.trim would keep, or `to`. */
function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isTrimmedSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The characters String.prototype.trim removes (whitespace and line terminators). */
function isTrimmedSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `sh` unless a SHELL instruction earlier in the stage (or a Windows base) switched away from a POSIX shell. */
function activeShell(model: DockerfileModel, run: Instruction): 'sh' | 'other' {
  if (!runsPosixShell(model)) return 'other';
  const indexed = shellIndex(model).get(run);
  if (indexed) return indexed;
  const line = run.getRange().start.line;
  let shell: 'sh' | 'other' = 'sh';
  for (const stage of model.stages) {
    if (stage.from.getRange().start.line > line) break;
    shell = /windows|nanoserver|servercore/i.test(stage.image.resolved ?? stage.image.raw) ? 'other' : 'sh';
    for (const instruction of stage.instructions) {
      if (instruction.getRange().start.line >= line) break;
      if (keywordOf(instruction) === 'SHELL') {
        const first = (instruction as Run).getJSONStrings()[0]?.getValue().replace(/"/g, '') ?? '';
        shell = SHELLS.has(path.posix.basename(first)) ? 'sh' : 'other';
      }
    }
  }
  return shell;
}

const shellIndexes = new WeakMap<DockerfileModel, Map<Instruction, 'sh' | 'other'>>();

/** The shell in effect at each RUN of a stage, found in one pass (what `activeShell` finds for one). */
function shellIndex(model: DockerfileModel): Map<Instruction, 'sh' | 'other'> {
  let index = shellIndexes.get(model);
  if (index) return index;
  index = new Map();
  for (const stage of model.stages) {
    let shell: 'sh' | 'other' = /windows|nanoserver|servercore/i.test(stage.image.resolved ?? stage.image.raw) ? 'other' : 'sh';
    for (const instruction of stage.instructions) {
      const keyword = keywordOf(instruction);
      // Only RUNs are asked about; the others would only make the map bigger.
      if (keyword === 'RUN') index.set(instruction, shell);
      else if (keyword === 'SHELL') {
        const first = (instruction as Run).getJSONStrings()[0]?.getValue().replace(/"/g, '') ?? '';
        shell = SHELLS.has(path.posix.basename(first)) ? 'sh' : 'other';
      }
    }
  }
  shellIndexes.set(model, index);
  return index;
}

/** Command helpers shared by the package-manager rules. */

/** The program a command names, `pip3` for `/usr/bin/pip3` (path.posix.basename, minus its cost for a name without a slash). */
export function programName(name: string): string {
  return name.includes('/') ? path.posix.basename(name) : name;
}

/** The command with `sudo`, `env VAR=…`, `nice`, `time`, `exec` and the like peeled off. */
export function unwrap(command: ShellCommand): ShellCommand {
  let current = command;
  for (let guard = 0; guard < 4; guard++) {
    const base = programName(current.name);
    if (!WRAPPERS.has(base)) return current;
    let i = 0;
    while (i < current.args.length) {
      const v = current.args[i].value ?? '';
      if (v.startsWith('-') || (base === 'env' && v.includes('='))) {
        i += base === 'sudo' && /^-[ugCDhprt]$/.test(v) ? 2 : 1;
      } else break;
    }
    const nameWord = current.args[i];
    if (!nameWord) return current;
    current = { ...current, name: nameWord.value ?? nameWord.text, nameWord, args: current.args.slice(i + 1) };
  }
  return current;
}

const WRAPPERS = new Set(['sudo', 'env', 'nice', 'nohup', 'time', 'exec', 'command', 'stdbuf', 'ionice', 'doas']);

/** The first positional (non-flag) arguments of a command. */
export function positionals(command: ShellCommand): ShellWord[] {
  return command.args.filter((a) => !(a.value ?? a.text).startsWith('-'));
}

/** The subcommand: first positional argument (`npm ci` → `ci`). */
export function subcommand(command: ShellCommand): string | undefined {
  const first = positionals(command)[0];
  return first?.value;
}

/**
 * True when a flag is present: `--name`, `--name=value`, or a short flag alone or inside a
 * group (`-y` in `-qy`). Long names are given with their dashes.
 */
export function hasFlag(command: ShellCommand, ...flags: string[]): boolean {
  for (const arg of command.args) {
    const v = arg.value ?? arg.text;
    if (v === '--') return false;
    for (const flag of flags) {
      if (flag.startsWith('--')) {
        if (v === flag || (v.length > flag.length && v.charCodeAt(flag.length) === 0x3d /* = */ && v.startsWith(flag))) return true;
      } else if (isShortFlagGroup(flag) && flag.length === 2 && isShortFlagGroup(v) && v.includes(flag[1])) {
        return true;
      } else if (v === flag) return true;
    }
  }
  return false;
}

/** `-x`, `-qy`: a dash and ASCII letters only. */
function isShortFlagGroup(word: string): boolean {
  if (word.length < 2 || word.charCodeAt(0) !== 0x2d /* - */) return false;
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

/** The value of `--flag=value` or `--flag value`. */
export function flagValue(command: ShellCommand, flag: string): string | undefined {
  for (let i = 0; i < command.args.length; i++) {
    const v = command.args[i].value ?? command.args[i].text;
    if (v.startsWith(flag + '=')) return v.slice(flag.length + 1);
    if (v === flag) return command.args[i + 1]?.value;
  }
  return undefined;
}

/** A variable a script sets for the commands after it: `export NAME=value`, `declare -x NAME=value`, or a bare `NAME=value`. */
export interface ScriptVariable {
  name: string;
  /** The literal value, undefined when it depends on an expansion. */
  value?: string;
  /** Exported (`export`, `declare -x`): child processes such as pip see it. */
  exported: boolean;
  /** Offset in the script. */
  start: number;
}

const variablesCache = new Map<string, ScriptVariable[]>();

/** Variables a POSIX shell script sets as statements (not `NAME=value cmd` prefixes, see ShellCommand.assignments). */
export function scriptVariables(source: string): ScriptVariable[] {
  const cached = variablesCache.get(source);
  if (cached) return cached;
  let out: ScriptVariable[] = [];
  if (parser && /[A-Za-z0-9_]=/.test(source)) {
    const tree = parser.parse(source);
    if (tree) {
      const root = copySyntaxTree(tree, source);
      tree.delete();
      out = variablesOf(source, root);
    }
  }
  rememberVariables(detached(source), out);
  return out;
}

function rememberVariables(source: string, variables: ScriptVariable[]): void {
  if (variablesCache.size >= SCRIPT_CACHE_LIMIT) variablesCache.delete(variablesCache.keys().next().value as string);
  variablesCache.set(source, variables);
}

function variablesOf(source: string, root: SyntaxNode): ScriptVariable[] {
  const out: ScriptVariable[] = [];
  if (!/[A-Za-z0-9_]=/.test(source)) return out;
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'heredoc_body' || node.type === 'comment' || node.type === 'command') return;
    if (node.type === 'variable_assignment') {
      const name = node.childForFieldName('name')?.text ?? '';
      const valueNode = node.childForFieldName('value');
      const exported = node.parent?.type === 'declaration_command'
        && (node.parent.firstChild?.text === 'export' || node.parent.namedChildren.some((c) => c?.text === '-x'));
      out.push({ name, value: valueNode ? literalValue(valueNode) : '', exported, start: node.startIndex });
      return;
    }
    for (const child of node.children) if (child.isNamed) visit(child);
  };
  visit(root);
  return out;
}

/**
 * Walks the syntax tree of a POSIX script, for rules that need more than its commands (bash-only
 * syntax, quoting). Not cached: callers cache what they extract. Nodes are valid only during the
 * walk; return false from `visit` to skip a node's children.
 */
export function visitShellSyntax(source: string, visit: (node: SyntaxNode) => boolean | void): void {
  if (!parser) throw new Error('shell parser not initialised: call initShellParser() first');
  const tree = parser.parse(source);
  if (!tree) return;
  const root = copySyntaxTree(tree, source);
  tree.delete();
  walkShellSyntax(root, visit);
}

/** visitShellSyntax over a tree the caller already has. */
export function walkShellSyntax(root: SyntaxNode, visit: (node: SyntaxNode) => boolean | void): void {
  const walk = (node: SyntaxNode): void => {
    if (visit(node) === false) return;
    const children = node.children;
    for (let i = 0; i < children.length; i++) walk(children[i]);
  };
  walk(root);
}
