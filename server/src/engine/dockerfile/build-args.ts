import type { Instruction } from 'dockerfile-ast';
import type { Stage } from './model';
import { inheritedInstructions, keywordOf } from './model';

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

/**
 * Names of the ARGs and ENVs in scope just before `line`, in the stage (and the stages it is
 * built on), as BuildKit sees them: global ARGs only once re-declared inside the stage.
 */
export function namesInScope(stage: Stage, line: number): Set<string> {
  const names = new Set<string>(DEFAULT_ENV);
  for (const instruction of inheritedInstructions(stage)) {
    if (stage.instructions.includes(instruction) && instruction.getRange().start.line >= line) break;
    const keyword = keywordOf(instruction);
    if (keyword !== 'ARG' && keyword !== 'ENV') continue;
    for (const property of propertiesOf(instruction)) names.add(property.getName());
  }
  return names;
}

/** Edit distance, for "did you mean" suggestions (small strings only). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The closest name within distance 2 (case-insensitive match counts as 1), if any. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 1 : editDistance(name, candidate);
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(name.length / 3))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
