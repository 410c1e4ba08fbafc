/** Recognising secrets by name and by value, for Dockerfile ENV/ARG and Compose `environment:`. */

const SECRET_WORDS = new Set([
  'secret', 'secrets', 'password', 'passwords', 'passwd', 'pwd', 'pword', 'passphrase', 'token', 'tokens',
  'credential', 'credentials', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'auth',
]);
/** Words that combine with `key` into a secret (`API_KEY`, `SECRET_KEY_BASE`); `GPG_KEY` is a public fingerprint. */
const KEY_QUALIFIERS = new Set([
  'api', 'private', 'secret', 'access', 'encryption', 'encrypt', 'signing', 'sign', 'master', 'client', 'session',
  'license', 'licence', 'app', 'jwt', 'hmac', 'aes', 'ssh', 'service', 'account', 'admin', 'root', 'db', 'database',
]);
/** Words that make the name about a secret rather than the secret itself (a path, a switch, a version). */
const NOT_THE_SECRET = new Set([
  'public', 'file', 'files', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'version',
  'type', 'method', 'mode', 'enabled', 'enable', 'disabled', 'disable', 'required', 'length', 'ttl', 'timeout', 'expiry',
  'expires', 'expiration', 'header', 'prefix', 'name', 'user', 'username', 'id', 'algorithm', 'alg', 'issuer', 'audience',
  'module', 'plugin', 'provider', 'server', 'realm', 'scheme', 'source', 'strategy', 'format', 'size', 'policy', 'hash',
  'fingerprint', 'keyserver', 'gpg', 'pgp', 'gnupg', 'min', 'max', 'count', 'location', 'store', 'backend',
]);

/** `superDuperSecret_TOKEN-name.x` → super, duper, secret, token, name, x */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

/** A part of every secret word and of `key`: a name without one is no secret name (most are not: NODE_VERSION, PATH). */
const SECRET_NAME_PART = /secret|pass|pwd|pword|token|credential|key|auth/i;

const secretNames = new Map<string, boolean>();
const SECRET_NAMES_LIMIT = 4000;

/** True for names that hold a secret: `JWT_SECRET`, `DB_PASSWORD`, `API_KEY`, `githubToken`; not `GPG_KEY`, `PASSWORD_FILE`. */
export function isSecretName(name: string): boolean {
  if (!SECRET_NAME_PART.test(name)) return false;
  // Asked of every ENV, ARG and LABEL name on every keystroke: answered once per name.
  let known = secretNames.get(name);
  if (known === undefined) {
    if (secretNames.size >= SECRET_NAMES_LIMIT) secretNames.clear();
    secretNames.set(name, known = judgeSecretName(name));
  }
  return known;
}

function judgeSecretName(name: string): boolean {
  const tokens = nameTokens(name);
  if (tokens.length === 0 || tokens.some((t) => NOT_THE_SECRET.has(t))) return false;
  if (tokens.some((t) => SECRET_WORDS.has(t))) return true;
  return tokens.some((t, i) => t === 'key' && i > 0 && KEY_QUALIFIERS.has(tokens[i - 1]));
}

const CREDENTIAL_FORMATS: [RegExp, string][] = [
  [/^gh[pousr]_[A-Za-z0-9]{36,}$/, 'a GitHub token'],
  [/^github_pat_[A-Za-z0-9_]{40,}$/, 'a GitHub token'],
  [/^glpat-[A-Za-z0-9_-]{20,}$/, 'a GitLab token'],
  [/^(AKIA|ASIA)[A-Z0-9]{16}$/, 'an AWS access key'],
  [/^sk_(live|test)_[A-Za-z0-9]{16,}$/, 'a Stripe key'],
  [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, 'a Slack token'],
  [/^npm_[A-Za-z0-9]{36}$/, 'an npm token'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key'],
  [/^sk-(proj-)?[A-Za-z0-9_-]{20,}$/, 'an API key'],
  [/^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/, 'a JSON Web Token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@[^\s]+$/i, 'a URL with an embedded password'],
];

/** What kind of credential a value looks like, when it has a well-known format. */
export function credentialKind(value: string): string | undefined {
  const trimmed = value.trim();
  if (!mayBeCredential(trimmed)) return undefined;
  for (const [pattern, kind] of CREDENTIAL_FORMATS) if (pattern.test(trimmed)) return kind;
  return undefined;
}

/**
 * What every format above needs: one of the first letters the anchored ones start with, the `@` of
 * a URL with a password, or a private key's armour. Most values (versions, paths) have none.
 */
function mayBeCredential(value: string): boolean {
  return CREDENTIAL_FIRST_LETTERS.has(value[0]) || value.includes('@') || value.includes('-----BEGIN ');
}

const CREDENTIAL_FIRST_LETTERS = new Set(['g', 'A', 's', 'x', 'n', 'e']);

/** A value that only refers to another variable (`$X`, `${X}`, `${X:-}`) holds no secret itself. */
export function isReference(value: string): boolean {
  return /^\$(\{[A-Za-z_][A-Za-z0-9_]*(:?[-?+][^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(value.trim());
}
