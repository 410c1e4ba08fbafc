import type { DockerfileRule } from '../../rule';
import { imageLabel } from '../images';

/**
 * `FROM node` or `FROM node:latest` builds on whatever was pushed last: the same Dockerfile gives
 * different images on different days. A versioned tag (better, a digest) makes builds repeatable.
 */
export const unpinnedBaseImage: DockerfileRule = {
  meta: {
    id: 'unpinned-base-image',
    kind: 'dockerfile',
    title: 'Base images should be pinned to a tag or digest',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3006', 'DL3007', 'CKV_DOCKER_7', 'DS001', 'DS-0001'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['ARG', 'FROM'],
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = stage.image;
      // A stage name, scratch, or an ARG with no default (unknown until build time) is not an image to pin.
      if (stage.baseStage || image.isScratch || image.resolved === undefined || image.resolved === '' || image.digest) continue;
      const range = stage.from.getImageRange();
      if (!range) continue;
      const viaArg = image.raw !== image.resolved ? ` (\`${image.raw}\` resolves to \`${image.resolved}\` through its ARG default)` : '';
      if (!image.tag) {
        report({
          range,
          message: `Base image \`${imageLabel(image)}\` has no tag, so it means \`:latest\` and changes under you${viaArg}. Pin a version, e.g. \`${image.repository}:<version>\`, or a digest.`,
          equivalents: ['DL3006', 'CKV_DOCKER_7', 'DS001', 'DS-0001'],
        });
      } else if (image.tag === 'latest') {
        report({
          range,
          message: `Base image \`${imageLabel(image)}\` uses the moving \`latest\` tag${viaArg}. Pin a version, e.g. \`${image.repository}:<version>\`, or a digest.`,
          equivalents: ['DL3007', 'CKV_DOCKER_7', 'DS001', 'DS-0001'],
        });
      }
    }
  },
};
