import type { Copy, Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from './model';
import { keywordOf } from './model';

/** COPY/ADD facts shared by the rules about what reaches the image from the build context. */

export interface CopySources {
  instruction: Instruction;
  /** Source paths as written (the last argument, the destination, excluded). */
  sources: string[];
  destination: string;
  /** `--from=…` copies from another stage or image, not from the build context. */
  fromStage: boolean;
  /** Flags as written, e.g. `--chown=node:node ` (with a trailing space), to reuse on related copies. */
  flagsText: string;
}

const sourcesByModel = new WeakMap<DockerfileModel, Map<Instruction, CopySources | undefined>>();

/** Computed once per model and instruction: several rules ask about every COPY. */
export function copySources(model: DockerfileModel, instruction: Instruction): CopySources | undefined {
  // Asked of every instruction: the others need no cache entry.
  if (!isCopyOrAdd(instruction)) return undefined;
  let cache = sourcesByModel.get(model);
  if (!cache) sourcesByModel.set(model, (cache = new Map()));
  if (cache.has(instruction)) return cache.get(instruction);
  const sources = computeCopySources(model, instruction);
  cache.set(instruction, sources);
  return sources;
}

function computeCopySources(model: DockerfileModel, instruction: Instruction): CopySources | undefined {
  const keyword = keywordOf(instruction);
  if (keyword !== 'COPY' && keyword !== 'ADD') return undefined;
  // ADD and COPY share the flag, JSON and heredoc accessors.
  const copy = instruction as Copy;
  const flags = copy.getFlags();
  const json = copy.getJSONStrings();
  let words: string[];
  if (json.length >= 2) words = json.map((j) => j.getValue().replace(/^"|"$/g, ''));
  else words = instruction.getArguments().map((a) => a.getValue());
  if (words.length < 2 || copy.getHeredocs().length > 0) return undefined;
  const flagsText = flags.map((f) => {
    const r = f.getRange();
    return model.text.slice(model.lines.offsetAt(r.start), model.lines.offsetAt(r.end));
  }).join(' ');
  return {
    instruction,
    sources: words.slice(0, -1),
    destination: words[words.length - 1],
    fromStage: flags.some((f) => f.getName().toLowerCase() === 'from'),
    flagsText: flagsText ? `${flagsText} ` : '',
  };
}

export function isCopyOrAdd(instruction: Instruction): boolean {
  const keyword = keywordOf(instruction);
  return keyword === 'COPY' || keyword === 'ADD';
}

/** `COPY . .`, `ADD ./ /app`: the whole build context goes into the image. */
export function copiesWholeContext(copy: CopySources | undefined): boolean {
  return copy !== undefined && !copy.fromStage && copy.sources.some((s) => s === '.' || s === './' || s === '*');
}

const wholeContextByModel = new WeakMap<DockerfileModel, CopySources[]>();

/** The COPY/ADD instructions of the whole context in the Dockerfile, in order. */
export function wholeContextCopies(model: DockerfileModel): CopySources[] {
  let copies = wholeContextByModel.get(model);
  if (!copies) {
    copies = [];
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        const keyword = keywordOf(instruction);
        if (keyword !== 'COPY' && keyword !== 'ADD') continue;
        const copy = copySources(model, instruction);
        if (copiesWholeContext(copy)) copies.push(copy!);
      }
    }
    wholeContextByModel.set(model, copies);
  }
  return copies.slice();
}

/** A COPY destination as a folder path for several sources (`.` → `./`, `/app` → `/app/`). */
export function asDirectory(destination: string): string {
  if (destination === '.') return './';
  return destination.endsWith('/') ? destination : `${destination}/`;
}
