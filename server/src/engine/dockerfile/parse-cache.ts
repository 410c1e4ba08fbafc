import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Instruction as InstructionClass } from 'dockerfile-ast/lib/instruction';
import { ModifiableInstruction as ModifiableInstructionClass } from 'dockerfile-ast/lib/modifiableInstruction';
import { From as FromClass } from 'dockerfile-ast/lib/instructions/from';
import { Dockerfile as DockerfileClass } from 'dockerfile-ast/lib/dockerfile';
import { Util } from 'dockerfile-ast/lib/util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { sameRange } from '../text';
import { keepRecent } from '../util/recent';
import { rawArguments } from './raw-arguments';

/**
 * Incremental Dockerfile parsing. dockerfile-ast builds every instruction eagerly and re-reads its
 * arguments several times while doing so (about 80 µs a line); re-parsing a 5,000-line file on
 * every keystroke costs hundreds of milliseconds. Here the parser still scans the whole text, but
 * an instruction whose keyword, position and text are unchanged since the previous version of the
 * same file is copied from that version instead of being rebuilt: a fresh object (so caches keyed
 * by instruction stay per version) pointing at the new document and Dockerfile, whose own lines are
 * identical. An edit that adds or removes lines moves every later instruction, which are then built
 * anew, exactly as before. The previous version is kept as its Dockerfile and indexed by instruction
 * text only when the file is parsed again, so a file parsed once (the CLI) pays nothing for it.
 */

type CreateInstruction = (document: TextDocument, dockerfile: Dockerfile, escapeChar: string, lineRange: Range, instruction: string, instructionRange: Range) => Instruction;

interface CreateCall {
  document: TextDocument;
  dockerfile: Dockerfile;
  escapeChar: string;
  lineRange: Range;
  instruction: string;
  instructionRange: Range;
}

/** One parse in progress: the previous version's instructions to copy from, and the last instruction made. */
interface Parse {
  previous?: Map<string, Instruction[]>;
  last?: { call: CreateCall; made: Instruction };
}

interface Version {
  text: string;
  ast: Dockerfile;
}

const POOL_FILES = 32;
/** The previous version of each recently parsed file; its instructions are indexed only when the file is parsed again. */
const pools = new Map<string, Version>();
let active: Parse | undefined;

const KEYWORD = Symbol('dockhand.keyword');
const RAW_ARGUMENTS = Symbol('dockhand.rawArguments');
const HEREDOCS = Symbol('dockhand.heredocs');
const ARGUMENTS = Symbol('dockhand.argumentsAfterFlags');

let installed = false;

const libraryGetRawArguments = (InstructionClass.prototype as unknown as { getRawArguments(): unknown[] }).getRawArguments;

/** dockerfile-ast's own `getRawArguments`, which `rawArguments` replaces: for the test that compares them. */
export function libraryRawArguments(instruction: Instruction): ReturnType<Instruction['getArguments']> {
  return libraryGetRawArguments.call(instruction) as ReturnType<Instruction['getArguments']>;
}

