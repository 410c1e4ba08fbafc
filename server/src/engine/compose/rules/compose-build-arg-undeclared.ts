import type { ComposeRule } from '../../rule';
import { keywordOf } from '../../dockerfile/model';
import { isPlainObject, nodeAt } from '../model';
import { builtDockerfile } from '../health';
import { rangeOf, services } from '../services';

/** Build arguments every build has, whether declared or not. */
const PREDEFINED_ARGS = new Set([
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_DOCKERFILE_CHECK', 'SOURCE_DATE_EPOCH',
]);

/** A build argument the Dockerfile never declares with ARG is silently ignored. */
export const composeBuildArgUndeclared: ComposeRule = {
  meta: {
    id: 'compose-build-arg-undeclared',
    kind: 'compose',
    title: '`build.args` should be declared with ARG in the Dockerfile',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: false,
  },
  check({ model, workspace, onDisk, report }) {
    if (!onDisk) return;
    for (const service of services(model)) {
      const build = service.value.build;
      if (!isPlainObject(build)) continue;
      const args = build.args;
      const names = Array.isArray(args)
        ? args.filter((a): a is string => typeof a === 'string').map((a) => a.split('=')[0])
        : isPlainObject(args) ? Object.keys(args) : [];
      if (names.length === 0) continue;
      const built = builtDockerfile(model, service.value, workspace);
      if (!built) continue;
      const declared = new Set<string>(built.globalArgs);
      for (const stage of built.stages) {
        for (const instruction of stage.instructions) {
          if (keywordOf(instruction) !== 'ARG') continue;
          for (const arg of instruction.getArguments()) declared.add(arg.getValue().split('=')[0]);
        }
      }
      names.forEach((name, index) => {
        if (declared.has(name) || PREDEFINED_ARGS.has(name) || name.includes('$')) return;
        const p = Array.isArray(args) ? ['services', service.name, 'build', 'args', index] : ['services', service.name, 'build', 'args', name];
        const hit = nodeAt(model, p);
        if (hit.depth !== p.length) return;
        const node = Array.isArray(args) ? hit.node : hit.pair?.key ?? hit.node;
        report({
          range: rangeOf(model, node as Parameters<typeof rangeOf>[1]),
          message: `Build argument \`${name}\` is passed to the build, but the Dockerfile never declares \`ARG ${name}\`, so it has no effect. Declare it in the stage that uses it, or remove it.`,
        });
      });
    }
  },
};

