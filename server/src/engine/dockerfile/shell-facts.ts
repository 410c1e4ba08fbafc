import * as path from 'path';
import type { Instruction, Onbuild, Run } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import { keywordOf, rootImage, stageChain } from './model';
import { osFlavour, type OsFlavour } from './images';
import { runScripts, type ShellCommand, type ShellScript, type ShellWord } from './shell';

/** What the shell-command rules ask about RUN instructions, on top of the shell model. */

/** A RUN that Docker executes: in a stage, before any FROM, or as an `ONBUILD RUN` trigger. */
export interface RunSite {
  /** The RUN instruction (for a trigger, the RUN inside the ONBUILD, with document ranges). */
  run: Instruction;
  /** The instruction as written: the RUN, or its ONBUILD. */
  instruction: Instruction;
  stage?: Stage;
  /** An `ONBUILD RUN`: it runs in the image built FROM this one, with that image's default shell. */
  onbuild: boolean;
}

const sitesByModel = new WeakMap<DockerfileModel, RunSite[]>();

/** Every RUN of the file in order, ONBUILD triggers included. */
export function runSites(model: DockerfileModel): RunSite[] {
  const cached = sitesByModel.get(model);
  if (cached) return cached;
  const stageOf = new Map<Instruction, Stage>();
  for (const stage of model.stages) for (const i of stage.instructions) stageOf.set(i, stage);
  const sites: RunSite[] = [];
  for (const instruction of model.ast.getInstructions()) {
    const keyword = keywordOf(instruction);
    const stage = stageOf.get(instruction);
    if (keyword === 'RUN') sites.push({ run: instruction, instruction, stage, onbuild: false });
    else if (keyword === 'ONBUILD') {
      const trigger = (instruction as Onbuild).getTriggerInstruction();
      if (trigger && keywordOf(trigger) === 'RUN') sites.push({ run: trigger, instruction, stage, onbuild: true });
    }
  }
  sitesByModel.set(model, sites);
  return sites;
}

export function scriptsOf(model: DockerfileModel, site: RunSite): ShellScript[] {
  return runScripts(model, site.run);
}

export function commandsOf(model: DockerfileModel, site: RunSite): ShellCommand[] {
  return scriptsOf(model, site).flatMap((s) => s.commands);
}

/** `pip3` for `/usr/bin/pip3`. */
export function toolOf(command: ShellCommand): string {
  return path.posix.basename(command.name);
}

export function valueOf(word: ShellWord): string {
  return word.value ?? word.text;
}

/** True when the word's value depends on an expansion (`$VERSION`), so nothing can be said about it. */
export function isDynamic(word: ShellWord): boolean {
  return word.value === undefined;
}

/** The arguments of a command after its subcommand word (`install` in `pip install …`). */
export function argsAfter(command: ShellCommand, word: ShellWord): ShellWord[] {
  return command.args.filter((a) => a.start > word.start);
}

/**
 * Positional arguments, skipping flags and the values of the flags listed in `valueFlags`
 * (given without dashes; `--flag=value` needs no listing). Stops at `--`.
 */
export function operands(words: ShellWord[], valueFlags: ReadonlySet<string>): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = valueOf(words[i]);
    if (v === '--') break;
    if (v.startsWith('-') && v.length > 1) {
      const name = v.replace(/^-+/, '');
      if (!name.includes('=') && valueFlags.has(name)) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}

/** The SHELL in effect for a RUN: JSON words of the last SHELL of its stage chain, or undefined for the default. */
export function shellInEffect(model: DockerfileModel, site: RunSite): string[] | undefined {
  if (site.onbuild) return undefined;
  const line = site.instruction.getRange().start.line;
  const scope = site.stage
    ? stageChain(site.stage).reverse().flatMap((s) => s.instructions)
    : model.ast.getInstructions();
  let shell: string[] | undefined;
  for (const instruction of scope) {
    if (instruction.getRange().start.line >= line) break;
    if (keywordOf(instruction) === 'SHELL') shell = (instruction as Run).getJSONStrings().map((j) => j.getValue().replace(/^"|"$/g, ''));
  }
  return shell;
}

/** Basename of the shell program running the RUN: `sh` by default. */
export function shellName(model: DockerfileModel, site: RunSite): string {
  const shell = shellInEffect(model, site);
  return shell && shell.length > 0 ? path.posix.basename(shell[0].replace(/\\/g, '/')).toLowerCase() : 'sh';
}

/** The OS flavour of the image a RUN executes in (unknown before FROM and for ONBUILD triggers). */
export function flavourOf(site: RunSite): OsFlavour {
  if (!site.stage || site.onbuild) return 'unknown';
  return osFlavour(rootImage(site.stage));
}

/**
 * True when command `b` reads the output of command `a` through a pipe: only whitespace,
 * redirections and closing brackets stand between them and a single `|` (or `|&`).
 */
export function pipedInto(script: ShellScript, a: ShellCommand, b: ShellCommand): boolean {
  if (a.nested || b.nested || b.start <= a.end) return false;
  const between = script.source.slice(a.end - script.start, b.start - script.start)
    .replace(/\d*(?:[<>]+&?|&>>?)\s*(?:"[^"]*"|'[^']*'|[^\s|;&)]+)/g, ' ');
  return /^[\s)}]*\|(?!\|)/.test(between);
}

/** The text between two consecutive top-level commands of a script (their operator, e.g. `&&`). */
export function operatorBetween(script: ShellScript, a: ShellCommand, b: ShellCommand): string {
  return script.source.slice(a.end - script.start, b.start - script.start);
}

/** USER in effect before an instruction: the last USER of the stage chain, or undefined when none is set. */
export function userBefore(site: RunSite): string | undefined {
  if (!site.stage) return undefined;
  const line = site.instruction.getRange().start.line;
  let user: string | undefined;
  for (const instruction of stageChain(site.stage).reverse().flatMap((s) => s.instructions)) {
    if (instruction.getRange().start.line >= line) break;
    if (keywordOf(instruction) === 'USER') user = instruction.getArgumentsContent()?.trim().split(':')[0];
  }
  return user;
}