function install(): void {
  if (installed) return;
  installed = true;
  const parser = Parser as unknown as { createInstruction: CreateInstruction };
  const create = parser.createInstruction.bind(Parser);
  parser.createInstruction = (document, dockerfile, escapeChar, lineRange, instruction, instructionRange) => {
    if (!active) return create(document, dockerfile, escapeChar, lineRange, instruction, instructionRange);
    const call = { document, dockerfile, escapeChar, lineRange, instruction, instructionRange };
    // dockerfile-ast builds each instruction twice: once to look for heredocs, then for good with
    // the same arguments unless a heredoc body followed. The second build is the first's twin.
    if (active.last && sameCall(active.last.call, call)) return active.last.made;
    const previous = active.previous && instruction.toUpperCase() !== 'ONBUILD' ? reusable(active.previous, call) : undefined;
    const made = previous ? copyInto(previous, document, dockerfile) : withKeyword(create(document, dockerfile, escapeChar, lineRange, instruction, instructionRange), instruction);
    active.last = { call, made };
    return made;
  };
  // Asked twice per parse whether the text starts with a byte order mark, dockerfile-ast encodes
  // the first character into a new Buffer and copies it into a new Uint8Array to look at its bytes
  // (cold, ~0.1 ms a file); they are EF BB BF exactly when that character is U+FEFF.
  (Util as unknown as { isUTF8BOM(char: string): boolean }).isUTF8BOM = (char) => char.charCodeAt(0) === 0xfeff;
  // Arguments and heredocs depend only on the instruction's own text (its range covers its heredoc
  // bodies), which never changes for an instruction: compute them once, and hand out copies
  // (ModifiableInstruction.getArguments shifts the array it gets).
  const proto = InstructionClass.prototype as unknown as Record<'getRawArguments' | 'getHeredocs', () => unknown[]>;
  proto.getRawArguments = function (this: Instruction) {
    return rawArguments(this);
  };
  memoize(proto, 'getRawArguments', RAW_ARGUMENTS);
  // Every heredoc starts with `<<`: an instruction with no `<` in its text (most) has none, and
  // dockerfile-ast's character walk over its arguments is skipped.
  const heredocsOf = proto.getHeredocs;
  proto.getHeredocs = function (this: Instruction) {
    return this.getTextContent().includes('<') ? heredocsOf.call(this) : [];
  };
  memoize(proto, 'getHeredocs', HEREDOCS);
  memoizeArgumentsAfterFlags();
  // Asked of every instruction many times a lint (also by dockerfile-ast itself): the keyword kept when it was built.
  const keywordProto = InstructionClass.prototype as unknown as { getKeyword(this: Instruction): string };
  const keywordOfText = keywordProto.getKeyword;
  keywordProto.getKeyword = function (this: Instruction) {
    return storedKeyword(this) ?? keywordOfText.call(this);
  };
  // From.getImageNameRange and getRegistryRange move the ends of the range getImageRange gives
  // them, which is the image argument's own range: now that arguments are kept, give a copy.
  const from = FromClass.prototype as unknown as { getImageRange(): Range | null };
  const imageRange = from.getImageRange;
  from.getImageRange = function (this: unknown) {
    const range = imageRange.call(this);
    return range ? { start: { ...range.start }, end: { ...range.end } } : range;
  };
}

/** Rules ask every instruction for its keyword, many times a lint: keep it upper-cased on the instruction (copies carry it). */
function withKeyword(made: Instruction, written: string): Instruction {
  (made as unknown as Record<symbol, string>)[KEYWORD] = written.toUpperCase();
  return made;
}

/** The upper-case keyword kept when the parser built the instruction, if it did. */
export function storedKeyword(instruction: Instruction): string | undefined {
  return (instruction as unknown as Record<symbol, string | undefined>)[KEYWORD];
}

function memoize(proto: Record<string, () => unknown[]>, method: string, slot: symbol): void {
  const compute = proto[method];
  proto[method] = function (this: Record<symbol, unknown[] | undefined>) {
    let value = this[slot];
    if (!value) {
      try {
        value = compute.call(this);
      } catch {
        // dockerfile-ast throws on some malformed heredoc lines (found by fuzzing: a heredoc marker
        // whose definition it lost track of); treat the instruction as having none rather than
        // failing every rule that reads it.
        value = [];
      }
      // A plain (enumerable) property, so that the copies made for the next version carry it along.
      this[slot] = value;
    }
    return value!.slice();
  };
}

interface FlagFields {
  getFlags(): unknown[];
  getArguments(): unknown[];
}

/**
 * ModifiableInstruction.getArguments (the arguments after the flags, asked ~38,000 times a corpus
 * pass) once per instruction. Its getFlags reads the arguments through getArguments while it
 * collects the flags, getting them with the flags still in: no answer is kept while flags are
 * being collected, so only a complete one is.
 */
