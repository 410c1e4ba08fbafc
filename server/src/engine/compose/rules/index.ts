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
import { composeBuildAndImage } from './compose-build-and-image';
import { composeDuplicateContainerName } from './compose-duplicate-container-name';
import { composeDuplicatePublishedPort } from './compose-duplicate-published-port';
import { composeVolumeQuoted } from './compose-volume-quoted';
import { composePortUnbound } from './compose-port-unbound';
import { composeProjectNameMissing } from './compose-project-name-missing';
import { composePortsQuotes } from './compose-ports-quotes';
import { composeContainerNameInvalid } from './compose-container-name-invalid';
import { composeServicesOrder } from './compose-services-order';
import { composeDependsOnOrder } from './compose-depends-on-order';
import { composePortsOrder } from './compose-ports-order';
import { composeServiceKeysOrder } from './compose-service-keys-order';
import { composeTopLevelOrder } from './compose-top-level-order';

import { composePrivileged } from './compose-privileged';
import { composeDockerSocket } from './compose-docker-socket';
import { composeSensitiveMount } from './compose-sensitive-mount';
import { composeHostNamespace } from './compose-host-namespace';
import { composeDangerousCapabilities } from './compose-dangerous-capabilities';
import { composeSecurityUnconfined } from './compose-security-unconfined';
import { composeNoNewPrivileges } from './compose-no-new-privileges';
import { composePrivilegedHostPort } from './compose-privileged-host-port';

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
  composeBuildAndImage,
  composeDuplicateContainerName,
  composeDuplicatePublishedPort,
  composeVolumeQuoted,
  composePortUnbound,
  composeProjectNameMissing,
  composePortsQuotes,
  composeContainerNameInvalid,
  composeServicesOrder,
  composeDependsOnOrder,
  composePortsOrder,
  composeServiceKeysOrder,
  composeTopLevelOrder,
  composePrivileged,
  composeDockerSocket,
  composeSensitiveMount,
  composeHostNamespace,
  composeDangerousCapabilities,
  composeSecurityUnconfined,
  composeNoNewPrivileges,
  composePrivilegedHostPort,
];
