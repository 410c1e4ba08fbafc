import * as path from 'path';
import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';
import { runCommands } from '../shell';
import { buildStep } from '../packages';
import { copySources, wholeContextCopies } from '../copy-facts';
import { generateDockerignore } from '../../generators/dockerignore';
import { isInsideRoots } from '../../workspace';
import type { DockerfileModel } from '../model';

/**
 * Without a .dockerignore, `COPY . .` sends everything to the daemon and into the image: `.git`
 * history, `.env` files with real secrets, node_modules built for the host, caches, logs.
 */
export const missingDockerignore: DockerfileRule = {
  meta: {
    id: 'missing-dockerignore',
    kind: 'dockerfile',
    title: 'A build that copies the whole context needs a .dockerignore',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, build, workspace, report }) {
    if (!build.onDisk) return;
    const [copy] = wholeContextCopies(model);
    if (!copy || build.dockerignore) return;
    if (workspace.listDir(build.contextDir) === undefined) return;
    const target = path.join(build.contextDir, '.dockerignore');
    const fixes = isInsideRoots(target, workspace.roots) ? [{
      title: 'Create a .dockerignore for this project (secrets, .git, dependencies, build output)',
      isPreferred: true,
      changes: [{
        kind: 'create' as const,
        path: target,
        content: generateDockerignore(workspace, build.contextDir, {
          explicitSources: explicitSources(model),
          excludeBuildOutputs: buildsInImage(model),
        }),
      }],
    }] : [];
    report({
      range: copy.instruction.getRange(),
      message: `\`${copy.instruction.getKeyword()} ${copy.sources.join(' ')}\` sends the whole build context, and there is no .dockerignore: .git, .env files, local dependencies and caches all go to the daemon and into the image. Add a .dockerignore next to the build context.`,
      fixes,
    });
  },
};

/** Paths the Dockerfile copies by name: a generated ignore file must not exclude them. */
export function explicitSources(model: DockerfileModel): string[] {
  const sources: string[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const copy = copySources(model, instruction);
      if (!copy || copy.fromStage) continue;
      for (const s of copy.sources) if (s !== '.' && s !== './' && !/^https?:\/\//.test(s) && !s.includes('$')) sources.push(s);
    }
  }
  return sources;
}

/** Does the image build its own outputs (so the host's dist/, target/ must not be sent)? */
export function buildsInImage(model: DockerfileModel): boolean {
  return model.stages.some((s) => s.instructions.some((i) => keywordOf(i) === 'RUN' && runCommands(model, i).some((c) => buildStep(c))));
}
