import * as path from 'path';
import type { Workspace } from '../workspace';
import { isInsideRoots } from '../workspace';
import { isPlainObject, parseCompose, type ComposeModel } from './model';

/** Names a Compose project defines, gathered across the files that make it up. */
export interface ProjectNames {
  services: Set<string>;
  networks: Set<string>;
  volumes: Set<string>;
  secrets: Set<string>;
  configs: Set<string>;
}

const SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs'] as const;
const COMPOSE_FILE = /^(?:docker-)?compose[\w.-]*\.ya?ml$|^[\w.-]*[-_.]compose\.ya?ml$/i;

/**
 * This file, the files it `include`s, and the other Compose files beside it and in the folders
 * above it (override files and `-f` combinations such as `-f ../../docker-compose.yml -f
 * extensions/x/x-compose.yml` are merged with it at run time, and which ones is written nowhere:
 * a name defined in any of them counts as defined).
 */
export function projectNames(model: ComposeModel, workspace: Workspace, onDisk: boolean): ProjectNames {
  const names: ProjectNames = { services: new Set(), networks: new Set(['default']), volumes: new Set(), secrets: new Set(), configs: new Set() };
  const seen = new Set<string>();
  const add = (value: unknown, file: string, depth: number) => {
    if (!isPlainObject(value) || depth > 5) return;
    for (const section of SECTIONS) {
      const entries = value[section];
      if (isPlainObject(entries)) for (const key of Object.keys(entries)) names[section].add(key);
    }
    if (!onDisk) return;
    for (const included of includedFiles(value, file)) visit(included, depth + 1);
  };
  const visit = (file: string, depth: number) => {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) return;
    seen.add(resolved);
    const text = workspace.readFile(resolved);
    if (text === undefined) return;
    add(parseCompose(resolved, text).value, resolved, depth);
  };
  seen.add(path.resolve(model.path));
  add(model.value, model.path, 0);
  if (onDisk) {
    let dir = path.dirname(path.resolve(model.path));
    for (let level = 0; level < 4 && isInsideRoots(dir, workspace.roots); level++) {
      for (const entry of workspace.listDir(dir) ?? []) {
        if (COMPOSE_FILE.test(entry)) visit(path.join(dir, entry), 1);
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return names;
}

/** Paths named by the top-level `include:` (string items, or `path:` strings or lists). */
export function includedFiles(value: Record<string, unknown>, file: string): string[] {
  const include = value.include;
  if (!Array.isArray(include)) return [];
  const dir = path.dirname(file);
  return include.flatMap((item) => {
    const paths = typeof item === 'string' ? [item] : isPlainObject(item) ? (Array.isArray(item.path) ? item.path : [item.path]) : [];
    return paths.filter((p): p is string => typeof p === 'string' && !p.includes('$') && !/^[a-z]+:\/\//i.test(p)).map((p) => path.resolve(dir, p));
  });
}
