import type { Dockerfile, Instruction, From, Arg } from 'dockerfile-ast';
import type { Range } from '../finding';
import { LineIndex } from '../text';
import { parseImageRef, type ImageRef } from './images';
import { lineStartsOf, parseDockerfileText, storedKeyword } from './parse-cache';

export interface Stage {
  index: number;
  from: From;
  /** The name given with `AS`, as written. */
  name?: string;
  /** The base: an image reference, or an earlier stage. */
  image: ImageRef;
  baseStage?: Stage;
  /** Instructions of the stage after its FROM. */
  instructions: Instruction[];
}

export interface DockerfileModel {
  path: string;
  text: string;
  lines: LineIndex;
  ast: Dockerfile;
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
  escapeChar: string;
}

export function parseDockerfile(path: string, text: string): DockerfileModel {
  const ast = parseDockerfileText(path, text);
  const lines = new LineIndex(text, lineStartsOf(ast));
  const globalArgs = new Map<string, string | undefined>();
  for (const arg of ast.getInitialARGs()) {
    const property = arg.getProperty();
    if (property) globalArgs.set(property.getName(), property.getValue() ?? undefined);
  }
  const stages: Stage[] = [];
  let current: Stage | undefined;
  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      const raw = from.getImage() ?? '';
      const resolved = substituteArgs(raw, globalArgs);
      const baseStage = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === resolved?.toLowerCase());
      current = {
        index: stages.length,
        from,
        name: from.getBuildStage() ?? undefined,
        image: parseImageRef(raw, resolved),
        baseStage,
        instructions: [],
      };
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    }
  }
  return { path, text, lines, ast, globalArgs, stages, escapeChar: ast.getEscapeCharacter() };
}

/**
 * The stage that is built: the last one, as `docker build` does without `--target` — or the
 * `build.target` of the Compose services that build this file, when they all name the same stage.
 */
export function finalStage(model: DockerfileModel, build?: { composeTarget?: string }): Stage | undefined {
  const target = build?.composeTarget?.toLowerCase();
  const named = target ? model.stages.find((s) => s.name?.toLowerCase() === target) : undefined;
  return named ?? model.stages[model.stages.length - 1];
}

/** The stage and every stage it is built FROM, nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [stage];
  for (let s = stage.baseStage; s && !chain.includes(s); s = s.baseStage) chain.push(s);
  return chain;
}

/** `stageChain(stage).includes(base)` without building the chain (asked for every RUN); a long or looping chain takes stageChain's walk. */
export function builtOn(stage: Stage, base: Stage): boolean {
  let s: Stage | undefined = stage;
  for (let step = 0; s && step < 64; step++, s = s.baseStage) if (s === base) return true;
  return s !== undefined && stageChain(stage).includes(base);
}

/** The external image at the root of a stage's FROM chain. */
export function rootImage(stage: Stage): ImageRef {
  // Most stages are built on an image, not on another stage: no chain to walk.
  if (stage.baseStage === undefined) return stage.image;
  const chain = stageChain(stage);
  return chain[chain.length - 1].image;
}

/** Instructions of a stage and of the stages it is built on, in build order. */
export function inheritedInstructions(stage: Stage): Instruction[] {
  if (stage.baseStage === undefined) return stage.instructions.slice();
  const chain = stageChain(stage);
  const instructions: Instruction[] = [];
  for (let i = chain.length - 1; i >= 0; i--) for (const instruction of chain[i].instructions) instructions.push(instruction);
  return instructions;
}

const upperKeywords = new Map<string, string>();

/** The instruction's keyword in upper case (rules ask this of every instruction, often: kept cheap). */
export function keywordOf(instruction: Instruction): string {
  const stored = storedKeyword(instruction);
  if (stored !== undefined) return stored;
  const written = instruction.getInstruction();
  let upper = upperKeywords.get(written);
  if (upper === undefined) {
    upper = written.toUpperCase();
    if (upperKeywords.size < 1000) upperKeywords.set(written, upper);
  }
  return upper;
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => keywordOf(i) === keyword);
}

