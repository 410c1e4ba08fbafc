import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { Report } from '../../rule';
import type { DockerfileModel, Stage } from '../model';
import { keywordOf } from '../model';
import { chainInstructionsOf } from '../runtime';
import { joinContinuations, parseShell } from '../shell';
import { replaceOffsets, selfChange } from '../edits';

/**
 * CMD/ENTRYPOINT in shell form run as `/bin/sh -c "…"`: the shell is PID 1 and does not forward
 * SIGTERM, so `docker stop` waits 10 s and kills the app. Exec (JSON) form runs the app directly.
 */
export const shellFormCmd: DockerfileRule = {
  meta: {
    id: 'shell-form-cmd',
    kind: 'dockerfile',
    title: 'CMD and ENTRYPOINT should use exec (JSON) form',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3025', 'JSONArgsRecommended'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['ARG', 'CMD', 'ENTRYPOINT', 'FROM', 'HEALTHCHECK', 'SHELL'],
  check({ model, report }) {
    // A fragment without FROM is still read (an editor buffer being written, a snippet).
    const groups = model.stages.length > 0 ? model.stages : [{ instructions: model.ast.getInstructions() }];
    for (const stage of groups) {
      // Under a SHELL that is not a POSIX shell (`SHELL ["powershell", …]`), shell form is that shell's syntax.
      if ('from' in stage && !posixShellAtEnd(stage)) continue;
      for (const instruction of stage.instructions) {
        const keyword = keywordOf(instruction);
        if (keyword === 'HEALTHCHECK') {
          healthcheck(model, instruction, report);
          continue;
        }
        if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT') continue;
        const script = shellFormScript(model.text, model.lines.offsetAt.bind(model.lines), instruction);
        if (!script) continue;
        const range = instruction.getRange();
        if (script.brokenJson) {
          report({
            range: { start: range.start, end: range.end },
            message: `${keyword} looks like exec form but is not a valid JSON array of strings, so Docker runs it through /bin/sh as shell form. Check the brackets and use double quotes: ${keyword} ["executable", "arg"].`,
          });
          continue;
        }
        const shape = shellFormShape(script.text, model.escapeChar);
        if (shape.kind === 'exec-prefixed') continue; // the app replaces the shell and receives signals.
        const fixes = [];
        if (shape.kind === 'literal') {
          fixes.push({
            title: `Rewrite in exec form: ${keyword} ${shape.exec}`,
            isPreferred: true,
            changes: [selfChange(model, [replaceOffsets(model, script.start, script.end, shape.exec)])],
          });
        } else if (shape.kind === 'single-command') {
          fixes.push({
            title: `Prefix with \`exec\` so the app replaces the shell and receives signals`,
            isPreferred: true,
            changes: [selfChange(model, [replaceOffsets(model, script.start, script.start, 'exec ')])],
          });
        }
        report({
          range: { start: range.start, end: instruction.getInstructionRange().end },
          message: `${keyword} uses shell form, so /bin/sh runs as PID 1 and the app never receives SIGTERM on \`docker stop\`. Use exec form: ${keyword} ["executable", "arg"].`,
          fixes,
        });
      }
    }
  },
};

/** False when the stage (or a stage it is built on) switched SHELL to something that is not a POSIX shell. */
function posixShellAtEnd(stage: Stage): boolean {
  const shells = chainInstructionsOf(stage, 'SHELL');
  const last = shells[shells.length - 1];
  if (!last) return true;
  const executable = (last as unknown as { getJSONStrings(): { getValue(): string }[] }).getJSONStrings()[0]?.getValue().replace(/"/g, '') ?? '';
  return /^(?:.*\/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)$/.test(executable);
}

/**
 * `HEALTHCHECK CMD curl …` in shell form needs /bin/sh in the image: distroless and scratch
 * images have none, so the check fails forever. Reported for hadolint's DL3025 only, as information.
 */
function healthcheck(model: DockerfileModel, instruction: Instruction, report: (r: Report) => void): void {
  const args = instruction.getArguments();
  const cmdIndex = args.findIndex((a) => a.getValue().toUpperCase() === 'CMD');
  const first = args[cmdIndex + 1];
  if (cmdIndex < 0 || !first) return;
  const start = model.lines.offsetAt(first.getRange().start);
  const end = model.lines.offsetAt(instruction.getRange().end);
  const body = model.text.slice(start, end);
  if (body.trimStart().startsWith('[')) return;
  const shape = shellFormShape(body, model.escapeChar);
  if (shape.kind === 'compound' || shape.kind === 'exec-prefixed') return; // needs the shell: shell form is the honest form.
  report({
    range: { start: args[cmdIndex].getRange().start, end: first.getRange().end },
    message: 'HEALTHCHECK CMD in shell form runs through /bin/sh, which distroless and scratch images do not have: the check would fail forever there. Use exec form: HEALTHCHECK CMD ["executable", "arg"].',
    severity: 'information',
    equivalents: ['DL3025'],
    fixes: shape.kind === 'literal' ? [{
      title: `Rewrite in exec form: HEALTHCHECK … CMD ${shape.exec}`,
      isPreferred: true,
      changes: [selfChange(model, [replaceOffsets(model, start, end, shape.exec)])],
    }] : [],
  });
}

interface ShellFormScript {
  text: string;
  start: number;
  end: number;
  /** Starts with `[` but is not a JSON array of strings: Docker silently runs it in shell form. */
  brokenJson: boolean;
}

/** `["a", "b"]`: JSON whitespace, strings without escapes or control characters (so JSON.parse accepts it as an array of strings). */
const PLAIN_JSON_STRINGS = /^[ \t\n\r]*\[[ \t\n\r]*"[^"\\\u0000-\u001f]*"(?:[ \t\n\r]*,[ \t\n\r]*"[^"\\\u0000-\u001f]*")*[ \t\n\r]*\][ \t\n\r]*$/;

function shellFormScript(text: string, offsetAt: (p: { line: number; character: number }) => number, instruction: Instruction): ShellFormScript | undefined {
  const args = instruction.getArguments();
  if (args.length === 0) return undefined;
  const start = offsetAt(args[0].getRange().start);
  const end = offsetAt(instruction.getRange().end);
  const body = text.slice(start, end);
  const brokenJson = body.trimStart().startsWith('[');
  if (brokenJson) {
    // Most are a plain JSON array of plain strings, which JSON.parse would accept: no need to build it.
    if (PLAIN_JSON_STRINGS.test(body)) return undefined;
    try {
      const parsed = JSON.parse(body.includes('\\') ? body.replace(/\\\r?\n/g, ' ') : body) as unknown;
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return undefined;
    } catch {
      // Not valid JSON: Docker runs it in shell form.
    }
  }
  return { text: body, start, end, brokenJson };
}

type ShellFormShape =
  | { kind: 'literal'; exec: string }
  | { kind: 'exec-prefixed' }
  | { kind: 'single-command' }
  | { kind: 'compound' };

/**
 * What a shell-form command line is: one command of literal words (rewritable as JSON), one
 * command that needs the shell for expansions (can be prefixed with `exec`), already `exec …`,
 * or a compound line (pipes, lists, redirections) that only a script can replace.
 */
export function shellFormShape(script: string, escapeChar = '\\'): ShellFormShape {
  const source = joinContinuations(script, escapeChar);
  const parsed = parseShell(source);
  if (parsed.hasError || parsed.commands.length !== 1) return { kind: 'compound' };
  const [command] = parsed.commands;
  if (source.slice(0, command.start).trim() !== '' || source.slice(command.end).trim() !== '') return { kind: 'compound' };
  if (command.name === 'exec') return { kind: 'exec-prefixed' };
  const words = [command.nameWord, ...command.args];
  const literal = command.assignments.length === 0
    && words.every((w) => w.value !== undefined && !(isUnquoted(w.text) && /[*?[~]/.test(w.text)));
  if (!literal) return { kind: 'single-command' };
  return { kind: 'literal', exec: JSON.stringify(words.map((w) => w.value)).replace(/","/g, '", "') };
}

function isUnquoted(text: string): boolean {
  return !text.startsWith("'") && !text.startsWith('"');
}
