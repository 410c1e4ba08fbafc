/** The engine's vocabulary: positions, edits, findings and rule metadata. LSP-shaped, LSP-free. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export type FileKind = 'dockerfile' | 'compose';

export const SEVERITY_ORDER: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** One change a fix makes to one file: edits to a file that exists, or a new file. */
export type FileChange =
  | { kind: 'edit'; path: string; edits: TextEdit[] }
  | { kind: 'create'; path: string; content: string };

export interface Fix {
  title: string;
  /** The fix the lightbulb and `--fix` apply; at most one per finding. */
  isPreferred?: boolean;
  changes: FileChange[];
  /** Its changes write a secret's value (into .env): reports such as SARIF leave them out. */
  carriesSecret?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  equivalents: readonly string[];
  /** URL of the rule's documentation page. */
  docs: string;
  fixes: Fix[];
}

export interface RuleMeta {
  id: string;
  kind: FileKind;
  title: string;
  severity: Severity;
  enabledByDefault: boolean;
  /** Peer codes: hadolint DL codes, BuildKit check names, Trivy/Checkov/KICS ids. */
  equivalents: readonly string[];
  fixable: boolean;
}

export const DOCS_BASE = 'https://github.com/dockhand-dev/dockhand/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
