import type { Finding, Range } from '../engine/finding';

/**
 * `dockhand.diagnostics.peerDuplicates`: findings that Docker DX (BuildKit build checks) or Container
 * Tools (dockerfile-utils validation) already report in the same editor are not published twice.
 * Our fixes stay reachable: a code-action request carrying the peer's diagnostic is answered with
 * the fix of the finding it duplicates.
 */
export type PeerDuplicatesMode = 'auto' | 'show' | 'hide';
export type Peer = 'docker-dx' | 'container-tools';

export interface PeerDuplicateSettings {
  mode: PeerDuplicatesMode;
  /** Extension ids the VS Code client found installed; other clients send none. */
  activePeers: string[];
}

const EXTENSION_PEERS: Record<string, Peer> = {
  'docker.docker': 'docker-dx',
  'ms-azuretools.vscode-docker': 'container-tools',
  'ms-azuretools.vscode-containers': 'container-tools',
};

/**
 * BuildKit checks Docker DX reports through `docker buildx build --check`: the checks enabled by
 * default (InvalidDefinitionDescription is experimental and off unless opted in, so ours stays).
 */
export const DOCKER_DX_CHECKS: ReadonlySet<string> = new Set([
  'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing',
  'FromAsCasing', 'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom',
  'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated', 'MultipleInstructionsDisallowed',
  'NoEmptyContinuation', 'RedundantTargetPlatform', 'ReservedStageName', 'SecretsUsedInArgOrEnv', 'StageNameCasing',
  'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath',
]);

/** dockerfile-utils ValidationCode values (Container Tools' Dockerfile server) whose meaning one of our rules shares. */
const CONTAINER_TOOLS_CODES: Record<number, string> = {
  0: 'consistent-instruction-casing', // CASING_INSTRUCTION: "Instructions should be written in uppercase letters"
  10: 'duplicate-stage-name', // DUPLICATE_BUILD_STAGE_NAME
  11: 'no-empty-continuation', // EMPTY_CONTINUATION_LINE
  29: 'onbuild-invalid-trigger', // ONBUILD_CHAINING_DISALLOWED
  30: 'onbuild-invalid-trigger', // ONBUILD_TRIGGER_DISALLOWED
  37: 'multiple-instructions-disallowed', // MULTIPLE_INSTRUCTIONS (CMD, ENTRYPOINT, HEALTHCHECK)
  45: 'maintainer-deprecated', // DEPRECATED_MAINTAINER
  50: 'workdir-relative-path', // WORKDIR_IS_NOT_ABSOLUTE
};
const CONTAINER_TOOLS_RULES = new Set(Object.values(CONTAINER_TOOLS_CODES));

/** The diagnostic fields this module reads (an LSP Diagnostic fits). */
export interface PeerDiagnostic {
  range: Range;
  source?: string;
  code?: number | string;
  codeDescription?: { href: string };
  message?: string | { value: string };
}

export function normalisePeerDuplicates(value: unknown): PeerDuplicateSettings {
  const raw = (value && typeof value === 'object' ? value : {}) as { peerDuplicates?: unknown; activePeers?: unknown };
  const mode = raw.peerDuplicates === 'show' || raw.peerDuplicates === 'hide' ? raw.peerDuplicates : 'auto';
  const activePeers = Array.isArray(raw.activePeers) ? raw.activePeers.filter((id): id is string => typeof id === 'string') : [];
  return { mode, activePeers };
}

/** The peers whose duplicates are withheld: none with `show`, both with `hide`, the installed ones with `auto`. */
export function hiddenPeers(settings: PeerDuplicateSettings): Set<Peer> {
  if (settings.mode === 'show') return new Set();
  if (settings.mode === 'hide') return new Set<Peer>(['docker-dx', 'container-tools']);
  const peers = new Set<Peer>();
  for (const id of settings.activePeers) {
    const peer = EXTENSION_PEERS[id.toLowerCase()];
    if (peer) peers.add(peer);
  }
  return peers;
}

/** Which peer also reports this finding, or undefined. `text` is the document, to read the flagged word. */
export function duplicatedBy(finding: Finding, text: string, peers: ReadonlySet<Peer>): Peer | undefined {
  if (peers.has('docker-dx') && buildKitCheckOf(finding) !== undefined) return 'docker-dx';
  if (peers.has('container-tools') && isContainerToolsDuplicate(finding, text)) return 'container-tools';
  return undefined;
}

export function withoutPeerDuplicates(findings: readonly Finding[], text: string, peers: ReadonlySet<Peer>): Finding[] {
  if (peers.size === 0) return [...findings];
  return findings.filter((finding) => duplicatedBy(finding, text, peers) === undefined);
}

/** The finding of ours that a peer's diagnostic duplicates (withheld by these settings), to offer its fix. */
export function findingForPeerDiagnostic(
  findings: readonly Finding[], diagnostic: PeerDiagnostic, text: string, peers: ReadonlySet<Peer>,
): Finding | undefined {
  const candidates = findings.filter((finding) => {
    const peer = duplicatedBy(finding, text, peers);
    if (peer === 'docker-dx') return buildKitCheckOf(finding) === buildKitCheckOfDiagnostic(diagnostic);
    if (peer === 'container-tools') return isDockerfileUtils(diagnostic) && CONTAINER_TOOLS_CODES[Number(diagnostic.code)] === finding.rule;
    return false;
  });
  return candidates.find((f) => sameRange(f.range, diagnostic.range)) ?? candidates.find((f) => sameLines(f.range, diagnostic.range));
}

function buildKitCheckOf(finding: Finding): string | undefined {
  return finding.equivalents.find((code) => DOCKER_DX_CHECKS.has(code));
}

/** DX puts the check name in `code`; failing that, its docs link ends in the check's kebab-case name. */
function buildKitCheckOfDiagnostic(diagnostic: PeerDiagnostic): string | undefined {
  if (typeof diagnostic.code === 'string' && DOCKER_DX_CHECKS.has(diagnostic.code)) return diagnostic.code;
  const slug = diagnostic.codeDescription?.href.replace(/\/+$/, '').split('/').pop()?.toLowerCase();
  if (!slug) return undefined;
  for (const check of DOCKER_DX_CHECKS) if (kebab(check) === slug) return check;
  return undefined;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

function isDockerfileUtils(diagnostic: PeerDiagnostic): boolean {
  return diagnostic.source === 'dockerfile-utils' && diagnostic.code !== undefined && Number.isInteger(Number(diagnostic.code));
}

function isContainerToolsDuplicate(finding: Finding, text: string): boolean {
  if (!CONTAINER_TOOLS_RULES.has(finding.rule)) return false;
  // dockerfile-utils flags every keyword not in upper case; ours flags the minority casing, which may be upper case.
  if (finding.rule === 'consistent-instruction-casing') {
    const word = textOf(text, finding.range);
    return word !== '' && word !== word.toUpperCase();
  }
  return true;
}

function textOf(text: string, range: Range): string {
  if (range.start.line !== range.end.line) return '';
  const lines = text.split(/\r?\n/);
  return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** BuildKit reports whole lines; ours point at the word: the same finding shares its lines. */
function sameLines(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}
