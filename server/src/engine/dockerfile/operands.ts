import type { Copy, Instruction } from 'dockerfile-ast';
import type { Range } from '../finding';
import type { DockerfileModel, Stage } from './model';
import { keywordOf, rootImage, stageChain } from './model';
import { isCopyOrAdd } from './copy-facts';

/** The words of instructions as Docker reads them, with their places, for the instruction-level rules. */

export interface Word {
  /** Without the surrounding quotes. */
  value: string;
  /** As written in the file (escapes and quotes kept). */
  text: string;
  range: Range;
  /** Offsets of the word as written. */
  start: number;
  end: number;
  quoted: boolean;
}

export interface CopyOperands {
  instruction: Instruction;
  keyword: 'COPY' | 'ADD';
  flags: { name: string; value: string | undefined; range: Range }[];
  sources: Word[];
  destination: Word;
  /** Written as a JSON array. */
  json: boolean;
  /** The `--from=` value, when given. */
  from?: Word;
}

export function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) return text.slice(1, -1);
  return text;
}

function wordOf(model: DockerfileModel, text: string, range: Range, json: boolean): Word {
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  const value = json ? text.replace(/^"|"$/g, '') : unquote(text);
  const raw = model.text.slice(start, end);
  return { value, text: raw, range, start, end, quoted: json || /^["']/.test(raw) };
}

const copyCache = new WeakMap<DockerfileModel, Map<Instruction, CopyOperands | undefined>>();

/** Sources, destination and flags of a COPY or ADD; undefined for heredocs and half-typed lines. Computed once per model. */
export function copyOperands(model: DockerfileModel, instruction: Instruction): CopyOperands | undefined {
  // Asked of every instruction: the others need no cache entry.
  if (!isCopyOrAdd(instruction)) return undefined;
  let cache = copyCache.get(model);
  if (!cache) {
    cache = new Map();
    copyCache.set(model, cache);
  }
  if (cache.has(instruction)) return cache.get(instruction);
  const operands = computeCopyOperands(model, instruction);
  cache.set(instruction, operands);
  return operands;
}

function computeCopyOperands(model: DockerfileModel, instruction: Instruction): CopyOperands | undefined {
  const keyword = keywordOf(instruction);
  if (keyword !== 'COPY' && keyword !== 'ADD') return undefined;
  const copy = instruction as Copy;
  if (copy.getHeredocs().length > 0) return undefined;
  const json = copy.getJSONStrings();
  const isJson = json.length >= 2;
  const words = isJson
    ? json.map((j) => wordOf(model, j.getValue(), j.getRange(), true))
    : instruction.getArguments().map((a) => wordOf(model, a.getValue(), a.getRange(), false));
  if (words.length < 2) return undefined;
  const flags = copy.getFlags().map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue() ?? undefined, range: f.getRange() }));
  const fromFlag = copy.getFlags().find((f) => f.getName().toLowerCase() === 'from');
  let from: Word | undefined;
  const fromRange = fromFlag?.getValueRange();
  if (fromFlag && fromRange) from = wordOf(model, fromFlag.getValue() ?? '', fromRange, false);
  return {
    instruction,
    keyword,
    flags,
    sources: words.slice(0, -1),
    destination: words[words.length - 1],
    json: isJson,
    from,
  };
}

export interface PlacedInstruction {
  instruction: Instruction;
  keyword: string;
  /** Undefined for instructions before the first FROM. */
  stage?: Stage;
}

const placedCache = new WeakMap<DockerfileModel, PlacedInstruction[]>();

/** Every top-level instruction with its stage, those before the first FROM included (computed once per model). */
export function placedInstructions(model: DockerfileModel): PlacedInstruction[] {
  let placed = placedCache.get(model);
  if (!placed) {
    placed = computePlaced(model);
    placedCache.set(model, placed);
  }
  return placed;
}

function computePlaced(model: DockerfileModel): PlacedInstruction[] {
  // The model's stages are the FROMs in order, each with the instructions up to the next one.
  let stage = -1;
  return model.ast.getInstructions().map((instruction) => {
    const keyword = keywordOf(instruction);
    if (keyword === 'FROM') stage++;
    return { instruction, keyword, stage: stage < 0 ? undefined : model.stages[stage] };
  });
}

/** The instruction an ONBUILD wraps, as a parsed instruction. */
export function onbuildTrigger(instruction: Instruction): Instruction | undefined {
  if (keywordOf(instruction) !== 'ONBUILD') return undefined;
  return (instruction as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction() ?? undefined;
}

/** Argument words of an instruction (quotes kept in `text`, removed in `value`). */
export function argumentWords(model: DockerfileModel, instruction: Instruction): Word[] {
  return instruction.getArguments().map((a) => wordOf(model, a.getValue(), a.getRange(), false));
}

export interface ExposedPort {
  word: Word;
  low: number;
  high: number;
  protocol?: string;
}

/** The literal `port`, `port/proto` and `low-high` words of every EXPOSE (variables left out). */
export function exposedPorts(model: DockerfileModel): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const { instruction, keyword } of placedInstructions(model)) {
    if (keyword !== 'EXPOSE') continue;
    for (const word of argumentWords(model, instruction)) {
      if (hasVariable(word.text)) continue;
      const match = /^(\d+)(?:-(\d+))?(?:\/([a-z]*))?$/i.exec(word.value);
      if (!match) continue;
      const low = Number(match[1]);
      ports.push({ word, low, high: match[2] !== undefined ? Number(match[2]) : low, protocol: match[3] });
    }
  }
  return ports;
}

/** True when the word holds a `$VAR`/`${VAR}` Docker substitutes at build time. */
export function hasVariable(text: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(text);
}

/** The stage a `--from=` value names: a stage name (case-insensitive) or an index. */
export function stageNamed(model: DockerfileModel, name: string): Stage | undefined {
  if (/^\d+$/.test(name)) return model.stages[Number(name)];
  const lower = name.toLowerCase();
  return model.stages.find((s) => s.name?.toLowerCase() === lower);
}

/**
 * Stages built FROM scratch hold only the files put there on purpose (the artifact-stage pattern).
 * `FROM binaries-$TARGETOS` counts when every stage it can name is such a stage.
 */
export function isScratchRooted(model: DockerfileModel, stage: Stage, seen = new Set<Stage>()): boolean {
  if (seen.has(stage)) return false;
  seen.add(stage);
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  if (rootImage(stage).isScratch) return true;
  if (root.image.resolved !== undefined) return false;
  const raw = root.from.getImage() ?? '';
  const pattern = new RegExp(`^${raw.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  const candidates = model.stages.filter((s) => s.index < root.index && s.name !== undefined && pattern.test(s.name));
  return candidates.length > 0 && candidates.every((s) => isScratchRooted(model, s, seen));
}
