import * as path from 'path';
import type { Instruction, Onbuild, Run } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import { keywordOf, rootImage, stageChain } from './model';
import { osFlavour, type OsFlavour } from './images';
import type { SyntaxNode } from './shell-tree';
import { clearWithShellCache, commandsOfShell, detached, factOfShell, programName, runShell, shareShellTrees, unwrap, visitShellSyntax, type RunShell, type ShellCommand, type ShellScript, type ShellWord } from './shell';

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
  /** What was read about this RUN in this version (the sites are made per version): asked of every rule, kept at hand. */
  read: { shell?: RunShell };
}

const sitesByModel = new WeakMap<DockerfileModel, RunSite[]>();

/**
 * Raised by every helper that reads RUNs other than the one a rule is checking: the engine keeps a
 * RUN's findings across versions only when its rule did not look at the other RUNs (rule-reuse).
 */
export const otherRuns = { read: false };

/** Every RUN of the file in order, ONBUILD triggers included. */
export function runSites(model: DockerfileModel): RunSite[] {
  otherRuns.read = true;
  return allRunSites(model);
}

/** `runSites` for the engine, which walks the RUNs itself: no rule reads another RUN through it. */
export function allRunSites(model: DockerfileModel): RunSite[] {
  const cached = sitesByModel.get(model);
  if (cached) return cached;
  const sites: RunSite[] = [];
  const instructions = model.ast.getInstructions();
  // Each stage is its FROM and the instructions up to the next FROM (as parseDockerfile built them).
  let stage: Stage | undefined;
  let nextStage = 0;
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    if (nextStage < model.stages.length && model.stages[nextStage].from === instruction) {
      stage = model.stages[nextStage++];
      continue;
    }
    const keyword = keywordOf(instruction);
    if (keyword === 'RUN') sites.push({ run: instruction, instruction, stage, onbuild: false, read: {} });
    else if (keyword === 'ONBUILD') {
      const trigger = (instruction as Onbuild).getTriggerInstruction();
      if (trigger && keywordOf(trigger) === 'RUN') sites.push({ run: trigger, instruction, stage, onbuild: true, read: {} });
    }
  }
  sitesByModel.set(model, sites);
  return sites;
}

/** `RUN ["executable", "arg"]`: no shell parses it. */
export function isExecForm(model: DockerfileModel, site: RunSite): boolean {
  return shellOf(model, site).execForm;
}

function shellOf(model: DockerfileModel, site: RunSite): RunShell {
  return (site.read.shell ??= runShell(model, site.run));
}

export function scriptsOf(model: DockerfileModel, site: RunSite): ShellScript[] {
  return shellOf(model, site).scripts;
}

export function commandsOf(model: DockerfileModel, site: RunSite): ShellCommand[] {
  return commandsOfShell(shellOf(model, site));
}

/** A fact derived from a RUN's commands alone, kept across versions for as long as the RUN keeps its text and offset. */
export function siteFact<T>(model: DockerfileModel, site: RunSite, fact: symbol, derive: (commands: ShellCommand[]) => T): T {
  return factOfShell(shellOf(model, site), fact, derive);
}

const TOOL_COMMANDS = Symbol('toolCommands');

/** The commands of a RUN with `sudo`, `env`, `nice`… peeled off (see `unwrap`), computed once per RUN. */
export function toolCommandsOf(model: DockerfileModel, site: RunSite): ShellCommand[] {
  return siteFact(model, site, TOOL_COMMANDS, (commands) => commands.map(unwrap));
}

/** `pip3` for `/usr/bin/pip3`. */
export function toolOf(command: ShellCommand): string {
  return programName(command.name);
}

