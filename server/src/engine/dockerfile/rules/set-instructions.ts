import type { DockerfileRule } from '../../rule';
import { inlineIgnorePragma } from './inline-ignore-pragma';
import { invalidPort } from './invalid-port';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { copyMultiSourceDestination } from './copy-multi-source-destination';
import { copyFromUnknownStage } from './copy-from-unknown-stage';
import { copyFromOwnStage } from './copy-from-own-stage';
import { untrustedRegistry } from './untrusted-registry';
import { onbuildInvalidTrigger } from './onbuild-invalid-trigger';
import { envSelfReference } from './env-self-reference';
import { copyRelativeWithoutWorkdir } from './copy-relative-without-workdir';
import { invalidLabelKey } from './invalid-label-key';
import { missingLabel } from './missing-label';
import { superfluousLabel } from './superfluous-label';
import { invalidLabelValue } from './invalid-label-value';
import { consecutiveRun } from './consecutive-run';
import { instructionBeforeFrom } from './instruction-before-from';
import { nonNumericUser } from './non-numeric-user';
import { copyEntireFilesystem } from './copy-entire-filesystem';
import { exposeSshPort } from './expose-ssh-port';
import { secretFileCopied } from './secret-file-copied';
import { tlsVerificationDisabledEnv } from './tls-verification-disabled-env';

/** Rules of this set, one module each, named by their ids. */
export const instructionRules: DockerfileRule[] = [
  inlineIgnorePragma,
  invalidPort,
  addInsteadOfCopy,
  copyMultiSourceDestination,
  copyFromUnknownStage,
  copyFromOwnStage,
  untrustedRegistry,
  onbuildInvalidTrigger,
  envSelfReference,
  copyRelativeWithoutWorkdir,
  invalidLabelKey,
  missingLabel,
  superfluousLabel,
  invalidLabelValue,
  consecutiveRun,
  instructionBeforeFrom,
  nonNumericUser,
  copyEntireFilesystem,
  exposeSshPort,
  secretFileCopied,
  tlsVerificationDisabledEnv,
];
