import * as fs from 'fs';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver/node';
import type { Finding } from '../../engine/finding';

/**
 * The rule pages (docs/rules/<id>.md) shown when hovering a finding. The bundle carries them
 * (esbuild defines DOCKHAND_RULE_DOCS), so the packaged extension needs no docs folder; compiled
 * sources (tests) read them from the repository.
 */
declare const DOCKHAND_RULE_DOCS: string;

/** Referenced once: esbuild pastes the defined JSON text at every reference. */
function bundledDocs(): Record<string, string> | undefined {
  try {
    return JSON.parse(DOCKHAND_RULE_DOCS) as Record<string, string>;
  } catch {
    return undefined; // not bundled: DOCKHAND_RULE_DOCS does not exist
  }
}

const BUNDLED = bundledDocs();
let fromDisk: Map<string, string | undefined> | undefined;

export function ruleDocText(ruleId: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  if (BUNDLED) return BUNDLED[ruleId];
  fromDisk ??= new Map();
  if (!fromDisk.has(ruleId)) {
    const folder = docsFolder();
    let text: string | undefined;
    try {
      text = folder ? fs.readFileSync(path.join(folder, `${ruleId}.md`), 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    fromDisk.set(ruleId, text);
  }
  return fromDisk.get(ruleId);
}

function docsFolder(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 7; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/** The parts of a rule page a hover needs: the explanation, Bad and Good, without the settings boilerplate. */
export function ruleDocSummary(markdown: string): string {
  const text = markdown.replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const sections = new Map<string, string[]>();
  let current = '';
  const intro: string[] = [];
  for (const line of lines) {
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      current = heading[1].trim().toLowerCase();
      sections.set(current, []);
      continue;
    }
    if (/^#\s/.test(line)) continue;
    if (current === '') intro.push(line);
    else sections.get(current)!.push(line);
  }
  const why = intro.filter((l) => !/^- (Default severity|Kind|Peer equivalents):/.test(l)).join('\n').trim();
  const parts = [why];
  for (const name of ['bad', 'good']) {
    const body = sections.get(name)?.join('\n').trim();
    if (body) parts.push(`**${name === 'bad' ? 'Bad' : 'Good'}**\n${body}`);
  }
  return parts.filter((p) => p.length > 0).join('\n\n');
}

/** Markdown for the findings under the cursor: rule, explanation, peer codes, link to the page. */
export function findingsHover(findings: readonly Finding[]): MarkupContent | undefined {
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const finding of findings) {
    if (seen.has(finding.rule)) continue;
    seen.add(finding.rule);
    const doc = ruleDocText(finding.rule);
    const lines = [`**Dockhand: \`${finding.rule}\`** (${finding.severity})`];
    if (doc) lines.push(ruleDocSummary(doc));
    if (finding.equivalents.length > 0) lines.push(`Peer codes: ${finding.equivalents.map((e) => `\`${e}\``).join(', ')}`);
    lines.push(`[Rule documentation](${finding.docs})`);
    blocks.push(lines.join('\n\n'));
  }
  return blocks.length > 0 ? { kind: 'markdown', value: blocks.join('\n\n---\n\n') } : undefined;
}
