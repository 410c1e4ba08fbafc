import * as fs from 'fs';
import * as path from 'path';

/**
 * The engine's view of files around the document it lints: the build context, .dockerignore,
 * lockfiles, sibling Compose files. Synchronous on purpose: rules read a handful of small files,
 * and the server backs this with a cache that file-watch events invalidate.
 */
export interface Workspace {
  readFile(file: string): string | undefined;
  exists(file: string): boolean;
  /** Entry names of a directory, or undefined when it is not one. */
  listDir(dir: string): string[] | undefined;
  /** Folders fixes may write into; empty means anywhere the linted file's folder allows. */
  readonly roots: readonly string[];
}

/** A workspace on disk, caching reads until `invalidate` is called. */
export class DiskWorkspace implements Workspace {
  private readonly files = new Map<string, string | undefined>();
  private readonly dirs = new Map<string, string[] | undefined>();

  constructor(readonly roots: readonly string[] = []) {}

  readFile(file: string): string | undefined {
    const key = path.resolve(file);
    if (this.files.has(key)) return this.files.get(key);
    let content: string | undefined;
    try {
      // Most files asked for are absent (.dockerignore, lock files): an exception costs more than the stat.
      const stat = fs.statSync(key, { throwIfNoEntry: false });
      content = stat?.isFile() && stat.size <= 4 * 1024 * 1024 ? fs.readFileSync(key, 'utf8') : undefined;
    } catch {
      content = undefined;
    }
    this.files.set(key, content);
    return content;
  }

  exists(file: string): boolean {
    const key = path.resolve(file);
    if (this.files.get(key) !== undefined) return true;
    const parent = this.listDir(path.dirname(key));
    return parent !== undefined && parent.includes(path.basename(key));
  }

  listDir(dir: string): string[] | undefined {
    const key = path.resolve(dir);
    if (this.dirs.has(key)) return this.dirs.get(key);
    let entries: string[] | undefined;
    try {
      entries = fs.readdirSync(key);
    } catch {
      entries = undefined;
    }
    this.dirs.set(key, entries);
    return entries;
  }

  /** Forget what is cached about `file` (and its folder listing), or everything. */
  invalidate(file?: string): void {
    if (file === undefined) {
      this.files.clear();
      this.dirs.clear();
      return;
    }
    const key = path.resolve(file);
    this.files.delete(key);
    this.dirs.delete(key);
    this.dirs.delete(path.dirname(key));
  }
}

/** An in-memory workspace for tests and for documents that are open but unsaved. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}, readonly roots: readonly string[] = []) {
    for (const [name, content] of Object.entries(files)) this.files.set(path.resolve(name), content);
  }

  set(file: string, content: string): void {
    this.files.set(path.resolve(file), content);
  }

  readFile(file: string): string | undefined {
    return this.files.get(path.resolve(file));
  }

  exists(file: string): boolean {
    const key = path.resolve(file);
    if (this.files.has(key)) return true;
    const prefix = key.endsWith(path.sep) ? key : key + path.sep;
    for (const name of this.files.keys()) if (name.startsWith(prefix)) return true;
    return false;
  }

  listDir(dir: string): string[] | undefined {
    const key = path.resolve(dir);
    const prefix = key.endsWith(path.sep) ? key : key + path.sep;
    const names = new Set<string>();
    for (const name of this.files.keys()) {
      if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split(path.sep)[0]);
    }
    return names.size > 0 ? [...names] : undefined;
  }
}

/** Open documents shadow the disk: what the user sees in the editor is what rules read. */
export class OverlayWorkspace implements Workspace {
  constructor(
    private readonly base: Workspace,
    private readonly overlay: (file: string) => string | undefined,
  ) {}

  get roots(): readonly string[] {
    return this.base.roots;
  }

  readFile(file: string): string | undefined {
    return this.overlay(path.resolve(file)) ?? this.base.readFile(file);
  }

  exists(file: string): boolean {
    return this.overlay(path.resolve(file)) !== undefined || this.base.exists(file);
  }

  listDir(dir: string): string[] | undefined {
    return this.base.listDir(dir);
  }
}

/** True when `file` lies inside one of `roots` (or when no roots are known). */
export function isInsideRoots(file: string, roots: readonly string[]): boolean {
  if (roots.length === 0) return true;
  const resolved = path.resolve(file);
  return roots.some((root) => {
    const rel = path.relative(path.resolve(root), resolved);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}