function memoizeArgumentsAfterFlags(): void {
  const proto = ModifiableInstructionClass.prototype as unknown as FlagFields;
  const compute = proto.getArguments;
  const flags = proto.getFlags;
  let collecting = false;
  proto.getFlags = function (this: FlagFields) {
    if (collecting) return flags.call(this);
    collecting = true;
    try {
      return flags.call(this);
    } finally {
      collecting = false;
    }
  };
  proto.getArguments = function (this: FlagFields & Record<symbol, unknown[] | undefined>) {
    if (collecting) return compute.call(this);
    let value = this[ARGUMENTS];
    if (!value) {
      collecting = true;
      try {
        value = compute.call(this);
      } finally {
        collecting = false;
      }
      // Enumerable, like the other kept answers: the next version's copies carry it.
      this[ARGUMENTS] = value;
    }
    return value.slice();
  };
}

function sameCall(a: CreateCall, b: CreateCall): boolean {
  return a.document === b.document && a.dockerfile === b.dockerfile && a.escapeChar === b.escapeChar && a.instruction === b.instruction
    && sameRange(a.lineRange, b.lineRange) && sameRange(a.instructionRange, b.instructionRange);
}

interface InstructionFields {
  document: TextDocument;
  range: Range;
  escapeChar: string;
  instruction: string;
  instructionRange: Range;
}

