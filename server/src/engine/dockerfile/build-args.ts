import type { Instruction } from 'dockerfile-ast';

/**
 * Build arguments BuildKit defines without an ARG instruction: the platform ones (automatic in
 * every scope for FROM, and once declared with a bare `ARG` inside a stage) and the proxy ones.
 */
export const PLATFORM_ARGS: ReadonlyMap<string, string> = new Map([
  ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''],
]);

export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
  ...PLATFORM_ARGS.keys(),
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy',
  'ALL_PROXY', 'all_proxy', 'BUILDKIT_SYNTAX', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'SOURCE_DATE_EPOCH',
]);

/** Variables every Linux image has even when its config sets none. */
export const DEFAULT_ENV: ReadonlySet<string> = new Set(['PATH']);

interface NamedProperty {
  getName(): string;
  getValue(): string | null;
}

export function propertiesOf(instruction: Instruction): NamedProperty[] {
  const withProperties = instruction as unknown as { getProperties?: () => NamedProperty[] };
  return typeof withProperties.getProperties === 'function' ? withProperties.getProperties() : [];
}

/** Edit distance (with transpositions), for "did you mean" suggestions (small strings only). */
export function editDistance(a: string, b: string): number {
  // Optimal string alignment: a swap of two neighbours (`PAHT`/`PATH`) costs 1.
  const d: number[][] = Array.from({ length: a.length + 1 }, (_v, i) => Array.from({ length: b.length + 1 }, (_w, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The name one edit away (a typo, a swap of two letters, another case), if any; never for names under 3 letters. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 2;
  if (name.length < 3) return undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const sameIgnoringCase = candidate.toLowerCase() === name.toLowerCase();
    // Lengths two apart are at least two edits apart: no need to count them.
    if (!sameIgnoringCase && Math.abs(candidate.length - name.length) > 1) continue;
    const distance = sameIgnoringCase ? 1 : editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A variable reference as dockerfile-ast reports it; `${X-word}` comes back named `X-word`. */
export function variableReference(variable: { getName(): string; getModifier(): string | null }): { name: string; hasDefault: boolean } {
  const full = variable.getName();
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(full)?.[0] ?? '';
  return { name, hasDefault: variable.getModifier() !== null || name !== full };
}
