/**
 * hadolint's `label-schema`: label names mapped to the kind of value they must hold. Kinds are
 * accepted in hadolint's spellings (`text`, `url`, `hash`, `spdx`, `rfc3339`, `semver`, `email`)
 * and its type names (`RawText`, `Url`, `GitHash`, `Spdx`, `Rfc3339`, `SemVer`, `Email`).
 */
export type LabelKind = 'text' | 'url' | 'hash' | 'spdx' | 'rfc3339' | 'semver' | 'email';

const KIND_NAMES: Record<string, LabelKind> = {
  text: 'text', rawtext: 'text', url: 'url', hash: 'hash', githash: 'hash', spdx: 'spdx',
  rfc3339: 'rfc3339', semver: 'semver', email: 'email',
};

export function labelKind(name: string): LabelKind | undefined {
  return KIND_NAMES[name.toLowerCase()];
}

export const KIND_CODES: Record<LabelKind, string> = {
  text: 'DL3051', url: 'DL3052', rfc3339: 'DL3053', spdx: 'DL3054', hash: 'DL3055', semver: 'DL3056', email: 'DL3058',
};

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

type SpdxParse = (expression: string) => unknown;
let spdxParse: SpdxParse | null | undefined;

/** SPDX license expressions, checked against the SPDX license list when it is installed. */
function isSpdx(value: string): boolean {
  if (spdxParse === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      spdxParse = require('spdx-expression-parse') as SpdxParse;
    } catch {
      spdxParse = null;
    }
  }
  if (spdxParse) {
    try {
      spdxParse(value);
      return true;
    } catch {
      return false;
    }
  }
  return /^(\(?(LicenseRef-[\w.-]+|[A-Za-z0-9][\w.-]*\+?)( WITH [\w.-]+)?\)?)( (AND|OR) \(?(LicenseRef-[\w.-]+|[A-Za-z0-9][\w.-]*\+?)( WITH [\w.-]+)?\)?)*$/.test(value) && /\d|MIT|ISC|Unlicense|Zlib|WTFPL|CC0/i.test(value);
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) && (url.host !== '' || url.protocol === 'mailto:' || url.protocol === 'urn:');
  } catch {
    return false;
  }
}

/** Why the value does not fit its kind, or undefined when it does. */
export function labelValueProblem(kind: LabelKind, value: string): string | undefined {
  if (value.trim() === '') return 'is empty';
  switch (kind) {
    case 'text': return undefined;
    case 'url': return isUrl(value) ? undefined : 'is not a URL (e.g. `https://example.com/repo`)';
    case 'rfc3339': return RFC3339.test(value) ? undefined : 'is not an RFC 3339 time (e.g. `2024-05-01T12:00:00Z`)';
    case 'spdx': return isSpdx(value) ? undefined : 'is not an SPDX license identifier (e.g. `MIT`, `Apache-2.0`)';
    case 'hash': return /^[0-9a-f]{7,64}$/i.test(value) ? undefined : 'is not a git commit hash (7 to 40 hex digits)';
    case 'semver': return SEMVER.test(value) ? undefined : 'is not a semantic version (e.g. `1.4.2`)';
    case 'email': return EMAIL.test(value) ? undefined : 'is not an email address';
  }
}
