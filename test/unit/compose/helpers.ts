import * as assert from 'assert';
import * as path from 'path';
import { lint } from '../../../server/src/engine/engine';
import type { Finding } from '../../../server/src/engine/finding';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { applyFix, fixAll, preferredFix } from '../../../server/src/engine/fixes';

export const ROOT = path.resolve('/project');
export const COMPOSE = path.join(ROOT, 'compose.yaml');

export interface ComposeFixture {
  compose: string;
  files?: Record<string, string>;
  name?: string;
}

function normalise(input: string | ComposeFixture): ComposeFixture {
  return typeof input === 'string' ? { compose: input } : input;
}

export function composePath(fixture: ComposeFixture): string {
  return path.join(ROOT, fixture.name ?? 'compose.yaml');
}

export function composeWorkspace(fixture: ComposeFixture): MemoryWorkspace {
  const files: Record<string, string> = { [composePath(fixture)]: fixture.compose };
  for (const [name, content] of Object.entries(fixture.files ?? {})) files[path.join(ROOT, name)] = content;
  return new MemoryWorkspace(files, [ROOT]);
}

export function composeFindings(input: string | ComposeFixture, rule: string): Finding[] {
  const fixture = normalise(input);
  const result = lint({ path: composePath(fixture), text: fixture.compose }, composeWorkspace(fixture), {});
  if (result.failures.length > 0) throw result.failures[0].error;
  return result.findings.filter((f) => f.rule === rule);
}

export const where = (f: Finding) => `${f.range.start.line}:${f.range.start.character}`;

/** Applies the first preferred fix; the result must be valid YAML with fewer findings, and fix-all must settle. */
export function composeFix(input: string | ComposeFixture, rule: string): Record<string, string> {
  const fixture = normalise(input);
  const ws = composeWorkspace(fixture);
  const file = composePath(fixture);
  const before = composeFindings(fixture, rule);
  const finding = before.find((f) => preferredFix(f));
  assert.ok(finding, `${rule} should offer a preferred fix`);
  const changed = applyFix(preferredFix(finding)!, (f) => ws.readFile(f));
  const out: Record<string, string> = {};
  for (const [f, content] of changed) {
    ws.set(f, content);
    out[path.relative(ROOT, f)] = content;
  }
  const text = changed.get(file) ?? fixture.compose;
  const after = lint({ path: file, text }, ws, {});
  assert.deepStrictEqual(after.findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), [], `fixed file parses:\n${text}`);
  assert.deepStrictEqual(after.findings.filter((f) => f.rule === 'compose-schema').map((f) => f.message), [], `fixed file follows the schema:\n${text}`);
  assert.ok(after.findings.filter((f) => f.rule === rule).length < before.length, `${rule} reports less after its fix:\n${text}`);
  const settled = fixAll({ path: file, text }, ws, {}, { accept: (f) => f.rule === rule });
  for (const [f, content] of settled.files) if (f !== file) ws.set(f, content);
  const again = fixAll({ path: file, text: settled.files.get(file) ?? text }, ws, {}, { accept: (f) => f.rule === rule });
  assert.strictEqual(again.files.size, 0, 'a second fix-all changes nothing');
  return out;
}
