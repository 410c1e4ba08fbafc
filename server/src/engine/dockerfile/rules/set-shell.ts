import type { DockerfileRule } from '../../rule';
import { pipVersionUnpinned } from './pip-version-unpinned';
import { npmVersionUnpinned } from './npm-version-unpinned';
import { gemVersionUnpinned } from './gem-version-unpinned';
import { goInstallUnpinned } from './go-install-unpinned';
import { cdInsteadOfWorkdir } from './cd-instead-of-workdir';
import { sudoInRun } from './sudo-in-run';
import { pointlessCommandInRun } from './pointless-command-in-run';
import { wgetWithoutProgress } from './wget-without-progress';
import { wgetAndCurl } from './wget-and-curl';
import { lnShInsteadOfShell } from './ln-sh-instead-of-shell';
import { pipeWithoutPipefail } from './pipe-without-pipefail';
import { useraddHighUid } from './useradd-high-uid';
import { copyArchiveThenExtract } from './copy-archive-then-extract';
import { tlsVerificationDisabled } from './tls-verification-disabled';
import { curlPipeToShell } from './curl-pipe-to-shell';
import { chpasswdLiteralPassword } from './chpasswd-literal-password';
import { bashismInSh } from './bashism-in-sh';
import { undefinedVariableInRun } from './undefined-variable-in-run';

/** Rules of this set, one module each, named by their ids. */
export const shellRules: DockerfileRule[] = [
  pipVersionUnpinned,
  npmVersionUnpinned,
  gemVersionUnpinned,
  goInstallUnpinned,
  cdInsteadOfWorkdir,
  sudoInRun,
  pointlessCommandInRun,
  wgetWithoutProgress,
  wgetAndCurl,
  lnShInsteadOfShell,
  pipeWithoutPipefail,
  useraddHighUid,
  copyArchiveThenExtract,
  tlsVerificationDisabled,
  curlPipeToShell,
  chpasswdLiteralPassword,
  bashismInSh,
  undefinedVariableInRun,
];