function textOf(document: TextDocument, range: Range): string {
  return document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

/** The previous version's instructions by their text (ONBUILD left out: its trigger is built on demand). */
function indexInstructions(ast: Dockerfile): Map<string, Instruction[]> {
  const byText = new Map<string, Instruction[]>();
  for (const instruction of ast.getInstructions()) {
    const fields = instruction as unknown as InstructionFields;
    if (fields.instruction.toUpperCase() === 'ONBUILD') continue;
    const text = textOf(fields.document, fields.range);
    const same = byText.get(text);
    if (same) same.push(instruction);
    else byText.set(text, [instruction]);
  }
  return byText;
}

/** An instruction of the previous version with the same text, keyword, position and escape character. */
function reusable(previous: Map<string, Instruction[]>, call: CreateCall): Instruction | undefined {
  const candidates = previous.get(textOf(call.document, call.lineRange));
  if (!candidates) return undefined;
  for (const candidate of candidates) {
    const fields = candidate as unknown as InstructionFields;
    if (fields.escapeChar === call.escapeChar && fields.instruction === call.instruction
      && sameRange(fields.range, call.lineRange) && sameRange(fields.instructionRange, call.instructionRange)) return candidate;
  }
  return undefined;
}

function copyInto(previous: Instruction, document: TextDocument, dockerfile: Dockerfile): Instruction {
  const copy = copyLine(previous, document);
  (copy as unknown as { dockerfile: Dockerfile }).dockerfile = dockerfile;
  return copy;
}

/** Reuse across versions (of instructions here, of RUN scripts in shell.ts); tests turn it off to compare. */
export const reuseAcrossVersions = { enabled: true };

/** Parses `text`, the current version of `file`, reusing what did not change since its previous version. */
export function parseDockerfileText(file: string, text: string): Dockerfile {
  install();
  const reuse = reuseAcrossVersions.enabled;
  const previous = reuse ? pools.get(file) : undefined;
  // The same text again (a code action, a Compose file reading the Dockerfile it builds): the same
  // parse, which also leaves the previous version in place for the next edit to splice into.
  if (previous && previous.text === text) {
    keepRecent(pools, file, previous, POOL_FILES);
    return previous.ast;
  }
  let ast = previous ? trySpliceParse(previous, text) : undefined;
  if (!ast) {
    active = { previous: previous ? indexInstructions(previous.ast) : undefined };
    try {
      ast = DockerfileParser.parse(text);
    } finally {
      active = undefined;
    }
  }
  if (reuse) keepRecent(pools, file, { text, ast }, POOL_FILES);
  return ast;
}

/** A splice that fails in any way leaves the work to a full parse, which behaves as it always did. */
function trySpliceParse(previous: Version, text: string): Dockerfile | undefined {
  try {
    return spliceParse(previous, text);
  } catch {
    return undefined;
  }
}

interface ParserState {
  document: TextDocument;
  buffer: string;
  escapeChar: string;
  processInstruction(dockerfile: Dockerfile, char: string, start: number): number;
}

interface LineFields {
  document: TextDocument;
  range: Range;
}

/**
 * Typing within one line of an instruction, the usual edit, changes no line break: every other
 * instruction, comment and directive keeps its line and column, and dockerfile-ast, after an
 * instruction, resumes scanning where it ended with nothing else carried over. So the previous
 * version's Dockerfile is rebuilt around the one instruction, which alone is parsed again (with the
 * parser's own instruction scanner); its siblings are copied as a full parse with reuse would copy
 * them. Undefined (parse it all) when the edit adds or removes a line break, touches anything but
 * the inside of one instruction, or the instruction now ends elsewhere (a new continuation or heredoc).
 */
function spliceParse(previous: Version, text: string): Dockerfile | undefined {
  const old = previous.text;
  if (old === text) return undefined;
  const start = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  if (hasLineBreak(old, start, old.length - tail) || hasLineBreak(text, start, text.length - tail)) return undefined;
  // Typed between the two halves of a CRLF, or joining a lone CR and LF into one.
  if (start > 0 && text.charCodeAt(start - 1) === 13 && text.charCodeAt(text.length - tail) === 10) return undefined;

  const oldDocument = (previous.ast as unknown as LineFields).document;
  const instructions = previous.ast.getInstructions();
  const edited = instructionAtLine(instructions, oldDocument.positionAt(start).line);
  if (edited === undefined) return undefined;
  const editedFields = instructions[edited] as unknown as InstructionFields;
  const from = oldDocument.offsetAt(editedFields.range.start);
  const to = oldDocument.offsetAt(editedFields.range.end);
  if (start <= from || old.length - tail > to) return undefined;

  const document = TextDocument.create('', '', 0, text);
  seedLineOffsets(document, oldDocument, oldDocument.positionAt(start).line, text.length - old.length);
  const dockerfile = new DockerfileClass(document) as unknown as Dockerfile & { addInstruction(i: Instruction): void; addComment(c: unknown): void; setDirectives(d: unknown[]): void; organizeComments(): void };
  const directives = previous.ast.getDirectives();
  if (directives.length > 0) dockerfile.setDirectives(directives.map((d) => copyLine(d, document)));
  const comments = previous.ast.getComments();
  let comment = 0;
  for (; comment < comments.length && oldDocument.offsetAt(comments[comment].getRange().start) < from; comment++) dockerfile.addComment(copyLine(comments[comment], document));
  for (let i = 0; i < edited; i++) dockerfile.addInstruction(sibling(instructions[i], document, dockerfile));

  const parser = new Parser() as unknown as ParserState;
  parser.document = document;
  parser.buffer = text;
  parser.escapeChar = editedFields.escapeChar;
  active = {};
  let end: number;
  try {
    end = parser.processInstruction(dockerfile, text.charAt(from), from);
  } finally {
    active = undefined;
  }
  if (end !== to + text.length - old.length) return undefined;

  for (; comment < comments.length && oldDocument.offsetAt(comments[comment].getRange().start) <= to; comment++);
  for (; comment < comments.length; comment++) dockerfile.addComment(copyLine(comments[comment], document));
  for (let i = edited + 1; i < instructions.length; i++) dockerfile.addInstruction(sibling(instructions[i], document, dockerfile));
  dockerfile.organizeComments();
  const before = storedKeyword(instructions[edited]);
  const after = storedKeyword(dockerfile.getInstructions()[edited]);
  (dockerfile as unknown as Record<symbol, Splice>)[SPLICE] = { previous: versionOf(previous.ast), keyword: before !== undefined && before === after ? before : undefined, line: editedFields.range.start.line };
  return dockerfile;
}

/** How a version was made from the previous one by re-parsing one instruction (see spliceParse). */
export interface Splice {
  /** The `versionOf` the Dockerfile it was made from (a number: a reference would chain every version). */
  previous: number;
  /** The edited instruction's keyword, when the edit left it unchanged. */
  keyword?: string;
  /** The line the edited instruction starts on. */
  line: number;
}

const SPLICE = Symbol('dockhand.splice');
const VERSION = Symbol('dockhand.version');
let versions = 0;

/** A number naming this parse of a file, unique in the process. */
export function versionOf(ast: Dockerfile): number {
  const slots = ast as unknown as Record<symbol, number | undefined>;
  return (slots[VERSION] ??= ++versions);
}

/** For a Dockerfile made by re-parsing one instruction of `previous`: which one changed; undefined for a full parse. */
export function spliceOf(ast: Dockerfile): Splice | undefined {
  return (ast as unknown as Record<symbol, Splice | undefined>)[SPLICE];
}

const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let at = 0;
  // Whole blocks first: comparing slices runs at memory speed, a character at a time does not.
  while (at + BLOCK <= shortest && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < shortest && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the common end of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.slice(a.length - length - BLOCK, a.length - length) === b.slice(b.length - length - BLOCK, b.length - length)) length += BLOCK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}

