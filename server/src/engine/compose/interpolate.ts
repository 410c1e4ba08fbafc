import * as path from 'path';
import type { Workspace } from '../workspace';

/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:+alt}`, `${VAR:?err}`, `$$` (a literal `$`), with values from the project's `.env`.
 * Returns undefined when a variable has no value and no default (Compose would warn and use "").
 */
export function interpolate(text: string, env: Map<string, string>): string | undefined {
  let unresolved = false;
  const out = text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      if (match === '$$') return '$';
      const name = braced ?? bare ?? '';
      const value = env.get(name);
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      switch (op) {
        case ':-': return nonEmpty ? value! : interpolate(word ?? '', env) ?? '';
        case '-': return set ? value! : interpolate(word ?? '', env) ?? '';
        case ':+': return nonEmpty ? interpolate(word ?? '', env) ?? '' : '';
        case '+': return set ? interpolate(word ?? '', env) ?? '' : '';
        case ':?':
        case '?':
          if (!(op === '?' ? set : nonEmpty)) unresolved = true;
          return value ?? '';
        default:
          if (!set) unresolved = true;
          return value ?? '';
      }
    });
  return unresolved ? undefined : out;
}

/** `KEY=value` lines of a .env file (quotes removed, `export` and comments ignored). */
export function parseEnvFile(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2];
    if (/^".*"$/.test(value)) value = value.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"');
    else if (/^'.*'$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    env.set(match[1], value);
  }
  return env;
}

/** The project's `.env` beside the Compose file, when there is one. */
export function projectEnv(composePath: string, workspace: Workspace, onDisk: boolean): Map<string, string> {
  if (!onDisk) return new Map();
  const text = workspace.readFile(path.join(path.dirname(path.resolve(composePath)), '.env'));
  return text === undefined ? new Map() : parseEnvFile(text);
}

/** A deep copy of a Compose value with every string interpolated where all its variables resolve. */
export function interpolateValue(value: unknown, env: Map<string, string>): unknown {
  if (typeof value === 'string') return value.includes('$') ? interpolate(value, env) ?? value : value;
  if (Array.isArray(value)) return value.map((v) => interpolateValue(v, env));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, interpolateValue(v, env)]));
  }
  return value;
}
