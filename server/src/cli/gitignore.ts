import * as fs from 'fs';
import * as path from 'path';
import { wildcardSource } from './glob';

/**
 * .gitignore matching, written here because no matcher is a declared dependency (the `ignore`
 * package in node_modules is only transitive). Implements gitignore(5): comments, `\#` `\!`
 * escapes, trailing spaces, `!` negation, trailing `/` for folders only, patterns with a '/'
 * anchored to the .gitignore's folder and the others matching at any depth, `*` `?` `[...]` and
 * `**`. The last matching pattern wins, deeper files after shallower ones. A file inside an
 * ignored folder stays ignored because the walker never enters that folder (as in git).
 */
export interface IgnorePattern {
  regex: RegExp;
  negated: boolean;
  folderOnly: boolean;
}

export function parseGitignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = trimTrailingSpaces(raw);
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    let folderOnly = false;
    if (line.endsWith('/') && !line.endsWith('\\/')) {
      folderOnly = true;
      line = line.replace(/\/+$/, '');
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const source = (anchored ? '' : '(?:.*/)?') + wildcardSource(line);
    patterns.push({ regex: new RegExp(`^${source}$`), negated, folderOnly });
  }
  return patterns;
}

/** Trailing spaces are dropped unless escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  return line.slice(0, end).replace(/\\ $/, ' ');
}

interface IgnoreFile {
  folder: string;
  patterns: IgnorePattern[];
}

/** The .gitignore files that apply at one point of a walk, shallowest first. Immutable. */
export class IgnoreStack {
  private constructor(private readonly files: readonly IgnoreFile[]) {}

  static empty(): IgnoreStack {
    return new IgnoreStack([]);
  }

  /**
   * The patterns that apply to a walk starting at `folder`: those of the enclosing git
   * repository's `.git/info/exclude` and of every .gitignore between its top and `folder`
   * (not `folder` itself, which `enter` reads).
   */
  static above(folder: string): IgnoreStack {
    const start = path.resolve(folder);
    const chain: string[] = [];
    let top: string | undefined;
    for (let current = start; ; ) {
      if (current !== start) chain.unshift(current);
      if (fs.existsSync(path.join(current, '.git'))) {
        top = current;
        break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    if (top === undefined) return IgnoreStack.empty();
    let stack = new IgnoreStack([]).withFile(top, readIfFile(path.join(top, '.git', 'info', 'exclude')));
    for (const folder of chain) stack = stack.enter(folder);
    return stack;
  }

  /** The stack inside `folder`: with its .gitignore when it has one. */
  enter(folder: string, entries?: readonly string[]): IgnoreStack {
    if (entries && !entries.includes('.gitignore')) return this;
    return this.withFile(folder, readIfFile(path.join(folder, '.gitignore')));
  }

  withFile(folder: string, text: string | undefined): IgnoreStack {
    if (text === undefined) return this;
    const patterns = parseGitignore(text);
    return patterns.length === 0 ? this : new IgnoreStack([...this.files, { folder: path.resolve(folder), patterns }]);
  }

  ignores(file: string, isFolder: boolean): boolean {
    let ignored = false;
    const absolute = path.resolve(file);
    for (const { folder, patterns } of this.files) {
      const relative = path.relative(folder, absolute);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const posix = relative.split(path.sep).join('/');
      for (const pattern of patterns) {
        if (pattern.folderOnly && !isFolder) continue;
        if (pattern.negated !== ignored) continue;
        if (pattern.regex.test(posix)) ignored = !pattern.negated;
      }
    }
    return ignored;
  }
}

function readIfFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
