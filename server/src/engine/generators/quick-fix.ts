import type { DockerfileRuleContext } from '../rule';
import type { Fix } from '../finding';
import type { Workspace } from '../workspace';
import { selfChange } from '../dockerfile/edits';
import { detectProject } from './project';
import { generateDockerfile } from './dockerfile';

/**
 * "Replace with a generated multi-stage Dockerfile": offered next to a rule's own fix, never
 * preferred (it rewrites the whole file), and only when the build context is a project the
 * generator understands.
 */
export function generatedDockerfileFix({ model, workspace, build }: Pick<DockerfileRuleContext, 'model' | 'workspace' | 'build'>): Fix | undefined {
  if (!build.onDisk) return undefined;
  const text = generateDockerfile(detectProject(workspace, build.contextDir));
  if (text === undefined || text === model.text) return undefined;
  const whole = { start: { line: 0, character: 0 }, end: model.lines.positionAt(model.text.length) };
  return { title: 'Replace with a multi-stage Dockerfile generated from the project', isPreferred: false, changes: [selfChange(model, [{ range: whole, newText: text }])] };
}

/** "Create … generated from the project": for a Dockerfile a Compose file names that does not exist. */
export function createGeneratedDockerfileFix(workspace: Workspace, contextDir: string, target: string): Fix | undefined {
  const text = generateDockerfile(detectProject(workspace, contextDir));
  if (text === undefined) return undefined;
  return { title: 'Create it: a multi-stage Dockerfile generated from the project', isPreferred: false, changes: [{ kind: 'create', path: target, content: text }] };
}
