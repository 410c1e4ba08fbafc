import type { Fix } from '../../finding';
import type { ComposeRule } from '../../rule';
import { closest } from '../../util/suggest';
import { isPlainObject, nodeAt } from '../model';
import { builtDockerfile } from '../health';
import { quoted, rangeOf, services } from '../services';

/** `build.target` must name a stage of the Dockerfile the service builds, or the build fails. */
export const composeBuildTargetMissing: ComposeRule = {
  meta: {
    id: 'compose-build-target-missing',
    kind: 'compose',
    title: '`build.target` must be a stage of the Dockerfile',
    severity: 'error',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    if (!onDisk) return;
    for (const service of services(model)) {
      const build = service.value.build;
      if (!isPlainObject(build) || typeof build.target !== 'string' || build.target.includes('$')) continue;
      const built = builtDockerfile(model, { ...service.value, build: { ...build, target: undefined } }, workspace);
      if (!built) continue;
      const stages = built.stages.map((s) => s.name).filter((n): n is string => n !== undefined);
      if (stages.some((s) => s.toLowerCase() === build.target!.toString().toLowerCase())) continue;
      const hit = nodeAt(model, ['services', service.name, 'build', 'target']);
      if (hit.depth !== 4 || !hit.node) continue;
      const range = rangeOf(model, hit.node);
      const target = build.target.toLowerCase();
      const best = closest(build.target, stages, Math.max(2, Math.floor(build.target.length / 2)))
        ?? stages.find((s) => s.toLowerCase().startsWith(target) || target.startsWith(s.toLowerCase()))
        ?? (stages.length === 1 ? stages[0] : undefined);
      const fixes: Fix[] = stages.map((stage) => ({
        title: `Build stage \`${stage}\``,
        isPreferred: stage === best,
        changes: [{ kind: 'edit' as const, path: model.path, edits: [{ range, newText: /^["']/.test(model.text.slice(model.lines.offsetAt(range.start))) ? quoted(stage) : stage }] }],
      }));
      report({
        range,
        message: `\`build.target\` is \`${build.target}\`, but the Dockerfile has ${stages.length > 0 ? `only the stages ${stages.map((s) => `\`${s}\``).join(', ')}` : 'no named stages'}.` + (best ? ` Did you mean \`${best}\`?` : ''),
        fixes,
      });
    }
  },
};
