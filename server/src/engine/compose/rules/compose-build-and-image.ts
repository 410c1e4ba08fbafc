import type { ComposeRule } from '../../rule';
import { meta } from './support';
import { rangeOf, services } from '../services';

export const composeBuildAndImage: ComposeRule = {
  meta: meta('compose-build-and-image', 'A service should use either `build` or `image`', 'no-build-and-image', 'information', false, false),
  check({ model, report }) {
    for (const service of services(model)) {
      if (service.value.build === undefined || service.value.image === undefined || service.value.pull_policy !== undefined) continue;
      report({
        range: rangeOf(model, service.key),
        message: `Service \`${service.name}\` has both \`build\` and \`image\`: Compose builds and tags the image, but \`docker compose pull\` tries to pull that name too. Keep one, or set \`pull_policy\` to say which wins.`,
      });
    }
  },
};
