import type { Instruction } from 'dockerfile-ast';
import type { Finding, Fix, RuleMeta } from '../finding';
import type { DockerfileModel } from './model';
import { stageRange } from './model';
import { selfChange } from './edits';

/**
 * Inline suppression comments, ours and the peers' so existing files keep working:
 * - `# dockhand-ignore=<ids>` and `# hadolint ignore=<ids>`: the next instruction (hadolint's form
 *   is dropped whole when it names an id that no rule knows, as hadolint does);
 * - `# check=skip=<ids>` below the parser directives: the next instruction, like BuildKit;
 * - `# hadolint stage ignore=<ids>`: the stage it precedes (or the one it is in);
 * - `# dockhand-ignore-file=<ids>` and `# hadolint global ignore=<ids>`: the whole file;
 * - BuildKit's `# check=skip=<ids>|all;error=true;experimental=<ids>|all` parser directive at the
 *   top of the file: skip those checks, report every build check as an error, run experimental ones.
 * - `# hadolint shell=<shell>`: RUN is not a POSIX shell (powershell): shell rules stay quiet.
 * Ids are Dockhand rule ids or any equivalent peer code, case-insensitive.
 */
export interface Suppressions {
  file: Set<string>;
  /** Ids suppressed on a range of lines (one instruction, or one stage): [first line, last line, ids]. */
  instructions: { first: number; last: number; ids: Set<string> }[];
  /** The `# check=` parser directive at the top of the file. */
  check: CheckDirective;
}

export interface CheckDirective {
  /** Checks skipped by `skip=` (lower-case ids; `all` for every non-experimental check). */
  skip: Set<string>;
  /** `error=true`: a build check finding fails the build. */
  error: boolean;
  /** Experimental checks turned on by `experimental=` (lower-case ids; `all`). */
  experimental: Set<string>;
}

/** Docker's build checks (`docker build --check`), which `# check=error=true` turns into errors. */
export const BUILDKIT_CHECKS: readonly string[] = [
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath',
  'UndefinedVar', 'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed', 'CopyIgnoredFile',
  'InvalidDefinitionDescription', 'ExposeProtoCasing', 'ExposeInvalidFormat', 'InvalidBaseImagePlatform',
];
const BUILDKIT_LOWER = new Set(BUILDKIT_CHECKS.map((c) => c.toLowerCase()));
/** BuildKit checks that run only when `# check=experimental=` names them. */
export const EXPERIMENTAL_CHECKS: readonly string[] = ['InvalidDefinitionDescription'];
const EXPERIMENTAL_LOWER = new Set(EXPERIMENTAL_CHECKS.map((c) => c.toLowerCase()));

const NEXT_INSTRUCTION = /^\s*#\s*dockhand-ignore\s*[=:]?\s*(.+)$/i;
const HADOLINT_NEXT = /^\s*#\s*hadolint\s+ignore\s*=\s*(.+)$/i;
const HADOLINT_STAGE = /^\s*#\s*hadolint\s+stage\s+ignore\s*=\s*(.+)$/i;
const HADOLINT_SHELL = /^\s*#\s*hadolint\s+shell\s*=\s*(\S+)/i;
const CHECK_NEXT = /^\s*#\s*check\s*=\s*(.+)$/i;
const WHOLE_FILE = /^\s*#\s*(?:dockhand-ignore-file\s*[=:]?|hadolint\s+global\s+ignore\s*=)\s*(.+)$/i;
const DIRECTIVE = /^\s*#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*)$/;

