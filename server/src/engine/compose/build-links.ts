import * as path from 'path';
import { parseDocument, isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { Workspace } from '../workspace';
import { isInsideRoots } from '../workspace';
import { keepRecent } from '../util/recent';

/** A Compose service that builds a given Dockerfile. */
export interface ComposeBuildLink {
  composePath: string;
  composeText: string;
  serviceName: string;
  contextDir: string;
  dockerfilePath: string;
  target?: string;
  document: Document;
  service: YAMLMap;
}

export const COMPOSE_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

const COMPOSE_NAMES = new Set(COMPOSE_FILE_NAMES);

/** The last parse of each of the Compose files read most recently (a long editing session reads many). */
const parsed = new Map<string, { text: string; document: Document }>();
const PARSED_LIMIT = 64;

function parseCompose(file: string, text: string): Document {
  const hit = parsed.get(file);
  if (hit && hit.text === text) return hit.document;
  const document = parseDocument(text, { logLevel: 'error', keepSourceTokens: false, uniqueKeys: false });
  keepRecent(parsed, file, { text, document }, PARSED_LIMIT);
  return document;
}

/**
 * Compose services, in the Dockerfile's folder or up to three folders above it, whose `build`
 * resolves to this Dockerfile.
 */
export function findComposeBuilders(workspace: Workspace, dockerfilePath: string): ComposeBuildLink[] {
  const links: ComposeBuildLink[] = [];
  const target = path.resolve(dockerfilePath);
  let dir = path.dirname(target);
  for (let depth = 0; depth < 4; depth++) {
    if (!isInsideRoots(dir, workspace.roots)) break;
    // One pass over a folder's entries (hundreds, in a folder of Dockerfiles), not one per Compose file name.
    const present = (workspace.listDir(dir) ?? []).filter((entry) => COMPOSE_NAMES.has(entry));
    for (const name of COMPOSE_FILE_NAMES) {
      if (!present.includes(name)) continue;
      const composePath = path.join(dir, name);
      const text = workspace.readFile(composePath);
      if (text === undefined) continue;
      links.push(...buildersIn(composePath, text, target));
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return links;
}

function buildersIn(composePath: string, text: string, dockerfilePath: string): ComposeBuildLink[] {
  const document = parseCompose(composePath, text);
  const services = document.get('services');
  if (!isMap(services)) return [];
  const links: ComposeBuildLink[] = [];
  for (const pair of services.items) {
    const serviceName = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const service = pair.value;
    if (!serviceName || !isMap(service)) continue;
    const build = service.get('build', true);
    let context: string | undefined;
    let dockerfile = 'Dockerfile';
    let buildTarget: string | undefined;
    if (isScalar(build) && typeof build.value === 'string') context = build.value;
    else if (isMap(build)) {
      const c = build.get('context');
      context = typeof c === 'string' ? c : '.';
      const d = build.get('dockerfile');
      if (typeof d === 'string') dockerfile = d;
      const t = build.get('target');
      if (typeof t === 'string') buildTarget = t;
    }
    if (context === undefined || /^[a-z]+:\/\//i.test(context) || context.includes('$')) continue;
    const contextDir = path.resolve(path.dirname(composePath), context);
    const resolvedDockerfile = path.resolve(contextDir, dockerfile);
    if (resolvedDockerfile !== dockerfilePath) continue;
    links.push({
      composePath,
      composeText: text,
      serviceName,
      contextDir,
      dockerfilePath: resolvedDockerfile,
      target: buildTarget,
      document,
      service,
    });
  }
  return links;
}
