import * as assert from 'assert';
import * as path from 'path';
import { initEngine, lint } from '../../server/src/engine/engine';
import type { Finding } from '../../server/src/engine/finding';
import type { LintConfig } from '../../server/src/engine/config';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { applyFix, fixAll, preferredFix } from '../../server/src/engine/fixes';

export const PROJECT = path.resolve('/project');
export const DOCKERFILE = path.join(PROJECT, 'Dockerfile');

export { initEngine };

/** A fixture project: the Dockerfile text plus other files, relative to /project. */
export interface Fixture {
  dockerfile: string;
  files?: Record<string, string>;
  /** Path of the Dockerfile relative to /project (default `Dockerfile`). */
  dockerfilePath?: string;
  config?: LintConfig;
}

export function workspaceOf(fixture: Fixture): MemoryWorkspace {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(fixture.files ?? {})) files[path.join(PROJECT, name)] = content;
  files[dockerfilePathOf(fixture)] = fixture.dockerfile;
  return new MemoryWorkspace(files, [PROJECT]);
}

export function dockerfilePathOf(fixture: Fixture): string {
  return path.join(PROJECT, fixture.dockerfilePath ?? 'Dockerfile');
}

/** Lints a Dockerfile given as text (or a fixture) and returns every finding. */
export function lintFixture(input: string | Fixture): Finding[] {
  const fixture = typeof input === 'string' ? { dockerfile: input } : input;
  const result = lint({ path: dockerfilePathOf(fixture), text: fixture.dockerfile }, workspaceOf(fixture), fixture.config ?? {});
  if (result.failures.length > 0) throw result.failures[0].error;
  return result.findings;
}

export function findingsOf(input: string | Fixture, rule: string): Finding[] {
  return lintFixture(input).filter((f) => f.rule === rule);
}

export function assertFires(input: string | Fixture, rule: string, count?: number): Finding[] {
  const found = findingsOf(input, rule);
  if (count === undefined) assert.ok(found.length > 0, `${rule} should fire on:\n${text(input)}`);
  else assert.strictEqual(found.length, count, `${rule} should fire ${count} time(s) on:\n${text(input)}\ngot: ${JSON.stringify(found.map((f) => f.message))}`);
  return found;
}

export function assertQuiet(input: string | Fixture, rule: string): void {
  const found = findingsOf(input, rule);
  assert.deepStrictEqual(found.map((f) => f.message), [], `${rule} should not fire on:\n${text(input)}`);
}

function text(input: string | Fixture): string {
  return typeof input === 'string' ? input : input.dockerfile;
}

/** No parse error, and no RUN script that the shell parser rejects beyond those already there. */
export function assertParses(dockerfile: string): void {
  const errors = lint({ path: DOCKERFILE, text: dockerfile }, new MemoryWorkspace(), {}).findings.filter((f) => f.rule === 'parse-error');
  assert.deepStrictEqual(errors.map((f) => f.message), [], `fixed Dockerfile should parse:\n${dockerfile}`);
}

export interface RoundTrip {
  /** The Dockerfile after the fix. */
  dockerfile: string;
  /** Every file the fix touched, by path relative to /project. */
  files: Record<string, string>;
}

/**
 * Applies the preferred fix of the first finding of `rule`, then checks that the result parses,
 * that the rule no longer reports at that place, and that fixing again changes nothing.
 */
export function assertFixRoundTrip(input: string | Fixture, rule: string): RoundTrip {
  const fixture = typeof input === 'string' ? { dockerfile: input } : input;
  const ws = workspaceOf(fixture);
  const target = dockerfilePathOf(fixture);
  const before = findingsOf(fixture, rule);
  const finding = before.find((f) => preferredFix(f));
  assert.ok(finding, `${rule} should offer a preferred fix on:\n${fixture.dockerfile}`);
  const changed = applyFix(preferredFix(finding)!, (f) => ws.readFile(f));
  const files: Record<string, string> = {};
  for (const [file, content] of changed) {
    ws.set(file, content);
    files[path.relative(PROJECT, file)] = content;
  }
  const fixed = changed.get(target) ?? fixture.dockerfile;
  assertParses(fixed);
  const after = lint({ path: target, text: fixed }, ws, fixture.config ?? {}).findings.filter((f) => f.rule === rule);
  assert.ok(after.length < before.length, `${rule} should report less after its fix; before ${before.length}, after ${after.length}:\n${fixed}`);
  // Fixing until nothing is left must converge, and a second run must change nothing.
  const first = fixAll({ path: target, text: fixed }, ws, fixture.config ?? {}, { accept: (f) => f.rule === rule });
  const settled = first.files.get(target) ?? fixed;
  for (const [file, content] of first.files) ws.set(file, content);
  const second = fixAll({ path: target, text: settled }, ws, fixture.config ?? {}, { accept: (f) => f.rule === rule });
  assert.strictEqual(second.files.size, 0, `a second fix-all for ${rule} should change nothing:\n${settled}`);
  const others = { ...fixture.files, ...files, ...relativeFiles(first.files) };
  delete others[path.relative(PROJECT, target)];
  assert.deepStrictEqual(findingsOf({ ...fixture, dockerfile: settled, files: others }, rule).filter((f) => preferredFix(f)).map((f) => f.message), [],
    `fix-all for ${rule} should leave no fixable finding:\n${settled}`);
  return { dockerfile: fixed, files };
}

function relativeFiles(files: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, content] of files) out[path.relative(PROJECT, file)] = content;
  return out;
}