export function valueOf(word: ShellWord): string {
  return word.value ?? word.text;
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
  if (site.stage) {
    const indexed = shellsBefore(model).get(site.instruction);
    if (indexed) return indexed.shell?.slice();
  }
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

const shellIndexes = new WeakMap<DockerfileModel, Map<Instruction, { shell: string[] | undefined }>>();

/** The SHELL in effect before each RUN of each stage, in one pass over the file (what `shellInEffect` finds for one). */
function shellsBefore(model: DockerfileModel): Map<Instruction, { shell: string[] | undefined }> {
  let index = shellIndexes.get(model);
  if (index) return index;
  index = new Map();
  const atEnd = new Map<Stage, string[] | undefined>();
  for (const stage of model.stages) {
    const base = stage.baseStage && stage.baseStage.index < stage.index ? stage.baseStage : undefined;
    let shell = base ? atEnd.get(base) : undefined;
    if (stage.baseStage && !base) continue; // not an earlier stage: left to the walk in shellInEffect
    // Only RUNs are asked about; the RUNs between two SHELLs share one entry.
    let entry = { shell };
    for (const instruction of stage.instructions) {
      const keyword = keywordOf(instruction);
      if (keyword === 'RUN') index.set(instruction, entry);
      else if (keyword === 'SHELL') {
        shell = (instruction as Run).getJSONStrings().map((j) => j.getValue().replace(/^"|"$/g, ''));
        entry = { shell };
      }
    }
    atEnd.set(stage, shell);
  }
  shellIndexes.set(model, index);
  return index;
}

/** Basename of the shell program running the RUN: `sh` by default. */
export function shellName(model: DockerfileModel, site: RunSite): string {
  const shell = shellInEffect(model, site);
  return shell && shell.length > 0 ? path.posix.basename(shell[0].replace(/\\/g, '/')).toLowerCase() : 'sh';
}

/** The OS flavour of the image a RUN executes in (unknown before FROM and for ONBUILD triggers). */
function flavourOf(site: RunSite): OsFlavour {
  if (!site.stage || site.onbuild) return 'unknown';
  return osFlavour(rootImage(site.stage));
}

/**
 * The OS family of a RUN's image; for an image this file cannot name, the package manager its
 * stage uses (`apk`, `apt-get`, `dnf`) tells.
 */
export function familyOf(model: DockerfileModel, site: RunSite): OsFlavour {
  // It depends only on the stage and whether the RUN is a trigger: asked for each RUN, found once.
  const families = perStage(familiesByModel, model, site.stage, (): { run?: OsFlavour; onbuild?: OsFlavour } => ({}));
  const key = site.onbuild ? 'onbuild' : 'run';
  // Read from the stage's RUNs when the image does not tell.
  if (site.stage && flavourOf(site) === 'unknown') otherRuns.read = true;
  return (families[key] ??= findFamily(model, site));
}

const familiesByModel = new WeakMap<DockerfileModel, Map<Stage | undefined, { run?: OsFlavour; onbuild?: OsFlavour }>>();

function findFamily(model: DockerfileModel, site: RunSite): OsFlavour {
  const flavour = flavourOf(site);
  if (flavour !== 'unknown' || !site.stage) return flavour;
  for (const other of runSites(model)) {
    if (other.stage !== site.stage) continue;
    for (const command of toolCommandsOf(model, other)) {
      const tool = toolOf(command);
      if (tool === 'apk') return 'alpine';
      if (['dnf', 'yum', 'microdnf', 'tdnf', 'rpm', 'zypper'].includes(tool)) return 'rhel';
      if (['apt-get', 'apt', 'dpkg'].includes(tool)) return 'debian';
    }
  }
  return 'unknown';
}

/**
 * True when command `b` reads the output of command `a` through a pipe: only whitespace,
 * redirections and closing brackets stand between them and a single `|` (or `|&`).
 */
export function pipedInto(script: ShellScript, a: ShellCommand, b: ShellCommand): boolean {
  if (a.nested || b.nested || b.start <= a.end) return false;
  // Most neighbours are joined by `&&` or `;`: no `|` between them, nothing to read.
  const bar = script.source.indexOf('|', a.end - script.start);
  if (bar < 0 || bar >= b.start - script.start) return false;
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
  const chain = stageChain(site.stage);
  for (let c = chain.length - 1; c >= 0; c--) {
    for (const instruction of chain[c].instructions) {
      if (instruction.getRange().start.line >= line) return user;
      if (keywordOf(instruction) === 'USER') user = instruction.getArgumentsContent()?.trim().split(':')[0];
    }
  }
  return user;
}

/** A construct of the script that POSIX sh lacks, with the ShellCheck code that names it. */
export interface Bashism {
  code: string;
  what: string;
  /** Busybox ash (Alpine's /bin/sh) supports it. */
  inBusybox: boolean;
  /** For a bash-only variable (`$RANDOM`), its name. */
  variable?: string;
  start: number;
  end: number;
}

/** A `$NAME`/`${NAME…}` expansion of the script. */
export interface Expansion {
  name: string;
  /** `${NAME:-default}` and the like: an unset variable is handled. */
  guarded: boolean;
  start: number;
  end: number;
}

export interface ScriptSyntax {
  bashisms: Bashism[];
  expansions: Expansion[];
  /** Variables the script itself sets: assignments, export/local/readonly, read, for, getopts. */
  assigned: Set<string>;
  /** `$(…)`, backquotes and `<(…)`: commands whose status the script does not see directly. */
  substitutions: { start: number; end: number }[];
}

const syntaxCache = new Map<string, ScriptSyntax>();
const SYNTAX_CACHE_LIMIT = 2000;
/** Variables POSIX sh leaves undefined but bash sets. */
const BASH_VARIABLES = new Set(['RANDOM', 'SECONDS', 'BASH_VERSION', 'BASH_SOURCE', 'BASHPID', 'PIPESTATUS', 'FUNCNAME', 'EUID', 'UID', 'HOSTTYPE', 'OSTYPE', 'MACHTYPE', 'EPOCHSECONDS', 'SRANDOM']);

/** Bash-only syntax, variable expansions and assignments of a script (offsets relative to it). Cached by text. */
export function scriptSyntax(source: string): ScriptSyntax {
  const cached = syntaxCache.get(source);
  if (cached) return cached;
  let result: ScriptSyntax = emptySyntax();
  visitShellSyntax(source, (root) => {
    result = syntaxOf(root);
    return false;
  });
  rememberSyntax(detached(source), result);
  return result;
}

shareShellTrees((source, root) => {
  if (!syntaxCache.has(source)) rememberSyntax(source, syntaxOf(root));
});
clearWithShellCache(() => syntaxCache.clear());

function emptySyntax(): ScriptSyntax {
  return { bashisms: [], expansions: [], assigned: new Set(), substitutions: [] };
}

function rememberSyntax(source: string, syntax: ScriptSyntax): void {
  if (syntaxCache.size >= SYNTAX_CACHE_LIMIT) syntaxCache.delete(syntaxCache.keys().next().value as string);
  syntaxCache.set(source, syntax);
}

/** The commands `syntaxOf` looks into: the arguments of any other are not read. */
const COMMANDS_READ = new Set(['source', 'test', 'echo', 'set', 'read', 'getopts']);

function syntaxOf(root: SyntaxNode): ScriptSyntax {
  const result: ScriptSyntax = { bashisms: [], expansions: [], assigned: new Set(), substitutions: [] };
  const bashism = (node: SyntaxNode, code: string, what: string, inBusybox: boolean, variable?: string) =>
    result.bashisms.push({ code, what, inBusybox, variable, start: node.startIndex, end: node.endIndex });
  walkSyntax(root, (node) => {
    switch (node.type) {
      case 'comment':
      case 'heredoc_body':
      case 'raw_string':
        return false;
      case 'command': {
        const name = node.childForFieldName('name')?.text;
        if (name === undefined || !COMMANDS_READ.has(name)) return true;
        const args = node.namedChildren.filter((c) => c && c.type !== 'command_name').map((c) => c!.text);
        if (name === 'source') bashism(node.childForFieldName('name')!, 'SC3046', '`source` (use `.`)', true);
        if ((name === 'test') && args.includes('==')) bashism(node, 'SC3014', '`==` in a test (use `=`)', true);
        if (name === 'echo' && /^-[neE]+$/.test(args[0] ?? '') && args[0] !== '-n') bashism(node, 'SC3037', '`echo -e` (use `printf`)', true);
        if (name === 'set' && args.some((a, i) => a === 'pipefail' && /^[-+][a-z]*o$/.test(args[i - 1] ?? ''))) bashism(node, 'SC3040', '`set -o pipefail`', true);
        if (name === 'read') for (const a of args) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) result.assigned.add(a);
        if (name === 'getopts' && args[1]) result.assigned.add(args[1]);
        return true;
      }
      case 'test_command':
        if (node.firstChild?.type === '[[') bashism(node.firstChild, 'SC3010', '`[[ ]]` (use `[ ]`)', true);
        return true;
      case 'binary_expression':
        if (node.children.some((c) => c?.type === '==') && hasAncestor(node, (a) => a.type === 'test_command' && a.firstChild?.type === '[')) {
          bashism(node, 'SC3014', '`==` in `[ ]` (use `=`)', true);
        }
        return true;
      case 'function_definition':
        if (node.firstChild?.type === 'function') bashism(node.firstChild, 'SC2112', 'the `function` keyword (use `name() { … }`)', true);
        return true;
      case 'array':
        bashism(node, 'SC3030', 'arrays', false);
        return true;
      case 'herestring_redirect':
        bashism(node, 'SC3011', 'here-strings `<<<`', true);
        return true;
      case 'file_redirect':
        if (node.firstChild?.type === '&>' || node.firstChild?.type === '&>>') bashism(node, 'SC3020', '`&>` (use `>file 2>&1`)', true);
        return true;
      case 'process_substitution':
        bashism(node, 'SC3001', 'process substitution `<(…)`', false);
        result.substitutions.push({ start: node.startIndex, end: node.endIndex });
        return true;
      case 'command_substitution':
        result.substitutions.push({ start: node.startIndex, end: node.endIndex });
        return true;
      case 'ansi_c_string':
        bashism(node, 'SC3003', "`$'…'` strings", true);
        return false;
      case 'variable_assignment':
      case 'for_statement': {
        const name = node.childForFieldName('name')?.text ?? node.childForFieldName('variable')?.text;
        if (name) result.assigned.add(name);
        return true;
      }
      case 'declaration_command':
        for (const child of node.namedChildren) if (child?.type === 'variable_name') result.assigned.add(child.text);
        return true;
      case 'simple_expansion':
      case 'expansion': {
        const variable = node.namedChildren.find((c) => c?.type === 'variable_name');
        if (!variable) return true;
        // The operators are the anonymous children (`$`, `:-`, `/`, `^^`): one walk over them, no lists.
        let guarded = false;
        let colon = false;
        let replacement = false;
        let caseChange = false;
        for (const c of node.children) {
          if (!c || c.isNamed) continue;
          const o = c.type;
          if (!guarded && /^(:?[-=?+])$/.test(o)) guarded = true;
          if (o === ':') colon = true;
          if (o === '/' || o === '//' || o === '/#' || o === '/%') replacement = true;
          if (!caseChange && /^[,^]{1,2}$/.test(o)) caseChange = true;
        }
        result.expansions.push({ name: variable.text, guarded, start: node.startIndex, end: node.endIndex });
        if (BASH_VARIABLES.has(variable.text)) bashism(node, 'SC3028', `\`$${variable.text}\``, variable.text === 'RANDOM' || variable.text === 'SECONDS', variable.text);
        if (node.type === 'expansion' && colon && !guarded && node.namedChildren.some((c) => c?.type === 'number' || c?.type === 'arithmetic_expansion' || c?.type === 'simple_expansion')) {
          bashism(node, 'SC3057', 'substrings `${var:offset:length}`', true);
        }
        if (node.type === 'expansion' && replacement) bashism(node, 'SC3060', 'replacements `${var/from/to}`', true);
        if (node.type === 'expansion' && caseChange) bashism(node, 'SC3059', 'case changes `${var^^}`', false);
        return true;
      }
      default:
        return true;
    }
  });
  return result;
}

