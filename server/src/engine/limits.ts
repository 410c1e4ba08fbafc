import type { Finding, RuleMeta } from './finding';
import { docsUrl } from './finding';

/** Files larger than this get one finding instead of the rules: no Dockerfile or Compose file is this big. */
export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

/** A rule that runs longer than this on one file is reported to the log (it still reports its findings). */
export const SLOW_RULE_MS = 250;

export const fileTooLargeMeta: RuleMeta = {
  id: 'file-too-large',
  kind: 'dockerfile',
  title: 'The file is too large to lint',
  severity: 'information',
  enabledByDefault: true,
  equivalents: [],
  fixable: false,
};

export function fileTooLargeFinding(text: string, limit: number): Finding {
  const firstLineEnd = text.search(/\r?\n/);
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    rule: fileTooLargeMeta.id,
    severity: fileTooLargeMeta.severity,
    message: `This file has ${count(text.length)} characters, over the ${count(limit)} that Dockhand lints, so its rules did not run. No real Dockerfile or Compose file is this large: check that it is the file you meant, or split it.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(firstLineEnd < 0 ? text.length : firstLineEnd, 200) } },
    equivalents: [],
    docs: docsUrl(fileTooLargeMeta.id),
    fixes: [],
  };
}