export function stageRange(stage: Stage): Range {
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  return { start: stage.from.getRange().start, end: last.getRange().end };
}

export function instructionText(model: DockerfileModel, instruction: Instruction): string {
  const range = instruction.getRange();
  return model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
}

/** `$NAME` / `${NAME}` / `${NAME:-default}` substituted from `args`; undefined if any stays unknown. */
export function substituteArgs(value: string, args: Map<string, string | undefined>): string | undefined {
  let unknown = false;
  const result = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const current = args.get(name);
      if (op === '-') return current ? current : word ?? '';
      if (op === '+') return current ? word ?? '' : '';
      if (current === undefined) unknown = true;
      return current ?? '';
    });
  return unknown ? undefined : result;
}

/** ARG and ENV values visible at the end of a stage (stage chain included), for resolving `$PORT` and the like. */
export function stageVariables(model: DockerfileModel, stage: Stage): Map<string, string | undefined> {
  const real = model.stages[stage.index];
  // Rules ask for the variables before each RUN (a stage cut short): continue from the last answer
  // for that stage instead of walking the chain again, which made a long file quadratic.
  if (real && real.from === stage.from && real.baseStage === stage.baseStage && isPrefix(stage.instructions, real.instructions)) {
    return new Map(variablesAfter(model, real, stage.instructions.length));
  }
  const vars = new Map(model.globalArgs);
  for (const instruction of inheritedInstructions(stage)) applyVariables(vars, instruction);
  return vars;
}

const variableCheckpoints = new WeakMap<DockerfileModel, Map<Stage, { count: number; vars: Map<string, string | undefined> }>>();

/** The variables after the first `count` instructions of a stage of the model (not to be changed by the caller). */
function variablesAfter(model: DockerfileModel, stage: Stage, count: number): Map<string, string | undefined> {
  let checkpoints = variableCheckpoints.get(model);
  if (!checkpoints) variableCheckpoints.set(model, (checkpoints = new Map()));
  let checkpoint = checkpoints.get(stage);
  if (!checkpoint || checkpoint.count > count) {
    const base = stage.baseStage && stage.baseStage !== stage && stage.baseStage.index < stage.index
      ? new Map(variablesAfter(model, stage.baseStage, stage.baseStage.instructions.length))
      : undefined;
    checkpoint = { count: 0, vars: base ?? chainStart(model, stage) };
    checkpoints.set(stage, checkpoint);
  }
  for (; checkpoint.count < count; checkpoint.count++) applyVariables(checkpoint.vars, stage.instructions[checkpoint.count]);
  return checkpoint.vars;
}

/** Variables before a stage's own instructions when its base is not an earlier stage: globals, then any base chain. */
function chainStart(model: DockerfileModel, stage: Stage): Map<string, string | undefined> {
  const vars = new Map(model.globalArgs);
  for (const instruction of inheritedInstructions({ ...stage, instructions: [] })) applyVariables(vars, instruction);
  return vars;
}

function isPrefix(part: readonly Instruction[], whole: readonly Instruction[]): boolean {
  if (part.length > whole.length) return false;
  for (let i = 0; i < part.length; i++) if (part[i] !== whole[i]) return false;
  return true;
}

function applyVariables(vars: Map<string, string | undefined>, instruction: Instruction): void {
  const keyword = keywordOf(instruction);
  if (keyword === 'ARG') {
    const property = (instruction as Arg).getProperty();
    if (property) {
      const name = property.getName();
      const value = property.getValue();
      if (value !== null) vars.set(name, substituteArgs(value, vars));
      else if (!vars.has(name)) vars.set(name, undefined);
    }
  } else if (keyword === 'ENV') {
    for (const property of (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
      const value = property.getValue();
      vars.set(property.getName(), value === null ? undefined : substituteArgs(value, vars));
    }
  }
}
