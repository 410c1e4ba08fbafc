import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Instruction as InstructionClass } from 'dockerfile-ast/lib/instruction';
import { From as FromClass } from 'dockerfile-ast/lib/instructions/from';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';

/**
 * Incremental Dockerfile parsing. dockerfile-ast builds every instruction eagerly and re-reads its
 * arguments several times while doing so (about 80 µs a line); re-parsing a 5,000-line file on
 * every keystroke costs hundreds of milliseconds. Here the parser still scans the whole text, but
 * an instruction whose keyword, position and text are unchanged since the previous version of the
 * same file is copied from that version instead of being rebuilt: a fresh object (so caches keyed
 * by instruction stay per version) pointing at the new document and Dockerfile, whose own lines are
 * identical. An edit that adds or removes lines moves every later instruction, which are then built
 * anew, exactly as before.
 */

type CreateInstruction = (document: TextDocument, dockerfile: Dockerfile, escapeChar: string, lineRange: Range, instruction: string, instructionRange: Range) => Instruction;

interface Pool {
  previous: Map<string, Instruction>;
  current: Map<string, Instruction>;
}

const POOL_FILES = 32;
const pools = new Map<string, Map<string, Instruction>>();
let active: Pool | undefined;

const RAW_ARGUMENTS = Symbol('dockhand.rawArguments');
const HEREDOCS = Symbol('dockhand.heredocs');

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const parser = Parser as unknown as { createInstruction: CreateInstruction };
  const create = parser.createInstruction.bind(Parser);
  parser.createInstruction = (document, dockerfile, escapeChar, lineRange, instruction, instructionRange) => {
    if (!active) return create(document, dockerfile, escapeChar, lineRange, instruction, instructionRange);
    const text = document.getText().slice(document.offsetAt(lineRange.start), document.offsetAt(lineRange.end));
    const key = `${escapeChar}|${instruction}|${pos(lineRange.start)}|${pos(lineRange.end)}|${pos(instructionRange.start)}|${pos(instructionRange.end)}|${text}`;
    const previous = instruction.toUpperCase() === 'ONBUILD' ? undefined : active.previous.get(key);
    const made = previous ? copyInto(previous, document, dockerfile) : create(document, dockerfile, escapeChar, lineRange, instruction, instructionRange);
    active.current.set(key, made);
    return made;
  };
  // Arguments and heredocs depend only on the instruction's own text (its range covers its heredoc
  // bodies), which never changes for an instruction: compute them once, and hand out copies
  // (ModifiableInstruction.getArguments shifts the array it gets).
  const proto = InstructionClass.prototype as unknown as Record<'getRawArguments' | 'getHeredocs', () => unknown[]>;
  memoize(proto, 'getRawArguments', RAW_ARGUMENTS);
  memoize(proto, 'getHeredocs', HEREDOCS);
  // From.getImageNameRange and getRegistryRange move the ends of the range getImageRange gives
  // them, which is the image argument's own range: now that arguments are kept, give a copy.
  const from = FromClass.prototype as unknown as { getImageRange(): Range | null };
  const imageRange = from.getImageRange;
  from.getImageRange = function (this: unknown) {
    const range = imageRange.call(this);
    return range ? { start: { ...range.start }, end: { ...range.end } } : range;
  };
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
      // Enumerable, so that the copies made for the next version carry it along.
      Object.defineProperty(this, slot, { value, enumerable: true, writable: true, configurable: true });
    }
    return value!.slice();
  };
}

function pos(p: { line: number; character: number }): string {
  return `${p.line}:${p.character}`;
}

function copyInto(previous: Instruction, document: TextDocument, dockerfile: Dockerfile): Instruction {
  const copy = Object.create(Object.getPrototypeOf(previous) as object) as Instruction;
  Object.assign(copy, previous);
  const fields = copy as unknown as { document: TextDocument; dockerfile: Dockerfile };
  fields.document = document;
  fields.dockerfile = dockerfile;
  return copy;
}

/** Reuse across versions (of instructions here, of RUN scripts in shell.ts); tests turn it off to compare. */
export const reuseAcrossVersions = { enabled: true };

/** Parses `text`, the current version of `file`, reusing what did not change since its previous version. */
export function parseDockerfileText(file: string, text: string): Dockerfile {
  install();
  if (!reuseAcrossVersions.enabled) return DockerfileParser.parse(text);
  const previous = pools.get(file) ?? new Map<string, Instruction>();
  active = { previous, current: new Map() };
  let ast: Dockerfile;
  try {
    ast = DockerfileParser.parse(text);
    pools.delete(file);
    pools.set(file, active.current);
    if (pools.size > POOL_FILES) pools.delete(pools.keys().next().value as string);
  } finally {
    active = undefined;
  }
  return ast;
}

/** Forgets every previous version (benchmarks measure cold parses with it). */
export function clearParseCache(): void {
  pools.clear();
}