/** The ids of a list, up to a trailing comment (`# why`, `// why`). */
function ids(list: string): string[] {
  return list.replace(/\s(?:#|\/\/).*$/, '').split(/[,\s]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
}

const HADOLINT_CODE = /^(?:dl|sc)\d{4}$/;

/**
 * Reads every suppression comment. `isKnownId` (lower-case id → known) decides which ids a
 * `# hadolint ignore=` may name; by default hadolint's own DL/SC codes.
 */
export function parseSuppressions(model: DockerfileModel, isKnownId: (id: string) => boolean = (id) => HADOLINT_CODE.test(id)): Suppressions {
  const result: Suppressions = { file: new Set(), instructions: [], check: { skip: new Set(), error: false, experimental: new Set() } };
  const instructions = model.ast.getInstructions();
  const directiveEnd = directiveBlockEnd(model);
  let next = 0;
  const nextInstruction = (line: number) => {
    while (next < instructions.length && instructions[next].getRange().start.line <= line) next++;
    return instructions[next];
  };
  const forNext = (line: number, list: string[]) => {
    const target = nextInstruction(line);
    if (!target || list.length === 0) return;
    const range = target.getRange();
    result.instructions.push({ first: range.start.line, last: range.end.line, ids: new Set(list) });
  };
  for (let line = 0; line < model.lines.lineCount; line++) {
    if (!isCommentLine(model, line)) continue;
    const text = model.lines.lineText(line).replace(/^\uFEFF/, '');
    if (line < directiveEnd) {
      const directive = DIRECTIVE.exec(text);
      if (directive && directive[1].toLowerCase() === 'check') readCheckDirective(directive[2], result.check);
      continue;
    }
    const whole = WHOLE_FILE.exec(text);
    if (whole) {
      for (const id of ids(whole[1])) result.file.add(id);
      continue;
    }
    const ours = NEXT_INSTRUCTION.exec(text);
    if (ours && !/^\s*#\s*dockhand-ignore-file/i.test(text)) {
      forNext(line, ids(ours[1]));
      continue;
    }
    const hadolint = HADOLINT_NEXT.exec(text);
    if (hadolint) {
      const list = ids(hadolint[1]);
      if (list.every(isKnownId)) forNext(line, list);
      continue;
    }
    const stageIgnore = HADOLINT_STAGE.exec(text);
    if (stageIgnore) {
      const range = stageLinesFor(model, line);
      if (range) result.instructions.push({ ...range, ids: new Set(ids(stageIgnore[1])) });
      continue;
    }
    const check = CHECK_NEXT.exec(text);
    if (check) {
      const skip = check[1].replace(/\s(?:#|\/\/).*$/, '').split(';').map((part) => part.split('=')).find(([key]) => key.trim().toLowerCase() === 'skip');
      if (skip) forNext(line, ids(skip[1] ?? ''));
    }
  }
  return result;
}

/** Whether the line's first character other than white space is `#`, read in place (most lines are not comments). */
function isCommentLine(model: DockerfileModel, line: number): boolean {
  const text = model.text;
  const end = model.lines.lineEnd(line);
  for (let i = model.lines.lineStart(line); i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 35 /* # */) return true;
    if (ch === 32 || ch === 9) continue;
    // Other white space (a BOM, Unicode spaces): as trimStart sees it.
    if (ch > 127 || ch === 11 || ch === 12) return model.lines.lineText(line).trimStart().startsWith('#');
    return false;
  }
  return false;
}

function readCheckDirective(value: string, check: CheckDirective): void {
  for (const part of value.split(';')) {
    const [key, setting = ''] = part.split('=');
    const name = key.trim().toLowerCase();
    if (name === 'skip') for (const id of ids(setting)) check.skip.add(id);
    else if (name === 'error') check.error = setting.trim().toLowerCase() === 'true';
    else if (name === 'experimental') for (const id of ids(setting)) check.experimental.add(id);
  }
}

/** The lines of the stage a `# hadolint stage ignore=` comment applies to: the next FROM's, or the enclosing one. */
function stageLinesFor(model: DockerfileModel, line: number): { first: number; last: number } | undefined {
  const following = model.stages.find((s) => s.from.getRange().start.line > line);
  const before = model.ast.getInstructions().filter((i) => i.getRange().start.line > line && (!following || i.getRange().start.line < following.from.getRange().start.line));
  const enclosing = [...model.stages].reverse().find((s) => s.from.getRange().start.line < line);
  const stage = following && (before.length === 0 || !enclosing) ? following : enclosing ?? following;
  if (!stage) return undefined;
  return { first: stage.from.getRange().start.line, last: stageRange(stage).end.line };
}

function matches(idSet: Set<string>, finding: Finding): boolean {
  if (idSet.has(finding.rule)) return true;
  return finding.equivalents.some((code) => idSet.has(code.toLowerCase()));
}

function isExperimental(equivalents: readonly string[]): boolean {
  return equivalents.some((code) => EXPERIMENTAL_LOWER.has(code.toLowerCase()));
}

/** True when `# check=experimental=` turns on this (experimental, off-by-default) rule. */
export function enabledByCheckDirective(suppressions: Suppressions, meta: RuleMeta): boolean {
  const on = suppressions.check.experimental;
  if (on.size === 0 || !isExperimental(meta.equivalents)) return false;
  return on.has('all') || on.has(meta.id) || meta.equivalents.some((code) => on.has(code.toLowerCase()));
}

/**
 * Whether any finding may be dropped or changed by a suppression comment or the `# check=`
 * directive: most files have none, and their findings need not be judged one by one.
 */
export function suppressesAnything(suppressions: Suppressions): boolean {
  return suppressions.file.size > 0 || suppressions.check.skip.size > 0 || suppressions.instructions.length > 0 || suppressions.check.error;
}

export function isSuppressed(suppressions: Suppressions, finding: Finding): boolean {
  if (suppressions.file.has('all') || matches(suppressions.file, finding)) return true;
  const skip = suppressions.check.skip;
  const buildCheck = finding.equivalents.some((code) => BUILDKIT_LOWER.has(code.toLowerCase()));
  // BuildKit: `skip=` never applies to an experimental check that `experimental=` turned on.
  const experimentalOn = isExperimental(finding.equivalents) && suppressions.check.experimental.size > 0;
  if (!experimentalOn && ((skip.has('all') && buildCheck) || matches(skip, finding))) return true;
  const line = finding.range.start.line;
  return suppressions.instructions.some((s) => line >= s.first && line <= s.last && (s.ids.has('all') || matches(s.ids, finding)));
}

/** `# check=error=true`: findings of Docker's build checks become errors. */
export function withCheckSeverity(suppressions: Suppressions, finding: Finding): Finding {
  if (!suppressions.check.error || finding.severity === 'error') return finding;
  if (!finding.equivalents.some((code) => BUILDKIT_LOWER.has(code.toLowerCase()))) return finding;
  return { ...finding, severity: 'error' };
}

const shellByModel = new WeakMap<DockerfileModel, string | null>();

/**
 * The shell a `# hadolint shell=<name>` comment declares for RUN (e.g. `powershell`), if any.
 * Shell rules consult `runsPosixShell` so a PowerShell file is not read as bash.
 */
export function declaredShell(model: DockerfileModel): string | undefined {
  let shell = shellByModel.get(model);
  if (shell === undefined) {
    shell = null;
    // Line by line only when the file has such a comment at all.
    const lines = /#\s*hadolint\s+shell/i.test(model.text) ? model.lines.lineCount : 0;
    for (let line = 0; line < lines; line++) {
      const match = HADOLINT_SHELL.exec(model.lines.lineText(line));
      if (match) shell = match[1];
    }
    shellByModel.set(model, shell);
  }
  return shell ?? undefined;
}

/** False when a `# hadolint shell=` comment declares a shell that is not a POSIX shell. */
export function runsPosixShell(model: DockerfileModel): boolean {
  const shell = declaredShell(model);
  return shell === undefined || /^(?:.*\/)?(?:sh|bash|ash|dash|zsh|ksh|mksh|busybox)$/i.test(shell);
}

/** The line after the parser directives (`# syntax=`, `# escape=`, `# check=`) at the top of the file. */
export function directiveBlockEnd(model: DockerfileModel): number {
  let line = 0;
  while (line < model.lines.lineCount) {
    const directive = DIRECTIVE.exec(model.lines.lineText(line).replace(/^\uFEFF/, ''));
    if (!directive || !['syntax', 'escape', 'check'].includes(directive[1].toLowerCase())) break;
    line++;
  }
  return line;
}

/** "Ignore <rule> for this instruction" and "… in this file": comment insertions, never preferred. */
export function suppressionFixes(model: DockerfileModel, finding: Finding): Fix[] {
  const fixes: Fix[] = [];
  const eol = model.lines.eol;
  const instruction = instructionAt(model, finding.range.start.line);
  if (instruction) {
    const line = instruction.getRange().start.line;
    const indent = /^\s*/.exec(model.lines.lineText(line))?.[0] ?? '';
    const above = line > 0 ? model.lines.lineText(line - 1) : '';
    const existing = /^(\s*#\s*dockhand-ignore\s*=\s*)(.*?)\s*$/i.exec(above);
    const edit = existing && line - 1 >= directiveBlockEnd(model)
      ? { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: `${existing[1]}${existing[2]},${finding.rule}` }
      : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# dockhand-ignore=${finding.rule}${eol}` };
    fixes.push({ title: `Ignore ${finding.rule} for this instruction`, changes: [selfChange(model, [edit])] });
  }
  const top = directiveBlockEnd(model);
  const pos = { line: top, character: 0 };
  const newText = top >= model.lines.lineCount && model.text.length > 0 && !model.text.endsWith('\n')
    ? `${eol}# dockhand-ignore-file=${finding.rule}${eol}`
    : `# dockhand-ignore-file=${finding.rule}${eol}`;
  fixes.push({ title: `Ignore ${finding.rule} in this file`, changes: [selfChange(model, [{ range: { start: pos, end: pos }, newText }])] });
  return fixes;
}

function instructionAt(model: DockerfileModel, line: number): Instruction | undefined {
  return model.ast.getInstructions().find((i) => i.getRange().start.line <= line && i.getRange().end.line >= line);
}
