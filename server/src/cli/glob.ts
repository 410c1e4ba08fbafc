/**
 * Wildcard patterns as git and shells write them, compiled to regular expressions over
 * '/'-separated relative paths: `*` and `?` stop at '/', `[a-z]`/`[!a-z]` classes, `**` across
 * folders (`**\/x`, `x/**`, `a/**\/b`), `\` escapes. Shared by .gitignore matching and glob
 * arguments (which also expand `{a,b}`).
 */

const MAGIC = /[*?[{]/;

/** True when a command-line argument is a glob rather than a plain path. */
export function isGlob(arg: string): boolean {
  return MAGIC.test(arg.replace(/\\./g, ''));
}

/** The body of a regular expression matching `pattern` (no anchors). */
export function wildcardSource(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        let end = i + 2;
        while (pattern[end] === '*') end++;
        const atEnd = end === pattern.length;
        if (atStart && pattern[end] === '/') {
          // `**/` : zero or more whole folders
          out += '(?:.*/)?';
          i = end + 1;
          continue;
        }
        if (atStart && atEnd) {
          out += '.*';
          i = end;
          continue;
        }
        out += '[^/]*';
        i = end;
        continue;
      }
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const cls = charClass(pattern, i);
      if (cls) {
        out += cls.source;
        i = cls.end;
      } else {
        out += '\\[';
        i++;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[i + 1]);
      i += 2;
    } else {
      out += escapeRegex(c);
      i++;
    }
  }
  return out;
}

function charClass(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negated = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === ']' && !first) return { source: `[${negated ? '^' : ''}${body}]`, end: i + 1 };
    first = false;
    if (c === '\\' && i + 1 < pattern.length) {
      body += '\\' + pattern[i + 1];
      i += 2;
      continue;
    }
    body += c === '^' || c === '[' || c === ']' || c === '\\' ? '\\' + c : c;
    i++;
  }
  return undefined;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

/** `a{b,c}d` → [`abd`, `acd`]; nested and repeated braces expand too; a brace without a comma stays. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const alternatives = splitTopLevel(pattern.slice(open + 1, i));
        if (alternatives.length < 2) continue;
        const head = pattern.slice(0, open);
        const tails = expandBraces(pattern.slice(i + 1));
        return alternatives.flatMap((alt) => expandBraces(head + alt).flatMap((h) => tails.map((t) => h + t)));
      }
    }
  }
  return [pattern];
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      current += c + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

export interface GlobArgument {
  /** The folder to walk: the pattern's leading segments without wildcards ('.' when none). */
  base: string;
  /** Matches paths relative to `base`, '/'-separated. */
  matches(relative: string): boolean;
}

/** Splits `services/**\/Dockerfile*` into the folder to walk and a matcher for what is below it. */
export function compileGlobArgument(arg: string): GlobArgument {
  // On Windows a backslash separates folders; elsewhere it escapes the next wildcard character.
  const normalised = process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
  const segments = normalised.split('/');
  const literal: string[] = [];
  while (segments.length > 1 && !isGlob(segments[0])) literal.push(segments.shift()!);
  const base = literal.length === 0 ? '.' : literal.join('/') || '/';
  const rest = segments.join('/');
  const regexes = expandBraces(rest).map((p) => new RegExp(`^${wildcardSource(p)}$`));
  return { base, matches: (relative) => regexes.some((r) => r.test(relative)) };
}
