import * as fs from 'fs';
import * as path from 'path';
import { detectKind } from '../engine/engine';
import type { FileKind } from '../engine/finding';
import { compileGlobArgument, isGlob } from './glob';
import { IgnoreStack } from './gitignore';

export interface Target {
  path: string;
  kind: FileKind | undefined;
}

export interface Collected {
  targets: Target[];
  /** Folders fixes may write into: the folders given, the glob bases and the folders of the files given. */
  roots: string[];
}

/**
 * Never walked: version control, dependencies and virtualenvs. Everything else is walked unless a
 * .gitignore excludes it (build output usually is; a `build/` folder of Dockerfiles is not).
 */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.venv', 'venv', '__pycache__', '.terraform']);

/**
 * Files to lint. A file given by name is taken as it is (kind forced or detected, even when a
 * .gitignore excludes it: naming it is asking for it). Folders are walked for Dockerfiles and
 * Compose files by name; a glob (`"**\/Dockerfile*"`, quoted so the shell leaves it alone) is
 * walked from its literal prefix. Walks skip SKIPPED_DIRS and what .gitignore files exclude, and
 * never follow a symbolic link to a folder (no loops).
 */
export function collectTargets(inputs: string[], forcedKind: FileKind | undefined, onMissing: (input: string) => void): Collected {
  const targets: Target[] = [];
  const roots: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, kind: FileKind | undefined) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ path: file, kind });
  };
  for (const input of inputs) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      roots.push(path.resolve(input));
      walk(input, IgnoreStack.above(input), (file) => {
        const kind = forcedKind && mayBeForced(file, forcedKind) ? forcedKind : detectKind(file);
        if (kind) add(file, kind);
      });
    } else if (stat) {
      roots.push(path.dirname(path.resolve(input)));
      add(input, forcedKind ?? detectKind(input) ?? guessKind(input));
    } else if (isGlob(input)) {
      const glob = compileGlobArgument(input);
      if (!isFolder(glob.base)) {
        onMissing(input);
        continue;
      }
      roots.push(path.resolve(glob.base));
      const before = targets.length;
      walk(glob.base, IgnoreStack.above(glob.base), (file) => {
        const relative = path.relative(glob.base, file).split(path.sep).join('/');
        if (!glob.matches(relative)) return;
        const kind = forcedKind && mayBeForced(file, forcedKind) ? forcedKind : detectKind(file) ?? (/\.ya?ml$/i.test(file) ? 'compose' : undefined);
        if (kind) add(file, kind);
      });
      if (targets.length === before) onMissing(input);
    } else {
      onMissing(input);
    }
  }
  return { targets, roots };
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, ignores: IgnoreStack, visit: (file: string) => void, depth = 0): void {
  if (depth > 32) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const here = ignores.enter(dir, entries.map((e) => e.name));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !here.ignores(full, true)) walk(full, here, visit, depth + 1);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && !here.ignores(full, false)) {
      visit(full);
    }
  }
}

/**
 * `--kind` on a folder or glob makes the files found that kind, except hidden files and the files
 * Docker projects keep beside Dockerfiles (.dockerignore, .env, docs, scripts, JSON), which are
 * never Dockerfiles or Compose files (and which `--fix` must not rewrite as such). Compose files
 * are YAML: with `--kind compose` only `.yml`/`.yaml` names (also `x.yml.example`) are taken.
 */
function mayBeForced(file: string, kind: FileKind): boolean {
  const base = path.basename(file);
  if (base.startsWith('.')) return false;
  if (kind === 'compose') return /\.ya?ml(?:\.|$)/i.test(base);
  return !/\.(dockerignore|md|txt|sh|json|env|lock|sum|mod|toml|ini|cfg|conf|py|js|ts|go|rb|java|html|css|png|jpe?g|gif|svg|ico|zip|gz|tgz|tar)$/i.test(base);
}

/** A file named on the command line that matches no known name: YAML is Compose, the rest Dockerfiles. */
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
    if (code === 'EISDIR') return { error: 'is a folder, not a file: name the folder to lint what is inside it' };
    if (code === 'ENOENT') return { error: 'is a broken link or was deleted while being read: fix the link or remove it' };
    return { error: `cannot be read (${code ?? String(error)}): check that it exists and is readable` };
  }
  return decodeText(buffer);
}

export function decodeText(buffer: Buffer): ReadResult {
  if (buffer.includes(0)) return { error: 'is a binary file (it contains NUL bytes), not a text file: rename it or exclude it in .gitignore if it is not a Dockerfile' };
  const text = buffer.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(buffer)) return { error: 'is not valid UTF-8 text: save it as UTF-8' };
  return { text };
}
