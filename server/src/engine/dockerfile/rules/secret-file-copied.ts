import * as path from 'path';
import type { DockerfileRule } from '../../rule';
import { finalStage, stageChain } from '../model';
import { copyOperands, hasVariable } from '../operands';

/** File names that hold credentials, judged by name. */
const SECRET_NAMES: { pattern: RegExp; what: string }[] = [
  { pattern: /^\.env(\.(?!example$|sample$|template$|dist$|defaults?$|schema$)[\w.-]+)?$/i, what: 'an environment file with secrets' },
  { pattern: /^id_(rsa|dsa|ecdsa|ed25519)$/, what: 'an SSH private key' },
  { pattern: /\.(pem|key|p12|pfx|jks|keystore)$/i, what: 'a private key or certificate store' },
  { pattern: /^\.(npmrc|pypirc|netrc|git-credentials|dockercfg|pgpass|s3cfg)$/i, what: 'a credentials file' },
  { pattern: /^(credentials|credentials\.json|service-account.*\.json|.*-credentials\.json)$/i, what: 'a credentials file' },
];

/** Token-bearing lines in package-manager config files. */
const TOKEN_LINE = /(_authToken|_auth|_password|password|token|username)\s*[=:]/i;

/** A .pem holds a private key, or only public certificates (a CA bundle, a chain): its content says, else its name. */
function isPrivatePem(source: string, content: string | undefined): boolean {
  if (content !== undefined) return content.includes('PRIVATE KEY');
  const base = path.posix.basename(source).toLowerCase();
  return !/(^|[-_.])(ca|cacert|cert|certs|certificate|chain|fullchain|bundle|pub|public|root|trust|intermediate)([-_.]|$)/.test(base);
}

function secretKind(source: string): string | undefined {
  const trimmed = source.replace(/\/+$/, '');
  const base = path.posix.basename(trimmed);
  if (/(^|\/)\.ssh(\/|$)/.test(trimmed) || /(^|\/)\.aws\/credentials$/.test(trimmed) || /(^|\/)\.docker\/config\.json$/.test(trimmed)) return 'a credentials folder or file';
  return SECRET_NAMES.find((s) => s.pattern.test(base))?.what;
}

/**
 * `COPY .env .`, `COPY id_rsa /root/.ssh/`: the file stays in a layer of the image for anyone who
 * can pull it, even if a later RUN deletes it. Build secrets belong in `RUN --mount=type=secret`.
 */
export const secretFileCopied: DockerfileRule = {
  meta: {
    id: 'secret-file-copied',
    kind: 'dockerfile',
    title: 'Do not copy secret files (.env, keys, credentials) into the image',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: false,
  },
  check({ model, build, report }) {
    const final = finalStage(model, build);
    if (!final) return;
    // Builder stages that are not part of the final image may hold a secret for a step; only what ships counts.
    for (const stage of stageChain(final)) {
      for (const instruction of stage.instructions) {
        const copy = copyOperands(model, instruction);
        if (!copy) continue;
        for (const source of copy.sources) {
          if (hasVariable(source.text) || /^[a-z][a-z0-9+.-]*:\/\//i.test(source.value)) continue;
          const what = secretKind(source.value);
          if (!what) continue;
          if (/\.pem$/i.test(source.value) && !isPrivatePem(source.value, copy.from ? undefined : build.readContextFile(source.value.replace(/^\.\//, '')))) continue;
          if (!copy.from && /\.(npmrc|pypirc)$/.test(source.value)) {
            const content = build.readContextFile(source.value.replace(/^\.\//, ''));
            if (content !== undefined && !content.split(/\r?\n/).some((l) => TOKEN_LINE.test(l) && !/^\s*[#;]/.test(l))) continue;
          }
          report({
            range: source.range,
            message: `\`${source.value}\` looks like ${what}: copied into the image, it stays in a layer anyone who pulls the image can read, even if a later step deletes it. Pass it at build time with \`RUN --mount=type=secret,id=…\` (or at run time), and keep it out of the build context with .dockerignore.`,
          });
        }
      }
    }
  },
};
