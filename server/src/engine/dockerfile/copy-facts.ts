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

export function copySources(model: DockerfileModel, instruction: Instruction): CopySources | undefined {
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

/** `COPY . .`, `ADD ./ /app`: the whole build context goes into the image. */
export function copiesWholeContext(copy: CopySources | undefined): boolean {
  return copy !== undefined && !copy.fromStage && copy.sources.some((s) => s === '.' || s === './' || s === '*');
}

/** The first COPY/ADD of the whole context in the Dockerfile, if any. */
export function wholeContextCopies(model: DockerfileModel): CopySources[] {
  return model.stages.flatMap((s) => s.instructions).map((i) => copySources(model, i)).filter((c): c is CopySources => copiesWholeContext(c));
}

/** A COPY destination as a folder path for several sources (`.` → `./`, `/app` → `/app/`). */
export function asDirectory(destination: string): string {
  if (destination === '.') return './';
  return destination.endsWith('/') ? destination : `${destination}/`;
}
