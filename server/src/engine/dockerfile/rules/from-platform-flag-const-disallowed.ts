import type { DockerfileRule } from '../../rule';

/**
 * `FROM --platform=linux/amd64` pins the stage to one platform, so `docker build --platform`
 * (and multi-platform builds) silently get the wrong one. A stage named for its platform
 * (`AS build_amd64`, picked with `FROM build_${TARGETARCH}`) is the legitimate use. Information: in
 * the wild most constant platforms are deliberate (images that exist for one architecture only).
 */
export const fromPlatformFlagConstDisallowed: DockerfileRule = {
  meta: {
    id: 'from-platform-flag-const-disallowed',
    kind: 'dockerfile',
    title: 'FROM --platform should not be a constant',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['FromPlatformFlagConstDisallowed', 'DL3029'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['FROM'],
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue()?.replace(/^(["'])(.*)\1$/, '$2');
      if (!flag || !value || value.includes('$')) continue;
      const name = stage.name?.toLowerCase() ?? '';
      const parts = value.toLowerCase().split('/').filter(Boolean);
      if (name && parts.some((p) => p !== 'linux' && name.includes(p))) continue;
      report({
        range: flag.getRange(),
        message: `\`--platform=${value}\` fixes this stage to one platform, so builds for any other platform (\`docker build --platform\`, multi-platform images) get the wrong base. Use \`--platform=$BUILDPLATFORM\` for build tools, or drop the flag.`,
      });
    }
  },
};