interface LineOffsets {
  getLineOffsets(): number[];
  _lineOffsets?: number[];
}

/**
 * The new document's line starts are the old one's, moved by the edit's length after its line
 * (no line break changed): set them instead of letting the document scan the whole text again.
 */
function seedLineOffsets(document: TextDocument, oldDocument: TextDocument, line: number, delta: number): void {
  const target = document as unknown as LineOffsets;
  if (!('_lineOffsets' in target) || target._lineOffsets !== undefined) return;
  const offsets = (oldDocument as unknown as LineOffsets).getLineOffsets().slice();
  for (let i = line + 1; i < offsets.length; i++) offsets[i] += delta;
  target._lineOffsets = offsets;
}

/** Where each line of the parsed text starts, as the parser's document computed them. */
export function lineStartsOf(ast: Dockerfile): readonly number[] {
  return ((ast as unknown as LineFields).document as unknown as LineOffsets).getLineOffsets();
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return true;
  }
  return false;
}

/** The index of the instruction whose lines include `line`, if any (instructions are in document order). */
function instructionAtLine(instructions: Instruction[], line: number): number | undefined {
  let low = 0;
  let high = instructions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = instructions[mid].getRange();
    if (line < range.start.line) high = mid - 1;
    else if (line > range.end.line) low = mid + 1;
    else return mid;
  }
  return undefined;
}

/** An unchanged instruction of the previous version, for the new one (ONBUILD built anew, as a full parse does). */
function sibling(previous: Instruction, document: TextDocument, dockerfile: Dockerfile): Instruction {
  const fields = previous as unknown as InstructionFields;
  if (fields.instruction.toUpperCase() !== 'ONBUILD') return copyInto(previous, document, dockerfile);
  return Parser.createInstruction(document, dockerfile as never, fields.escapeChar, fields.range, fields.instruction, fields.instructionRange);
}

function copyLine<T>(line: T, document: TextDocument): T {
  const copy = Object.create(Object.getPrototypeOf(line) as object) as T;
  Object.assign(copy as object, line);
  (copy as unknown as LineFields).document = document;
  return copy;
}

/** Forgets every previous version (benchmarks measure cold parses with it). */
export function clearParseCache(): void {
  pools.clear();
}
