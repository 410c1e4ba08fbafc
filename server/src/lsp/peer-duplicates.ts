import type { FileKind, Finding, Range } from '../engine/finding';
import { KEYWORDS } from '../engine/dockerfile/syntax';
import { sameRange } from '../engine/text';

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

/**
 * With Container Tools also installed, Docker DX drops these checks (its `removeOverlappingIssues`),
 * leaving them to dockerfile-utils: then only the Container Tools mapping decides for them.
 */
const DX_LEAVES_TO_CONTAINER_TOOLS: ReadonlySet<string> = new Set([
  'ConsistentInstructionCasing', 'DuplicateStageName', 'MaintainerDeprecated', 'MultipleInstructionsDisallowed',
  'NoEmptyContinuation', 'WorkdirRelativePath',
]);

/**
 * dockerfile-utils ValidationCode values (Container Tools' Dockerfile server) that report what one of
 * our rules reports, at the same place. Casing and parse errors depend on the flagged word: see below.
 */
const CONTAINER_TOOLS_CODES: Record<string, readonly number[]> = {
  'duplicate-stage-name': [10], // DUPLICATE_BUILD_STAGE_NAME
  'no-empty-continuation': [11], // EMPTY_CONTINUATION_LINE
  'onbuild-invalid-trigger': [29, 30], // ONBUILD_CHAINING_DISALLOWED, ONBUILD_TRIGGER_DISALLOWED
  'multiple-instructions-disallowed': [37], // MULTIPLE_INSTRUCTIONS (CMD, ENTRYPOINT, HEALTHCHECK)
  'maintainer-deprecated': [45], // DEPRECATED_MAINTAINER
  'copy-multi-source-destination': [23], // INVALID_DESTINATION: several sources need a directory ending in /
  'workdir-relative-path': [50], // WORKDIR_IS_NOT_ABSOLUTE
};
const CASING_INSTRUCTION = 0;
const ARGUMENT_MISSING = 2;
const ARGUMENT_REQUIRES_AT_LEAST_TWO = 7;
const UNKNOWN_INSTRUCTION = 38;
/** dockerfile-utils accepts these without arguments (RUN, CMD) or reports them otherwise (ADD, COPY: code 7). */
const NO_ARGUMENT_CODES: Record<string, readonly number[]> = { RUN: [], CMD: [], ADD: [ARGUMENT_REQUIRES_AT_LEAST_TWO], COPY: [ARGUMENT_REQUIRES_AT_LEAST_TWO] };

/** The document a finding is in: only Dockerfile findings have peers here (`parse-error` also names Compose YAML errors). */
export interface PeerDocument {
  kind: FileKind;
  text: string;
}

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

/** Which peer also reports this finding, or undefined. */
export function duplicatedBy(finding: Finding, document: PeerDocument, peers: ReadonlySet<Peer>): Peer | undefined {
  if (document.kind !== 'dockerfile') return undefined;
  if (peers.has('docker-dx') && buildKitCheckOf(finding, peers) !== undefined) return 'docker-dx';
  if (peers.has('container-tools') && containerToolsCodesOf(finding, document.text).length > 0) return 'container-tools';
  return undefined;
}

export function withoutPeerDuplicates(findings: readonly Finding[], document: PeerDocument, peers: ReadonlySet<Peer>): Finding[] {
  if (peers.size === 0) return [...findings];
  return findings.filter((finding) => duplicatedBy(finding, document, peers) === undefined);
}

/** The finding of ours that a peer's diagnostic duplicates (withheld by these settings), to offer its fix. */
export function findingForPeerDiagnostic(
  findings: readonly Finding[], diagnostic: PeerDiagnostic, document: PeerDocument, peers: ReadonlySet<Peer>,
): Finding | undefined {
  const candidates = findings.filter((finding) => {
    const peer = duplicatedBy(finding, document, peers);
    if (peer === 'docker-dx') return buildKitCheckOf(finding, peers) === buildKitCheckOfDiagnostic(diagnostic);
    if (peer === 'container-tools') return isDockerfileUtils(diagnostic) && containerToolsCodesOf(finding, document.text).includes(Number(diagnostic.code));
    return false;
  });
  return candidates.find((f) => sameRange(f.range, diagnostic.range)) ?? candidates.find((f) => sameLines(f.range, diagnostic.range));
}

/** The BuildKit check DX shows for this finding, given which peers are installed. */
function buildKitCheckOf(finding: Finding, peers: ReadonlySet<Peer>): string | undefined {
  const check = finding.equivalents.find((code) => DOCKER_DX_CHECKS.has(code));
  if (check && peers.has('container-tools') && DX_LEAVES_TO_CONTAINER_TOOLS.has(check)) return undefined;
  return check;
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

function containerToolsCodesOf(finding: Finding, text: string): readonly number[] {
  // dockerfile-utils flags every keyword not in upper case; ours flags the minority casing, which may be upper case.
  if (finding.rule === 'consistent-instruction-casing') {
    const word = textOf(text, finding.range);
    return word !== '' && word !== word.toUpperCase() ? [CASING_INSTRUCTION] : [];
  }
  if (finding.rule === 'parse-error') {
    // Ours points at the instruction's keyword: unknown, or known but without arguments.
    const keyword = textOf(text, finding.range).toUpperCase();
    if (keyword === '' || /\s/.test(keyword)) return [];
    if (!KEYWORDS.includes(keyword)) return [UNKNOWN_INSTRUCTION];
    return NO_ARGUMENT_CODES[keyword] ?? [ARGUMENT_MISSING];
  }
  return CONTAINER_TOOLS_CODES[finding.rule] ?? [];
}

let lastText: string | undefined;
let lastLines: string[] = [];

/** The text of a one-line range (the lines of the last document are kept: findings come in batches). */
function textOf(text: string, range: Range): string {
  if (range.start.line !== range.end.line) return '';
  if (text !== lastText) {
    lastText = text;
    lastLines = text.split(/\r?\n/);
  }
  return (lastLines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}

/** BuildKit reports whole lines; ours point at the word: the same finding shares its lines. */
function sameLines(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}
