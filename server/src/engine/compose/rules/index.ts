import type { ComposeRule } from '../../rule';
import { composeSchema } from './compose-schema';
import { composeVersionObsolete } from './compose-version-obsolete';
import { composeDependsOnUnhealthy } from './compose-depends-on-unhealthy';
import { composeHealthcheckMissing } from './compose-healthcheck-missing';
import { composePortPublic } from './compose-port-public';
import { composeUnpinnedImage } from './compose-unpinned-image';
import { composeNoResourceLimits } from './compose-no-resource-limits';
import { composePortsUnquoted } from './compose-ports-unquoted';

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
];
