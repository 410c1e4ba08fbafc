import * as path from 'path';
import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { ShellCommand, ShellWord } from '../shell';
import { unwrap } from '../shell';
import { commandsOf } from '../shell-facts';
import { replaceOffsets, selfChange } from '../edits';
import { familyOf, isLocalPackage, packageCommand } from '../os-packages';

interface Bypass {
  word: ShellWord;
  what: string;
  equivalents: string[];
}

/** Flags of a package-manager or rpm command that install packages without checking their signatures. */
function bypasses(raw: ShellCommand): Bypass[] {
  const command = unwrap(raw);
  const found: Bypass[] = [];
  const flag = (test: (v: string) => boolean, what: string, equivalents: string[]) => {
    for (const word of command.args) {
      const v = word.value ?? word.text;
      if (v === '--') break;
      if (test(v)) found.push({ word, what, equivalents });
    }
  };
  const tool = path.posix.basename(command.name);
  if (tool === 'rpm') {
    flag((v) => v === '--nosignature' || v === '--nodigest', `\`rpm ${'--nosignature/--nodigest'}\` installs packages without checking their signature or digest`, ['CKV2_DOCKER_10']);
    return found;
  }
  const p = packageCommand(raw);
  if (!p) return found;
  switch (familyOf(p.manager)) {
    case 'apt':
      flag((v) => v === '--allow-unauthenticated', '`--allow-unauthenticated` installs packages whose signature apt could not verify', ['CKV2_DOCKER_8']);
      flag((v) => v === '--force-yes', '`--force-yes` also accepts unauthenticated packages (and downgrades); `-y` is what answers the prompt', ['CKV2_DOCKER_11']);
      flag((v) => /^(--option=)?APT::Get::AllowUnauthenticated=(true|1|yes)$/i.test(v), '`APT::Get::AllowUnauthenticated` installs packages whose signature apt could not verify', ['CKV2_DOCKER_8']);
      break;
    case 'apk':
      flag((v) => v === '--allow-untrusted', '`apk --allow-untrusted` installs packages without a trusted signature', ['CKV2_DOCKER_7']);
      break;
    case 'rpm':
      flag((v) => v === '--nogpgcheck' || v === '--no-gpgchecks', `\`${tool} --nogpgcheck\` installs packages without checking their GPG signature`, ['CKV2_DOCKER_9']);
      flag((v) => /^--setopt=(\S+\.)?gpgcheck=(0|false|no)$/i.test(v), '`gpgcheck=0` installs packages without checking their GPG signature', ['CKV2_DOCKER_9']);
      break;
    case 'zypper':
      flag((v) => v === '--no-gpg-checks', '`zypper --no-gpg-checks` installs packages whose signature fails to verify', []);
      break;
  }
  return found;
}

/** How many spaces and tabs come right before `offset` (what removing the flag removes with it). */
function blanksBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return offset - at;
}

/**
 * Package signatures are what stops a compromised mirror or a man in the middle from putting
 * code into the image. These flags switch the check off for every package of the command.
 */
export const packageSignatureCheckDisabled: DockerfileRule = perRun({
  meta: {
    id: 'package-signature-check-disabled',
    kind: 'dockerfile',
    title: 'Package signatures should be verified',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
    fixable: true,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const command of commandsOf(model, site)) {
      const found = bypasses(command);
      if (found.length === 0) continue;
      // Installing files built or downloaded by this Dockerfile (`./app.apk`) is how local packages work.
      const p = packageCommand(command);
      const localOnly = p !== undefined && p.packages.length > 0 && p.packages.every(isLocalPackage);
      for (const { word, what, equivalents } of found) {
        const before = blanksBefore(model.text, word.start);
        const force = (word.value ?? '') === '--force-yes';
        report({
          range: model.lines.rangeOf(word.start, word.end),
          severity: localOnly ? 'information' : undefined,
          message: localOnly
            ? `${what}. The packages here are local files: fine if this build made them, a risk if they were downloaded.`
            : `${what}: a tampered mirror or proxy could put anything into the image. Remove it and install the repository's signing key instead.`,
          equivalents,
          fixes: [{
            title: force ? 'Replace `--force-yes` with `-y`' : `Remove \`${word.value ?? word.text}\``,
            isPreferred: false,
            changes: [selfChange(model, [force ? replaceOffsets(model, word.start, word.end, '-y') : replaceOffsets(model, word.start - before, word.end, '')])],
          }],
        });
      }
    }
  },
});