/** Leaf types the visitor in syntaxOf acts on; at any other leaf (a word, an operator) it does nothing. */
const LEAVES_READ = new Set(['array', 'herestring_redirect', 'process_substitution', 'command_substitution', 'ansi_c_string']);

/**
 * walkShellSyntax for syntaxOf, without calling its visitor at the leaves it ignores: most nodes of
 * a script are such leaves (words, operators), and every script is read this way.
 */
function walkSyntax(node: SyntaxNode, visit: (node: SyntaxNode) => boolean): void {
  if (!visit(node)) return;
  for (const child of node.children) {
    if (child.children.length > 0 || LEAVES_READ.has(child.type)) walkSyntax(child, visit);
  }
}

function hasAncestor(node: SyntaxNode, test: (a: SyntaxNode) => boolean): boolean {
  for (let a = node.parent; a; a = a.parent) if (test(a)) return true;
  return false;
}

/** Names an ARG or ENV sets where a RUN executes (see variablesBefore). */
export interface VisibleVariables {
  has(name: string): boolean;
}

/** The ARG and ENV names of the stages a stage is built on, and the first line of each name its own instructions set. */
interface VariableScope {
  inherited: Set<string>;
  firstLine: Map<string, number>;
}

/** ARG and ENV names visible to a RUN: its stage chain up to it (global ARGs only when redeclared), or the lines before it outside stages. */
export function variablesBefore(model: DockerfileModel, site: RunSite): VisibleVariables {
  const scope = variableScope(model, site.stage);
  const line = site.instruction.getRange().start.line;
  const everyLine = site.onbuild;
  return {
    has(name: string): boolean {
      if (scope.inherited.has(name)) return true;
      const first = scope.firstLine.get(name);
      return first !== undefined && (everyLine || first < line);
    },
  };
}

