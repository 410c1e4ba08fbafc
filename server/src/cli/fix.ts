import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { LintConfig } from '../engine/config';
import type { Fix } from '../engine/finding';
import type { LintRequest } from '../engine/engine';
import { fixAll, fixStaysInWorkspace } from '../engine/fixes';
import type { Workspace } from '../engine/workspace';
import { isInsideRoots } from '../engine/workspace';
import { unifiedDiff } from './diff';
import { displayPath } from './report';

export interface AppliedFix {
  rule: string;
  title: string;
}

/**
 * What `--fix` and `--fix-dry-run` plan before anything is written: the new content of every
 * file the fixes touch (the linted files and the files their fixes reach, such as a new
 * .dockerignore), which later files are linted and fixed against, so the result is what a
 * second run would see.
 */
export class FixPlan {
  /** New content by absolute path. */
  readonly contents = new Map<string, string>();
  /** Content before any fix, undefined for a file the fixes create. */
  private readonly originals = new Map<string, string | undefined>();
  /** Fixes applied, by the absolute path of the linted file they were found in. */
  readonly applied = new Map<string, AppliedFix[]>();
  /** Entries the planned new files (and their new folders) add to folder listings. */
  private readonly addedEntries = new Map<string, Set<string>>();

  /** Files that fixes would have written outside the roots, which are therefore not applied. */
  private readonly refused = new Set<string>();
  private readonly realRoots: string[];

  constructor(private readonly roots: readonly string[]) {
    this.realRoots = roots.map(realPath);
  }

  /** The text the next lint of `file` should see: planned content, if any. */
  planned(file: string): string | undefined {
    return this.contents.get(path.resolve(file));
  }

  /**
   * Applies every preferred fix of `request` to a fixed point (engine `fixAll`), keeping only
   * fixes whose every change lies inside the linted roots.
   */
  fix(request: LintRequest, workspace: Workspace, config: LintConfig): AppliedFix[] {
    const target = path.resolve(request.path);
    const outcome = fixAll(request, workspace, config, { accept: (_finding, fix) => this.staysInside(fix) });
    if (!this.originals.has(target)) this.originals.set(target, request.text);
    for (const [file, content] of outcome.files) {
      if (!this.originals.has(file)) {
        this.originals.set(file, readIfExists(file));
        if (this.originals.get(file) === undefined) this.list(file);
      }
      this.contents.set(file, content);
    }
    if (outcome.applied.length > 0) this.applied.set(target, [...(this.applied.get(target) ?? []), ...outcome.applied]);
    return outcome.applied;
  }

  /**
   * The files as the planned fixes will leave them: planned content shadows the disk, and a
   * planned new file exists and is listed in its folder (which exists too), so the next lint
   * sees what a second run would.
   */
  view(base: Workspace): Workspace {
    const planned = (file: string) => this.contents.get(path.resolve(file));
    const addedEntries = this.addedEntries;
    return {
      roots: base.roots,
      readFile: (file) => planned(file) ?? base.readFile(file),
      exists: (file) => planned(file) !== undefined || addedEntries.has(path.resolve(file)) || base.exists(file),
      listDir(dir) {
        const added = addedEntries.get(path.resolve(dir));
        const entries = base.listDir(dir);
        return added ? [...new Set([...(entries ?? []), ...added])] : entries;
      },
    };
  }

  private list(file: string): void {
    for (let child = file, parent = path.dirname(file); parent !== child; child = parent, parent = path.dirname(parent)) {
      const entries = this.addedEntries.get(parent) ?? new Set<string>();
      entries.add(path.basename(child));
      this.addedEntries.set(parent, entries);
      if (fs.existsSync(parent)) break;
    }
  }

  /** A fix may write only inside the linted folders, symbolic links resolved. */
  private staysInside(fix: Fix): boolean {
    if (!fixStaysInWorkspace(fix, this.roots)) {
      for (const change of fix.changes) if (!isInsideRoots(change.path, this.roots)) this.refused.add(path.resolve(change.path));
      return false;
    }
    const outside = fix.changes.map((c) => path.resolve(c.path)).filter((file) => !isInsideRoots(realPath(file), this.realRoots));
    for (const file of outside) this.refused.add(file);
    return outside.length === 0;
  }

  /** Files whose planned content differs from what they held before, in a stable order. */
  changedFiles(): { file: string; before: string | undefined; after: string }[] {
    return [...this.contents.entries()]
      .filter(([file, after]) => this.originals.get(file) !== after)
      .map(([file, after]) => ({ file, before: this.originals.get(file), after }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** `--fix-dry-run`: a unified diff of every planned change, `patch -p1` ready. */
  diff(): string {
    return this.changedFiles()
      .map(({ file, before, after }) => unifiedDiff(before === undefined ? undefined : displayPath(file), displayPath(file), before ?? '', after))
      .join('');
  }

  /** `--fix`: writes every changed file atomically; returns one line per file that could not be written. */
  write(): string[] {
    const failures: string[] = [];
    for (const { file, before, after } of this.changedFiles()) {
      if (readIfExists(file) !== before) {
        failures.push(`did not write ${displayPath(file)}: it changed on disk while dockhand was fixing it (run again)`);
        continue;
      }
      try {
        writeAtomically(file, after, this.roots);
      } catch (error) {
        failures.push(`could not write ${displayPath(file)}: ${(error as Error).message}`);
      }
    }
    return failures;
  }

  /** One line per linted file that got fixes and per other file the fixes create or change. */
  summary(): string[] {
    const lines: string[] = [];
    for (const [file, applied] of this.applied) lines.push(`fixed ${displayPath(file)}: ${summarise(applied.map((a) => a.rule))}`);
    for (const { file, before } of this.changedFiles()) {
      if (!this.applied.has(file)) lines.push(`${before === undefined ? 'created' : 'updated'} ${displayPath(file)}`);
    }
    for (const file of this.refused) lines.push(`not fixed: ${displayPath(file)} is outside the folders being linted (lint its folder to fix it)`);
    return lines;
  }
}

function summarise(rules: string[]): string {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  const parts = [...counts].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule));
  return `${parts.join(', ')} (${rules.length} fix${rules.length === 1 ? '' : 'es'})`;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or a crash)
 * never sees half a file; keeps the file's mode; writes through a symbolic link to its target,
 * and refuses a target outside the linted roots.
 */
export function writeAtomically(file: string, content: string, roots: readonly string[]): void {
  const target = realPath(file);
  let mode: number | undefined;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // a new file
  }
  if (!isInsideRoots(target, roots.map(realPath))) throw new Error(`refusing to write ${target}: it is outside the folders being linted`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.dockhand-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temporary, 'wx', mode ?? 0o666);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** The real path of a file, or of its nearest existing folder for a file not created yet. */
function realPath(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync(resolved);
  } catch {
    const parent = path.dirname(resolved);
    return parent === resolved ? resolved : path.join(realPath(parent), path.basename(resolved));
  }
}
