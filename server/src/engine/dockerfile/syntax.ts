import type { Finding, RuleMeta } from '../finding';
import { docsUrl } from '../finding';
import { closest } from '../util/suggest';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from './model';
import { keywordOf } from './model';

export const KEYWORDS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

/** Findings that are not rules: the file cannot be read or cannot be built as written. Always on. */
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

export const parseErrorMeta: RuleMeta = {
  id: 'parse-error',
  kind: 'dockerfile',
  title: 'The file cannot be parsed',
  severity: 'error',
  enabledByDefault: true,
  equivalents: [],
  fixable: false,
};

export const readErrorMeta: RuleMeta = {
  id: 'read-error',
  kind: 'dockerfile',
  title: 'The file cannot be read',
  severity: 'error',
  enabledByDefault: true,
  equivalents: [],
  fixable: false,
};

const ARGUMENT_COUNT = Symbol('dockhand.argumentCount');

/** An instruction's number of arguments, kept on it: the parser's copies of an unchanged instruction carry it. */
function argumentCount(instruction: Instruction): number {
  const slots = instruction as unknown as Record<symbol, number | undefined>;
  return (slots[ARGUMENT_COUNT] ??= instruction.getArguments().length);
}

export function syntaxFindings(model: DockerfileModel): Finding[] {
  const findings: Finding[] = [];
  const report = (range: Finding['range'], message: string) =>
    findings.push({ rule: 'parse-error', severity: 'error', message, range, equivalents: [], docs: docsUrl('parse-error'), fixes: [] });
  const instructions = model.ast.getInstructions();
  for (const instruction of instructions) {
    const keyword = keywordOf(instruction);
    if (!KEYWORD_SET.has(keyword)) {
      if (!/^[A-Z][A-Z0-9_-]*$/.test(keyword)) {
        report(instruction.getInstructionRange(), 'This line is not a Dockerfile instruction: start it with an instruction such as FROM, RUN or COPY, or make it a comment with `#`.');
        continue;
      }
      const suggestion = closest(keyword, KEYWORDS, 2);
      report(instruction.getInstructionRange(),
        `Unknown instruction \`${instruction.getKeyword()}\`.` + (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Use one of ${KEYWORDS.join(', ')}.`));
    } else if (argumentCount(instruction) === 0 && keyword !== 'HEALTHCHECK') {
      report(instruction.getInstructionRange(), `\`${keyword}\` needs arguments: complete the instruction or remove it.`);
    }
  }
  // An instruction before the first FROM is the rule instruction-before-from (DL3061), so it can carry its peer code.
  return findings;
}
