import * as path from 'path';
import type { Fix } from '../../finding';
import type { ComposeRule } from '../../rule';
import { isInsideRoots } from '../../workspace';
import { isPlainObject, nodeAt, type ComposeModel } from '../model';
import { rangeOf, services, topLevel } from '../services';
import { createGeneratedDockerfileFix } from '../../generators/quick-fix';

interface FileReference {
  /** As written, relative to the Compose file's folder. */
  relative: string;
  path: (string | number)[];
  what: string;
  /** Creating it is a sensible fix (an empty env or secret file); never for build contexts or mounts. */
  creatable: boolean;
  directory?: boolean;
  /** For a Dockerfile: its build context, relative to the Compose file's folder. */
  context?: string;
}

/** Files and folders the project points at that do not exist: `docker compose up` fails on each. */
export const composeMissingFile: ComposeRule = {
  meta: {
    id: 'compose-missing-file',
    kind: 'compose',
    title: 'Files and folders the project names must exist',
    severity: 'error',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    if (!onDisk) return;
    const dir = path.dirname(path.resolve(model.path));
    for (const ref of fileReferences(model)) {
      const file = path.resolve(dir, ref.relative);
      if (workspace.exists(file)) continue;
      const hit = nodeAt(model, ref.path);
      if (hit.depth !== ref.path.length || !hit.node) continue;
      const fixes: Fix[] = [];
      if (ref.creatable && isInsideRoots(file, workspace.roots) && isInsideRoots(file, [dir])) {
        // An empty env file is a working start; an empty secret is a silently empty password, so
        // that one is offered but never applied by fix-all or --fix.
        fixes.push({ title: `Create \`${ref.relative}\` (empty)`, isPreferred: ref.what === 'env_file', changes: [{ kind: 'create', path: file, content: '' }] });
      }
      if (ref.what === 'Dockerfile' && isInsideRoots(file, workspace.roots)) {
        const generated = createGeneratedDockerfileFix(workspace, path.resolve(dir, ref.context ?? '.'), file);
        if (generated) fixes.push(generated);
      }
      report({
        range: rangeOf(model, hit.node),
        message: `${ref.what} \`${ref.relative}\` does not exist (relative to this file's folder), so \`docker compose up\` fails. Create it or fix the path.`,
        fixes,
      });
    }
  },
};

function isLocal(p: unknown): p is string {
  return typeof p === 'string' && p !== '' && !p.includes('$') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(p) && !p.startsWith('git@') && !p.startsWith('~');
}

function fileReferences(model: ComposeModel): FileReference[] {
  const refs: FileReference[] = [];
  for (const service of services(model)) {
    const base = ['services', service.name];
    const v = service.value;
    const envFile = v.env_file;
    const envList = Array.isArray(envFile) ? envFile : envFile === undefined ? [] : [envFile];
    envList.forEach((item, i) => {
      const p = Array.isArray(envFile) ? [...base, 'env_file', i] : [...base, 'env_file'];
      if (isLocal(item)) refs.push({ relative: item, path: p, what: 'env_file', creatable: true });
      else if (isPlainObject(item) && isLocal(item.path) && item.required !== false) refs.push({ relative: item.path, path: [...p, 'path'], what: 'env_file', creatable: true });
    });
    const build = v.build;
    if (isLocal(build)) refs.push({ relative: build, path: [...base, 'build'], what: 'Build context', creatable: false, directory: true });
    else if (isPlainObject(build)) {
      const context = isLocal(build.context) ? build.context : build.context === undefined ? '.' : undefined;
      if (context !== undefined && build.context !== undefined) refs.push({ relative: context, path: [...base, 'build', 'context'], what: 'Build context', creatable: false, directory: true });
      if (context !== undefined && isLocal(build.dockerfile) && build.dockerfile_inline === undefined && !path.isAbsolute(build.dockerfile)) {
        refs.push({ relative: path.join(context, build.dockerfile), path: [...base, 'build', 'dockerfile'], what: 'Dockerfile', creatable: false, context });
      }
    }
    if (Array.isArray(v.volumes)) {
      v.volumes.forEach((vol, i) => {
        if (typeof vol === 'string') {
          const source = vol.split(':')[0];
          if (/^\.\.?([/\\]|$)/.test(source)) refs.push({ relative: source, path: [...base, 'volumes', i], what: 'Bind-mount source', creatable: false });
        } else if (isPlainObject(vol) && vol.type === 'bind' && isLocal(vol.source) && /^\.\.?([/\\]|$)/.test(vol.source)) {
          refs.push({ relative: vol.source, path: [...base, 'volumes', i, 'source'], what: 'Bind-mount source', creatable: false });
        }
      });
    }
  }
  for (const section of ['secrets', 'configs'] as const) {
    for (const [name, spec] of Object.entries(topLevel(model, section))) {
      if (isPlainObject(spec) && isLocal(spec.file)) refs.push({ relative: spec.file, path: [section, name, 'file'], what: `${section === 'secrets' ? 'Secret' : 'Config'} file`, creatable: section === 'secrets' });
    }
  }
  return refs;
}
