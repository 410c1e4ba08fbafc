import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FileChange, Finding, Fix, Range, RuleMeta, Severity } from '../engine/finding';
import { docsUrl } from '../engine/finding';
import type { FileReport } from './report';
import { displayPath } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/dockhand-dev/dockhand';

export interface SarifOptions {
  version: string;
  /** Every rule the run could report: listed so code scanning shows titles and help links. */
  rules: readonly RuleMeta[];
}

/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Paths are
 * relative to the current folder (`%SRCROOT%`, the repository root in a CI checkout), regions
 * 1-based with end columns exclusive, columns in UTF-16 code units as in LSP. Preferred and
 * alternative fixes are included as SARIF `fixes`.
 */
export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
  const rules = [...options.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      if (!index.has(finding.rule)) {
        index.set(finding.rule, rules.length);
        rules.push({ id: finding.rule, kind: report.kind ?? 'dockerfile', title: finding.rule, severity: finding.severity, enabledByDefault: true, equivalents: [], fixable: false });
      }
      results.push(result(report, finding, index.get(finding.rule)!));
    }
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockhand',
            version: options.version,
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function ruleDescriptor(meta: RuleMeta) {
  const peers = meta.equivalents.length > 0 ? ` Peer equivalents: ${meta.equivalents.join(', ')}.` : '';
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: `${meta.title}.${peers}` },
    helpUri: docsUrl(meta.id),
    help: { text: `${meta.title}. See ${docsUrl(meta.id)}`, markdown: `${meta.title}. [Documentation](${docsUrl(meta.id)})` },
    defaultConfiguration: { enabled: meta.enabledByDefault, level: LEVEL[meta.severity] },
    properties: { tags: [meta.kind, ...meta.equivalents], fixable: meta.fixable },
  };
}

function result(report: FileReport, finding: Finding, ruleIndex: number) {
  // A fix that writes a secret's value is applied by --fix or the editor, never printed in a report.
  const fixes = finding.fixes.filter((fix) => fix.changes.length > 0 && !fix.carriesSecret).map(sarifFix);
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(report.path), region: region(finding.range) } }],
    ...(fixes.length > 0 ? { fixes } : {}),
    properties: { equivalents: [...finding.equivalents] },
  };
}

function artifact(file: string) {
  const shown = displayPath(path.resolve(file));
  if (path.isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function sarifFix(fix: Fix) {
  const changes = fix.changes.map(artifactChange);
  return { description: { text: fix.title + (fix.isPreferred ? ' (preferred)' : '') }, artifactChanges: changes };
}

function artifactChange(change: FileChange) {
  if (change.kind === 'create') {
    return {
      artifactLocation: artifact(change.path),
      replacements: [{ deletedRegion: { charOffset: 0, charLength: 0 }, insertedContent: { text: change.content } }],
    };
  }
  return {
    artifactLocation: artifact(change.path),
    replacements: change.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
  };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}
