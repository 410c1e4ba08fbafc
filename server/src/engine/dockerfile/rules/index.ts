import type { DockerfileRule } from '../../rule';
import { shellFormCmd } from './shell-form-cmd';
import { copyBeforeInstall } from './copy-before-install';
import { noRootUser } from './no-root-user';
import { missingHealthcheck } from './missing-healthcheck';
import { secretInEnv } from './secret-in-env';
import { singleStageBuild } from './single-stage-build';
import { devDependenciesInImage } from './dev-dependencies-in-image';
import { packageCacheInImage } from './package-cache-in-image';
import { heavyBaseImage } from './heavy-base-image';
import { unpinnedBaseImage } from './unpinned-base-image';
import { npmStartCmd } from './npm-start-cmd';
import { missingDockerignore } from './missing-dockerignore';
import { dockerignoreLeak } from './dockerignore-leak';
import { osPackageRules } from './set-os-packages';
import { shellRules } from './set-shell';
import { instructionRules } from './set-instructions';
import { buildkitRules } from './set-buildkit';

/** Every Dockerfile rule, one module each, named by its id. */
export const dockerfileRules: DockerfileRule[] = [
  copyBeforeInstall,
  noRootUser,
  missingHealthcheck,
  secretInEnv,
  singleStageBuild,
  devDependenciesInImage,
  packageCacheInImage,
  heavyBaseImage,
  unpinnedBaseImage,
  shellFormCmd,
  npmStartCmd,
  missingDockerignore,
  dockerignoreLeak,
  ...osPackageRules,
  ...shellRules,
  ...instructionRules,
  ...buildkitRules,
];
