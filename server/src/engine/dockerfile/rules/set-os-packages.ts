import type { DockerfileRule } from '../../rule';
import { packageManagerPrompt } from './package-manager-prompt';
import { aptInstallRecommends } from './apt-install-recommends';
import { aptInsteadOfAptGet } from './apt-instead-of-apt-get';
import { osPackageUnpinned } from './os-package-unpinned';
import { packageSignatureCheckDisabled } from './package-signature-check-disabled';
import { packageUpgradeInBuild } from './package-upgrade-in-build';
import { updateWithoutInstall } from './update-without-install';

/** Rules of this set, one module each, named by their ids. */
export const osPackageRules: DockerfileRule[] = [
  packageManagerPrompt,
  aptInstallRecommends,
  aptInsteadOfAptGet,
  osPackageUnpinned,
  packageSignatureCheckDisabled,
  packageUpgradeInBuild,
  updateWithoutInstall,
];
