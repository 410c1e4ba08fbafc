import * as path from 'path';
import type { Workspace } from '../workspace';
import { parseDockerfile, stageChain, keywordOf, type Stage } from '../dockerfile/model';
import { parseImageRef, officialName } from '../dockerfile/images';
import { isPlainObject, type ComposeModel } from './model';
import { hasHealthcheck } from './services';

/** Where a service's health is known from: its Compose healthcheck, or the HEALTHCHECK of the Dockerfile it builds. */
export function healthSource(
  model: ComposeModel,
  service: Record<string, unknown>,
  workspace: Workspace,
  onDisk: boolean,
): 'compose' | 'dockerfile' | undefined {
  if (hasHealthcheck(service)) return 'compose';
  if (isPlainObject(service.healthcheck) && service.healthcheck.disable === true) return undefined;
  if (!onDisk) return undefined;
  const built = builtDockerfile(model, service, workspace);
  if (!built) return undefined;
  const healthcheck = [...stageChain(built.stage)].flatMap((s) => s.instructions).find((i) => keywordOf(i) === 'HEALTHCHECK');
  if (!healthcheck) return undefined;
  return /^\s*NONE\b/i.test(healthcheck.getArguments().map((a) => a.getValue()).join(' ')) ? undefined : 'dockerfile';
}

export interface BuiltDockerfile {
  path: string;
  text: string;
  contextDir: string;
  /** The stage Compose builds: `build.target`, else the last. */
  stage: Stage;
  stages: Stage[];
  /** ARGs declared before the first FROM. */
  globalArgs: string[];
}

/** The Dockerfile a service builds, read through the workspace, when it is a local file. */
export function builtDockerfile(model: ComposeModel, service: Record<string, unknown>, workspace: Workspace): BuiltDockerfile | undefined {
  const build = service.build;
  let context: string | undefined;
  let dockerfile = 'Dockerfile';
  let target: string | undefined;
  if (typeof build === 'string') context = build;
  else if (isPlainObject(build)) {
    context = typeof build.context === 'string' ? build.context : '.';
    if (typeof build.dockerfile === 'string') dockerfile = build.dockerfile;
    if (typeof build.target === 'string') target = build.target;
    if (build.dockerfile_inline !== undefined) return undefined;
  }
  if (context === undefined || context.includes('$') || dockerfile.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@')) return undefined;
  const contextDir = path.resolve(path.dirname(model.path), context);
  const file = path.resolve(contextDir, dockerfile);
  const text = workspace.readFile(file);
  if (text === undefined) return undefined;
  const parsed = parseDockerfile(file, text);
  const stage = target
    ? parsed.stages.find((s) => s.name?.toLowerCase() === target!.toLowerCase())
    : parsed.stages[parsed.stages.length - 1];
  if (!stage) return undefined;
  return { path: file, text, contextDir, stage, stages: parsed.stages, globalArgs: [...parsed.globalArgs.keys()] };
}

/** A healthcheck test for well-known images, in Compose's list form. */
export function knownHealthcheck(service: Record<string, unknown>): string[] | undefined {
  const image = typeof service.image === 'string' ? service.image : undefined;
  if (!image || image.includes('$')) return undefined;
  const ref = parseImageRef(image, image);
  const name = officialName(ref) ?? ref.repository?.split('/').pop() ?? '';
  const env = environmentOf(service);
  if (/^(postgres|postgis|timescaledb.*|pgvector)$/.test(name)) {
    const user = literal(env.POSTGRES_USER) ?? 'postgres';
    const db = literal(env.POSTGRES_DB);
    return ['CMD', 'pg_isready', '-U', user, ...(db ? ['-d', db] : [])];
  }
  if (/^(redis|valkey|keydb|redis-stack.*)$/.test(name)) return ['CMD', 'redis-cli', 'ping'];
  if (name === 'mysql' || name === 'percona') return ['CMD', 'mysqladmin', 'ping', '-h', '127.0.0.1'];
  if (name === 'mariadb') return ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized'];
  if (name === 'mongo' || name === 'mongodb') return ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"];
  if (name === 'rabbitmq') return ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'];
  if (name === 'elasticsearch' || name === 'opensearch') return ['CMD-SHELL', 'curl -fsS http://localhost:9200/_cluster/health || exit 1'];
  if (name === 'memcached') return ['CMD-SHELL', 'echo stats | nc -w 1 127.0.0.1 11211 | grep -q uptime'];
  return undefined;
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && !value.includes('$') ? value : undefined;
}

/** `environment:` in either form, as a map. */
export function environmentOf(service: Record<string, unknown>): Record<string, unknown> {
  const env = service.environment;
  if (isPlainObject(env)) return env;
  const out: Record<string, unknown> = {};
  if (Array.isArray(env)) {
    for (const item of env) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      if (eq < 0) out[item] = null;
      else out[item.slice(0, eq)] = item.slice(eq + 1);
    }
  }
  return out;
}
