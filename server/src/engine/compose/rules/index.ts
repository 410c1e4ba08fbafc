import type { ComposeRule } from '../../rule';
import { composeSchema } from './compose-schema';
import { composeVersionObsolete } from './compose-version-obsolete';
import { composeDependsOnUnhealthy } from './compose-depends-on-unhealthy';
import { composeHealthcheckMissing } from './compose-healthcheck-missing';
import { composePortPublic } from './compose-port-public';
import { composeUnpinnedImage } from './compose-unpinned-image';
import { composeNoResourceLimits } from './compose-no-resource-limits';
import { composePortsUnquoted } from './compose-ports-unquoted';
import { composeUndefinedReference } from './compose-undefined-reference';
import { composeMissingFile } from './compose-missing-file';
import { composeBuildTargetMissing } from './compose-build-target-missing';
import { composeBuildArgUndeclared } from './compose-build-arg-undeclared';
import { composePortNotExposed } from './compose-port-not-exposed';
import { composeSecretInEnvironment } from './compose-secret-in-environment';

/** Every Compose rule, one module each, named by its id. */
export const composeRules: ComposeRule[] = [
  composeSchema,
  composeVersionObsolete,
  composeDependsOnUnhealthy,
  composeHealthcheckMissing,
  composePortPublic,
  composeUnpinnedImage,
  composeNoResourceLimits,
  composePortsUnquoted,
  composeUndefinedReference,
  composeMissingFile,
  composeBuildTargetMissing,
  composeBuildArgUndeclared,
  composePortNotExposed,
  composeSecretInEnvironment,
];
