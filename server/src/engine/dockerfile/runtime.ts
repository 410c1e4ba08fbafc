import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import { inheritedInstructions, keywordOf, stageChain } from './model';
import { runCommands } from './shell';

/** Facts about how the final image runs, shared by the runtime rules (user, healthcheck, start command). */

/** CMD and ENTRYPOINT in effect for a stage (its own or inherited from the stages it is built on). */
export function effectiveStart(stage: Stage): { cmd?: Instruction; entrypoint?: Instruction } {
  let cmd: Instruction | undefined;
  let entrypoint: Instruction | undefined;
  for (const s of stageChain(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const keyword = keywordOf(s.instructions[i]);
      if (keyword === 'CMD' && !cmd) cmd = s.instructions[i];
      if (keyword === 'ENTRYPOINT' && !entrypoint) entrypoint = s.instructions[i];
    }
    if (cmd || entrypoint) break;
  }
  return { cmd, entrypoint };
}

/** The words of a CMD/ENTRYPOINT, exec or shell form, without quotes (read once per instruction object: several rules ask). */
export function startWords(instruction: Instruction | undefined): readonly string[] {
  if (!instruction) return [];
  let words = wordsByInstruction.get(instruction);
  if (words === undefined) wordsByInstruction.set(instruction, (words = readStartWords(instruction)));
  return words;
}

const wordsByInstruction = new WeakMap<Instruction, string[]>();

function readStartWords(instruction: Instruction): string[] {
  const json = (instruction as unknown as { getJSONStrings(): { getValue(): string }[] }).getJSONStrings?.() ?? [];
  if (json.length > 0) {
    return json.map((j) => {
      const quoted = j.getValue();
      // Without a backslash, JSON.parse (or, where it throws, the fallback) yields the text between the quotes.
      if (quoted.length >= 2 && quoted[0] === '"' && quoted[quoted.length - 1] === '"' && !quoted.includes('\\')) return quoted.slice(1, -1);
      try {
        return JSON.parse(quoted) as string;
      } catch {
        return quoted.replace(/^"|"$/g, '');
      }
    });
  }
  return instruction.getArguments().map((a) => a.getValue());
}

/** The first instruction of the stage with one of the keywords, if any. */
export function firstOf(stage: Stage, keywords: string[]): Instruction | undefined {
  return stage.instructions.find((i) => keywords.includes(keywordOf(i)));
}

/** True when some shell word (command name or argument) of a RUN in the stage or the stages it is built on passes `test`. */
export function someRunWord(model: DockerfileModel, stage: Stage, test: (word: string) => boolean): boolean {
  for (const s of stageChain(stage)) {
    for (const instruction of s.instructions) {
      if (keywordOf(instruction) !== 'RUN') continue;
      for (const command of runCommands(model, instruction)) {
        if (test(command.name)) return true;
        for (const arg of command.args) if (test(arg.value ?? arg.text)) return true;
      }
    }
  }
  return false;
}

/** The instructions with this keyword in the stage and the stages it is built on, in build order (USER, EXPOSE, SHELL in effect). */
export function chainInstructionsOf(stage: Stage, keyword: string): Instruction[] {
  return inheritedInstructions(stage).filter((instruction) => keywordOf(instruction) === keyword);
}

/** Where new runtime instructions (USER, HEALTHCHECK) go: before the stage's CMD/ENTRYPOINT, after its last build step. */
export function runtimeInsertionPoint(stage: Stage): { before?: Instruction; after?: Instruction } {
  const lastBuild = [...stage.instructions].reverse().find((i) => ['RUN', 'COPY', 'ADD', 'USER', 'WORKDIR'].includes(keywordOf(i)));
  const start = stage.instructions.find((i) => ['CMD', 'ENTRYPOINT'].includes(keywordOf(i))
    && (!lastBuild || i.getRange().start.line > lastBuild.getRange().start.line));
  if (start) {
    // Keep a HEALTHCHECK or EXPOSE written just above CMD grouped with it.
    return { before: start };
  }
  return { after: stage.instructions[stage.instructions.length - 1] ?? stage.from };
}
