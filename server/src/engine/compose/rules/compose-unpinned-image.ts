import type { ComposeRule } from '../../rule';
import { parseImageRef } from '../../dockerfile/images';
import { valueRange, services } from '../services';

/**
 * `image: nginx`, `nginx:latest` or `nginx:alpine` pull whatever was pushed last: two machines,
 * or the same machine a week apart, run different software. A versioned tag or a digest does not move.
 */
export const composeUnpinnedImage: ComposeRule = {
  meta: {
    id: 'compose-unpinned-image',
    kind: 'compose',
    title: 'Service images should be pinned to a versioned tag or digest',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['service-image-require-explicit-tag'],
    fixable: false,
  },
  check({ model, report }) {
    for (const service of services(model)) {
      const image = service.value.image;
      if (typeof image !== 'string' || image.includes('$') || image.trim() === '') continue;
      const ref = parseImageRef(image, image);
      if (ref.digest || ref.isScratch) continue;
      const problem = !ref.tag
        ? 'has no tag, so it means `:latest`'
        : ref.tag === 'latest'
          ? 'uses the moving `latest` tag'
          : !/\d/.test(ref.tag)
            ? `uses \`:${ref.tag}\`, a tag without a version that moves with every release`
            : undefined;
      if (!problem) continue;
      report({
        range: valueRange(model, ['services', service.name, 'image']),
        message: `Image \`${image}\` of service \`${service.name}\` ${problem}. Pin a versioned tag (e.g. \`${ref.repository}:1.2.3\`) or a digest (\`@sha256:…\`).`,
      });
    }
  },
};