const scopesByModel = new WeakMap<DockerfileModel, Map<Stage | undefined, VariableScope>>();

/** Read once per stage and model, so that each RUN's question costs two lookups instead of a walk over the stage. */
function variableScope(model: DockerfileModel, stage: Stage | undefined): VariableScope {
  return perStage(scopesByModel, model, stage, () => {
    const scope: VariableScope = { inherited: new Set(), firstLine: new Map() };
    for (const definition of definitionsOf(model, stage)) if (!scope.firstLine.has(definition.name)) scope.firstLine.set(definition.name, definition.line);
    if (stage) for (const base of stageChain(stage).slice(1)) for (const definition of definitionsOf(model, base)) scope.inherited.add(definition.name);
    return scope;
  });
}

const definitionsByModel = new WeakMap<DockerfileModel, Map<Stage | undefined, { name: string; line: number }[]>>();

/** ARG and ENV names of a stage (or of the lines outside stages), in order, read once per model. */
function definitionsOf(model: DockerfileModel, stage: Stage | undefined): { name: string; line: number }[] {
  return perStage(definitionsByModel, model, stage, () => readDefinitions(model, stage));
}

function readDefinitions(model: DockerfileModel, stage: Stage | undefined): { name: string; line: number }[] {
  const list: { name: string; line: number }[] = [];
  for (const instruction of stage ? stage.instructions : model.ast.getInstructions()) {
    const keyword = keywordOf(instruction);
    if (keyword !== 'ARG' && keyword !== 'ENV') continue;
    const line = instruction.getRange().start.line;
    const properties = (instruction as unknown as { getProperties?(): { getName(): string }[] }).getProperties?.() ?? [];
    for (const p of properties) list.push({ name: p.getName(), line });
    const arg = (instruction as unknown as { getProperty?(): { getName(): string } | null }).getProperty?.();
    if (arg) list.push({ name: arg.getName(), line });
  }
  return list;
}

/** `derive()` computed once per model and stage (`undefined`: the lines outside any stage). */
function perStage<T>(cache: WeakMap<DockerfileModel, Map<Stage | undefined, T>>, model: DockerfileModel, stage: Stage | undefined, derive: () => T): T {
  let byStage = cache.get(model);
  if (!byStage) cache.set(model, (byStage = new Map()));
  let value = byStage.get(stage);
  if (value === undefined) byStage.set(stage, (value = derive()));
  return value;
}
