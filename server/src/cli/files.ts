import * as fs from 'fs';
import * as path from 'path';
import { detectKind } from '../engine/engine';
import type { FileKind } from '../engine/finding';

export interface Target {
  path: string;
  kind: FileKind | undefined;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.venv', 'venv', '__pycache__', 'dist', 'out', 'build', 'target', '.next', '.terraform']);

/**
 * Files to lint: files given by name are taken as they are (kind forced or detected), folders
 * are walked for Dockerfiles and Compose files by name, skipping dependency and build folders
 * and never following a symbolic link to a folder (no loops).
 */
export function collectTargets(inputs: string[], forcedKind: FileKind | undefined, onMissing: (input: string) => void): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (file: string, kind: FileKind | undefined) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ path: file, kind });
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      onMissing(input);
      continue;
    }
    if (stat.isDirectory()) walk(input, (file) => {
      const kind = forcedKind ?? detectKind(file);
      if (kind) add(file, kind);
    });
    else add(input, forcedKind ?? detectKind(input) ?? guessKind(input));
  }
  return targets;
}

function walk(dir: string, visit: (file: string) => void, depth = 0): void {
  if (depth > 32) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, visit, depth + 1);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      visit(full);
    }
  }
}

/** A file named on the command line that matches no known name: look at its content. */
function guessKind(file: string): FileKind | undefined {
  if (/\.ya?ml$/i.test(file)) return 'compose';
  return 'dockerfile';
}

export type ReadResult = { text: string } | { error: string };

/** Reads a file as UTF-8 text, refusing binary and invalid UTF-8 with a reason a person can act on. */
export function readText(file: string): ReadResult {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { error: 'permission denied: check the file permissions' };
    if (code === 'EISDIR') return { error: 'is a folder, not a file' };
    if (code === 'ENOENT') return { error: 'the file disappeared or is a broken link' };
    return { error: `cannot be read (${code ?? String(error)})` };
  }
  if (buffer.includes(0)) return { error: 'is a binary file (it contains NUL bytes), not a text file' };
  const text = buffer.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(buffer)) return { error: 'is not valid UTF-8 text: save it as UTF-8' };
  return { text };
}
