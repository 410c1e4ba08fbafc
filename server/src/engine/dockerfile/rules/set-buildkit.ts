import type { DockerfileRule } from '../../rule';
import { stageNameCasing } from './stage-name-casing';
import { fromAsCasing } from './from-as-casing';
import { noEmptyContinuation } from './no-empty-continuation';
import { consistentInstructionCasing } from './consistent-instruction-casing';
import { duplicateStageName } from './duplicate-stage-name';
import { reservedStageName } from './reserved-stage-name';
import { maintainerDeprecated } from './maintainer-deprecated';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { workdirRelativePath } from './workdir-relative-path';
import { undefinedVar } from './undefined-var';
import { multipleInstructionsDisallowed } from './multiple-instructions-disallowed';
import { legacyKeyValueFormat } from './legacy-key-value-format';
import { redundantTargetPlatform } from './redundant-target-platform';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { fromPlatformFlagConstDisallowed } from './from-platform-flag-const-disallowed';
import { copyIgnoredFile } from './copy-ignored-file';
import { invalidDefinitionDescription } from './invalid-definition-description';
import { exposeProtoCasing } from './expose-proto-casing';
import { exposeInvalidFormat } from './expose-invalid-format';

/** Rules of this set, one module each, named by their ids: Docker's build checks (`docker build --check`). */
export const buildkitRules: DockerfileRule[] = [
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  duplicateStageName,
  reservedStageName,
  maintainerDeprecated,
  undefinedArgInFrom,
  workdirRelativePath,
  undefinedVar,
  multipleInstructionsDisallowed,
  legacyKeyValueFormat,
  redundantTargetPlatform,
  invalidDefaultArgInFrom,
  fromPlatformFlagConstDisallowed,
  copyIgnoredFile,
  invalidDefinitionDescription,
  exposeProtoCasing,
  exposeInvalidFormat,
];
