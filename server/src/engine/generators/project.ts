import * as path from 'path';
import type { Workspace } from '../workspace';
import { detectEcosystems, type Ecosystem } from './dockerignore';

/**
 * What a generator needs to know about a project, read from its files: language, package
 * manager, lockfile, build, entry point, port, runtime version and the backing services its
 * dependencies reveal. Pure: everything comes through the Workspace.
 */

export type NodeManager = 'npm' | 'yarn' | 'pnpm';
export type PythonManager = 'pip' | 'poetry' | 'uv';
export type BackingService = 'postgres' | 'mysql' | 'redis' | 'mongo';

export interface Port {
  value: number;
  /** False when it is only our default: the client asks. */
  detected: boolean;
}

export interface NodeProject {
  language: 'node';
  manager: NodeManager;
  /** yarn 2+ (Plug'n'Play aside, it installs with `--immutable` and prunes with `workspaces focus`). */
  yarnBerry: boolean;
  /** Files to copy before installing: package.json, the lockfile, .npmrc… */
  manifests: string[];
  lockfile?: string;
  /** The build command to run, when the project builds (TypeScript, a `build` script). */
  build?: string[];
  typescript: boolean;
  prisma: boolean;
  next: boolean;
  /** Other files the runtime needs besides the build output (Next.js: public/, next.config.*). */
  runtimeFiles: string[];
  /** Folder the build writes (dist, build, .next). */
  outputDir?: string;
  /** The file `node` starts, relative to the project. */
  entry: string;
  version: string;
  port: Port;
  /** The path the HEALTHCHECK probes: a health route found in the source, else `/`. */
  healthPath: string;
}

export interface PythonProject {
  language: 'python';
  manager: PythonManager;
  manifests: string[];
  /** The requirements file pip installs from, when pip. */
  requirements?: string;
  version: string;
  /** The exec-form start command. */
  start: string[];
  port: Port;
  healthPath: string;
}

export interface GoProject {
  language: 'go';
  manifests: string[];
  /** The package to build, `.` or `./cmd/<name>`. */
  mainPackage: string;
  binary: string;
  version: string;
  port: Port;
  healthPath: string;
}

export interface JavaProject {
  language: 'java';
  build: 'maven' | 'gradle';
  /** Uses the project's wrapper (mvnw, gradlew) rather than the build image's tool. */
  wrapper: boolean;
  manifests: string[];
  version: string;
  port: Port;
  healthPath: string;
}

export interface DotnetProject {
  language: 'dotnet';
  /** The project to publish, relative to the folder. */
  project: string;
  /** Every project file, so `dotnet restore` sees the ProjectReferences too. */
  projectFiles: string[];
  /** Root files restore reads: NuGet.config, Directory.Build.props, global.json. */
  manifests: string[];
  assembly: string;
  /** The target framework's version, e.g. 8.0. */
  version: string;
  port: Port;
  healthPath: string;
}

export type LanguageProject = NodeProject | PythonProject | GoProject | JavaProject | DotnetProject;

export interface ProjectFacts {
  dir: string;
  /** A name for the Compose project and the app service (folder name, package name). */
  name: string;
  ecosystems: Ecosystem[];
  app?: LanguageProject;
  services: BackingService[];
}

export const DEFAULT_VERSIONS = { node: '22', python: '3.12', go: '1.23', java: '21', dotnet: '8.0' } as const;

export function detectProject(workspace: Workspace, dir: string): ProjectFacts {
  const read = (name: string) => workspace.readFile(path.join(dir, name));
  const has = (name: string) => workspace.exists(path.join(dir, name));
  const ecosystems = detectEcosystems(workspace, dir);
  const folder = path.basename(path.resolve(dir));
  let app: LanguageProject | undefined;
  let deps: string[] = [];
  let name = folder;
  if (ecosystems.includes('node') && read('package.json') !== undefined) {
    const pkg = parseJson(read('package.json')) ?? {};
    if (typeof pkg.name === 'string' && pkg.name) name = pkg.name;
    deps = [...Object.keys(record(pkg.dependencies)), ...Object.keys(record(pkg.devDependencies))];
    app = detectNode(pkg, read, has);
    if (app.prisma) deps.push(...prismaProvider(read('prisma/schema.prisma')));
  } else if (ecosystems.includes('python')) {
    const python = detectPython(read, has, workspace, dir);
    app = python.project;
    deps = python.deps;
    name = /^\[(?:project|tool\.poetry)\][^[]*?^name\s*=\s*["']([^"']+)["']/m.exec(read('pyproject.toml') ?? '')?.[1] ?? name;
  } else if (ecosystems.includes('go')) {
    app = detectGo(read, has, workspace, dir);
    deps = goDependencies(read('go.mod'));
    name = /^module\s+\S*?([^/\s]+)\s*$/m.exec(read('go.mod') ?? '')?.[1] ?? name;
  } else if (ecosystems.includes('dotnet')) {
    const dotnet = detectDotnet(read, workspace, dir);
    if (dotnet) {
      app = dotnet.project;
      deps = dotnet.deps;
      name = dotnet.project.assembly;
    }
  } else if (ecosystems.includes('maven') || ecosystems.includes('gradle')) {
    app = detectJava(read, has, ecosystems.includes('maven') ? 'maven' : 'gradle');
    deps = javaDependencies([read('pom.xml'), read('build.gradle'), read('build.gradle.kts')].join('\n'));
    const pom = (read('pom.xml') ?? '').replace(/<parent>[\s\S]*?<\/parent>|<dependencies>[\s\S]*<\/dependencies>|<build>[\s\S]*<\/build>/g, '');
    name = /<artifactId>([^<]+)<\/artifactId>/.exec(pom)?.[1]
      ?? /rootProject\.name\s*=\s*["']([^"']+)["']/.exec((read('settings.gradle') ?? '') + (read('settings.gradle.kts') ?? ''))?.[1] ?? name;
  }
  return { dir, name: composeName(name) || composeName(folder) || 'app', ecosystems, app, services: servicesFrom(deps) };
}

type Reader = (name: string) => string | undefined;
type Exists = (name: string) => boolean;

// --- Node ---------------------------------------------------------------------------------

function detectNode(pkg: Record<string, unknown>, read: Reader, has: Exists): NodeProject {
  const scripts = record(pkg.scripts) as Record<string, unknown>;
  const deps = { ...record(pkg.dependencies), ...record(pkg.devDependencies) };
  const declared = typeof pkg.packageManager === 'string' ? pkg.packageManager : '';
  const manager: NodeManager = /^pnpm@/.test(declared) || has('pnpm-lock.yaml') ? 'pnpm'
    : /^yarn@/.test(declared) || has('yarn.lock') ? 'yarn' : 'npm';
  const yarnBerry = manager === 'yarn' && (/^yarn@[2-9]/.test(declared) || has('.yarnrc.yml'));
  const lockfile = { npm: ['package-lock.json', 'npm-shrinkwrap.json'], yarn: ['yarn.lock'], pnpm: ['pnpm-lock.yaml'] }[manager].find(has);
  const manifests = ['package.json', ...(lockfile ? [lockfile] : []),
    ...['.npmrc', 'pnpm-workspace.yaml', '.yarnrc.yml'].filter(has)];
  const typescript = 'typescript' in deps || has('tsconfig.json');
  const prisma = 'prisma' in deps || '@prisma/client' in deps || has('prisma/schema.prisma');
  const next = 'next' in deps;
  const run = (script: string) => manager === 'npm' ? ['npm', 'run', script] : [manager, script];
  const build = typeof scripts.build === 'string' ? run('build') : typescript ? execBin(manager, ['tsc']) : undefined;
  const outDir = next ? '.next' : typescript ? tsOutDir(read('tsconfig.json')) : build ? 'dist' : undefined;
  const start = typeof scripts.start === 'string' ? scripts.start : '';
  const entry = entryFile(start, pkg, outDir, typescript, has);
  return {
    language: 'node', manager, yarnBerry, manifests, lockfile, build, typescript, prisma, next,
    outputDir: build ? outDir : undefined, entry,
    runtimeFiles: next ? ['public', 'next.config.js', 'next.config.mjs', 'next.config.ts'].filter(has) : [],
    version: nodeVersion(read('.nvmrc') ?? read('.node-version'), record(pkg.engines).node),
    healthPath: healthPath([sourceOf(entry, outDir, read)]),
    port: detectPort([start, String(scripts.dev ?? ''), read('.env.example') ?? '', sourceOf(entry, outDir, read)], next || 'express' in deps || '@nestjs/core' in deps || 'fastify' in deps ? 3000 : undefined, 3000),
  };
}

/** How to run a package binary with this manager, e.g. `npx tsc`. */
export function execBin(manager: NodeManager, args: string[]): string[] {
  return manager === 'npm' ? ['npx', ...args] : manager === 'pnpm' ? ['pnpm', 'exec', ...args] : ['yarn', ...args];
}

function tsOutDir(tsconfig: string | undefined): string {
  const options = record(parseJson(tsconfig)?.compilerOptions);
  const out = typeof options.outDir === 'string' ? options.outDir.replace(/^\.\//, '').replace(/\/+$/, '') : '';
  return out && !out.startsWith('..') ? out : 'dist';
}

function entryFile(start: string, pkg: Record<string, unknown>, outDir: string | undefined, typescript: boolean, has: Exists): string {
  const fromStart = /(?:^|&&|;)\s*(?:\S+=\S+\s+)*node\s+(?:--?\S+\s+)*([^\s;&|]+\.[cm]?js)\b/.exec(start)?.[1];
  if (fromStart) return fromStart.replace(/^\.\//, '');
  if (typeof pkg.main === 'string' && /\.[cm]?js$/.test(pkg.main) && (!typescript || pkg.main.startsWith(outDir ?? '\0'))) return pkg.main.replace(/^\.\//, '');
  const names = ['index', 'main', 'server', 'app'];
  if (typescript) {
    for (const src of ['src', '.']) for (const n of names) if (has(`${src}/${n}.ts`)) return `${outDir ?? 'dist'}/${n}.js`;
    return `${outDir ?? 'dist'}/index.js`;
  }
  for (const dir of ['', 'src/']) for (const n of names) if (has(`${dir}${n}.js`)) return `${dir}${n}.js`;
  return 'index.js';
}

/** The source file behind a built entry (dist/index.js → src/index.ts), to look for a port in. */
function sourceOf(entry: string, outDir: string | undefined, read: Reader): string {
  const candidates = [entry];
  if (outDir && entry.startsWith(`${outDir}/`)) {
    const rest = entry.slice(outDir.length + 1).replace(/\.js$/, '.ts');
    candidates.push(`src/${rest}`, rest);
  }
  for (const c of candidates) {
    const text = read(c);
    if (text !== undefined) return text;
  }
  return '';
}

function nodeVersion(nvmrc: string | undefined, engines: unknown): string {
  const fromRc = /^\s*v?(\d+)/.exec(nvmrc ?? '')?.[1];
  if (fromRc) return fromRc;
  return majorOf(typeof engines === 'string' ? engines : '', DEFAULT_VERSIONS.node);
}

/** `20`, `^20.1`, `~20`, `20.x` → 20; `>=18` → our default when it satisfies, else 18. */
function majorOf(range: string, fallback: string): string {
  const match = /^\s*(>=|>|\^|~|=)?\s*v?(\d+)/.exec(range);
  if (!match) return fallback;
  if (match[1] === '>=' || match[1] === '>') return Number(fallback) >= Number(match[2]) ? fallback : match[2];
  return match[2];
}

function prismaProvider(schema: string | undefined): string[] {
  const provider = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/.exec(schema ?? '')?.[1];
  return provider === 'postgresql' ? ['pg'] : provider === 'mysql' ? ['mysql2'] : provider === 'mongodb' ? ['mongodb'] : [];
}

// --- Python -------------------------------------------------------------------------------

function detectPython(read: Reader, has: Exists, workspace: Workspace, dir: string): { project: PythonProject; deps: string[] } {
  const pyproject = read('pyproject.toml') ?? '';
  const requirements = ['requirements.txt', 'requirements/prod.txt', 'requirements/production.txt', 'requirements/base.txt'].find(has);
  const manager: PythonManager = has('uv.lock') ? 'uv'
    : has('poetry.lock') || /^\[tool\.poetry\]/m.test(pyproject) ? 'poetry' : 'pip';
  const manifests = manager === 'uv' ? ['pyproject.toml', 'uv.lock']
    : manager === 'poetry' ? ['pyproject.toml', ...(has('poetry.lock') ? ['poetry.lock'] : [])]
      : requirements ? [requirements] : ['pyproject.toml'];
  const deps = [...pythonDeps(requirements ? read(requirements) ?? '' : ''), ...pythonDeps(tomlDependencyText(pyproject))];
  const version = /^\s*(\d+\.\d+)/.exec(read('.python-version') ?? '')?.[1]
    ?? pythonRequires(/requires-python\s*=\s*"([^"]+)"/.exec(pyproject)?.[1] ?? /^python\s*=\s*"([^"]+)"/m.exec(pyproject)?.[1]);
  const django = deps.includes('django') && has('manage.py');
  const fastapi = deps.includes('fastapi');
  const flask = deps.includes('flask');
  const port = detectPort([read('.env.example') ?? ''], fastapi || django || flask ? 8000 : undefined, 8000);
  const bind = `0.0.0.0:${port.value}`;
  let start: string[];
  const module = findAppModule(read, fastapi ? /\bFastAPI\s*\(/ : /\bFlask\s*\(/);
  if (django) {
    const wsgi = findDjangoProject(workspace, dir);
    start = deps.includes('gunicorn') || !deps.includes('uvicorn') ? ['gunicorn', '--bind', bind, `${wsgi}.wsgi`] : ['uvicorn', `${wsgi}.asgi:application`, '--host', '0.0.0.0', '--port', String(port.value)];
  } else if (fastapi) {
    start = ['uvicorn', module ?? 'main:app', '--host', '0.0.0.0', '--port', String(port.value)];
  } else if (deps.includes('gunicorn')) {
    start = ['gunicorn', '--bind', bind, module ?? 'app:app'];
  } else if (flask) {
    // Flask's own server listens on 127.0.0.1 unless told otherwise: unreachable from outside the container.
    start = ['flask', '--app', (module ?? 'app:app').split(':')[0], 'run', '--host', '0.0.0.0', '--port', String(port.value)];
  } else {
    const script = ['main.py', 'app.py', 'server.py', 'run.py'].find(has) ?? 'main.py';
    start = ['python', script];
  }
  const sources = ['main.py', 'app.py', 'server.py', 'app/main.py', 'app/__init__.py', 'src/main.py', 'urls.py'].map((f) => read(f) ?? '');
  return { project: { language: 'python', manager, manifests, requirements: manager === 'pip' ? requirements : undefined, version, start, port, healthPath: healthPath(sources) }, deps };
}

function pythonRequires(range: string | undefined): string {
  const match = /(>=|~=|\^|==)?\s*(3\.\d+)/.exec(range ?? '');
  if (!match) return DEFAULT_VERSIONS.python;
  const [major, minor] = match[2].split('.').map(Number);
  const fallbackMinor = Number(DEFAULT_VERSIONS.python.split('.')[1]);
  if ((match[1] === '>=' || match[1] === '^' || match[1] === '~=') && major === 3 && minor <= fallbackMinor) return DEFAULT_VERSIONS.python;
  return match[2];
}

function pythonDeps(text: string): string[] {
  return text.split(/\r?\n|,/).map((l) => /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l.replace(/#.*/, ''))?.[1]?.toLowerCase())
    .filter((n): n is string => !!n && !['python', 'r', 'e'].includes(n));
}

/** The lines of pyproject.toml that name dependencies (PEP 621 arrays and poetry tables). */
function tomlDependencyText(toml: string): string {
  const arrays = [...toml.matchAll(/dependencies\s*=\s*\[([^\]]*)\]/g)].map((m) => m[1]);
  const tables = [...toml.matchAll(/^\[tool\.poetry(?:\.group\.\w+)?\.dependencies\]\s*$([\s\S]*?)(?=^\[|$(?![\s\S]))/gm)].map((m) => m[1]);
  return [...arrays, ...tables].join('\n');
}

function findAppModule(read: Reader, marker: RegExp): string | undefined {
  const candidates = ['main.py', 'app.py', 'server.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'app/__init__.py', 'src/main.py', 'src/app.py'];
  for (const file of candidates) {
    const text = read(file);
    if (text === undefined) continue;
    const variable = new RegExp(`^(\\w+)\\s*=\\s*${marker.source}`, 'm').exec(text)?.[1];
    if (variable || marker.test(text)) return `${file.replace(/\/__init__\.py$/, '').replace(/\.py$/, '').replace(/\//g, '.')}:${variable ?? 'app'}`;
  }
  return undefined;
}

function findDjangoProject(workspace: Workspace, dir: string): string {
  for (const entry of workspace.listDir(dir) ?? []) {
    if (workspace.exists(path.join(dir, entry, 'wsgi.py'))) return entry;
  }
  return 'config';
}

// --- Go -----------------------------------------------------------------------------------

function detectGo(read: Reader, has: Exists, workspace: Workspace, dir: string): GoProject {
  const mod = read('go.mod') ?? '';
  const version = /^go\s+(\d+\.\d+)/m.exec(mod)?.[1] ?? DEFAULT_VERSIONS.go;
  const modulePath = /^module\s+(\S+)/m.exec(mod)?.[1] ?? '';
  const commands = (workspace.listDir(path.join(dir, 'cmd')) ?? []).filter((c) => has(`cmd/${c}/main.go`)).sort();
  const mainPackage = has('main.go') ? '.' : commands.length > 0 ? `./cmd/${commands[0]}` : '.';
  const binary = mainPackage === '.' ? path.posix.basename(modulePath) || 'app' : path.posix.basename(mainPackage);
  const source = read(mainPackage === '.' ? 'main.go' : `${mainPackage.slice(2)}/main.go`) ?? '';
  return {
    language: 'go',
    manifests: ['go.mod', ...(has('go.sum') ? ['go.sum'] : [])],
    mainPackage,
    binary: /^[A-Za-z0-9._-]+$/.test(binary) ? binary : 'app',
    version,
    port: detectPort([source, read('.env.example') ?? ''], undefined, 8080),
    healthPath: healthPath([source]),
  };
}

function goDependencies(mod: string | undefined): string[] {
  const names: string[] = [];
  for (const m of (mod ?? '').matchAll(/^\s*(?:require\s+)?([\w.-]+\.[\w]+\/[\w./-]+)\s+v/gm)) {
    const p = m[1];
    if (/jackc\/pgx|lib\/pq|gorm\.io\/driver\/postgres/.test(p)) names.push('pg');
    else if (/go-sql-driver\/mysql|gorm\.io\/driver\/mysql/.test(p)) names.push('mysql2');
    else if (/redis\/go-redis|go-redis\/redis|gomodule\/redigo/.test(p)) names.push('redis');
    else if (/mongo-driver/.test(p)) names.push('mongodb');
  }
  return names;
}

// --- Java ---------------------------------------------------------------------------------

function detectJava(read: Reader, has: Exists, build: 'maven' | 'gradle'): JavaProject {
  const buildFile = build === 'maven' ? read('pom.xml') ?? '' : (read('build.gradle') ?? '') + (read('build.gradle.kts') ?? '');
  const version = /<(?:java\.version|maven\.compiler\.(?:release|target))>(\d+)</.exec(buildFile)?.[1]
    ?? /JavaLanguageVersion\.of\((\d+)\)|VERSION_(\d+)\b|sourceCompatibility\s*=\s*['"]?(\d+)/.exec(buildFile)?.slice(1).find(Boolean)
    ?? DEFAULT_VERSIONS.java;
  const wrapper = build === 'maven' ? has('mvnw') && has('.mvn') : has('gradlew') && has('gradle');
  const manifests = build === 'maven'
    ? ['pom.xml', ...(wrapper ? ['mvnw'] : [])]
    : ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', ...(wrapper ? ['gradlew'] : [])].filter(has);
  const config = ['src/main/resources/application.properties', 'src/main/resources/application.yml', 'src/main/resources/application.yaml'].map((f) => read(f) ?? '').join('\n');
  const port = /server\.port\s*[=:]\s*\$?\{?(?:PORT:)?(\d{2,5})|^\s*port:\s*\$?\{?(?:PORT:)?(\d{2,5})/m.exec(config);
  const actuator = /spring-boot-starter-actuator/.test(buildFile);
  return {
    language: 'java', build, wrapper, manifests, version: Number(version) >= 8 ? String(version) : DEFAULT_VERSIONS.java,
    port: port ? { value: Number(port[1] ?? port[2]), detected: true } : { value: 8080, detected: /spring-boot|quarkus|micronaut/.test(buildFile) },
    healthPath: actuator ? '/actuator/health' : /quarkus-smallrye-health/.test(buildFile) ? '/q/health' : '/',
  };
}

function javaDependencies(buildFiles: string): string[] {
  const names: string[] = [];
  if (/org\.postgresql|postgresql<\/artifactId>|r2dbc-postgresql/.test(buildFiles)) names.push('pg');
  if (/mysql-connector|com\.mysql/.test(buildFiles)) names.push('mysql2');
  if (/data-redis|jedis|lettuce|redisson/.test(buildFiles)) names.push('redis');
  if (/data-mongodb|mongodb-driver/.test(buildFiles)) names.push('mongodb');
  return names;
}

// --- .NET ---------------------------------------------------------------------------------

function detectDotnet(read: Reader, workspace: Workspace, dir: string): { project: DotnetProject; deps: string[] } | undefined {
  const projectFiles: string[] = [];
  const visit = (rel: string, depth: number) => {
    // listDir is undefined for files, so only folders are walked.
    for (const entry of (workspace.listDir(path.join(dir, rel)) ?? []).sort()) {
      const child = rel ? `${rel}/${entry}` : entry;
      if (/\.(cs|fs|vb)proj$/.test(entry)) projectFiles.push(child);
      else if (depth < 2 && !/^(\.|bin$|obj$|node_modules$|tests?$)/i.test(entry)) visit(child, depth + 1);
    }
  };
  visit('', 0);
  if (projectFiles.length === 0) return undefined;
  const texts = new Map(projectFiles.map((f) => [f, read(f) ?? '']));
  const isTest = (f: string) => /test/i.test(f) || /Microsoft\.NET\.Test\.Sdk|xunit|nunit|MSTest/i.test(texts.get(f)!);
  const project = projectFiles.find((f) => /Sdk="Microsoft\.NET\.Sdk\.Web"/.test(texts.get(f)!) && !isTest(f))
    ?? projectFiles.find((f) => /<OutputType>\s*Exe\s*</i.test(texts.get(f)!) && !isTest(f))
    ?? projectFiles.find((f) => !isTest(f)) ?? projectFiles[0];
  const text = texts.get(project)!;
  const framework = /<TargetFrameworks?>\s*net(\d+\.\d+)/.exec(text)?.[1];
  const assembly = /<AssemblyName>\s*([^<\s]+)\s*</.exec(text)?.[1] ?? path.posix.basename(project).replace(/\.\w+proj$/, '');
  const all = [...texts.values()].join('\n');
  const deps = [
    ...(/Npgsql/.test(all) ? ['pg'] : []), ...(/MySqlConnector|MySql\.Data|Pomelo\.EntityFrameworkCore\.MySql/.test(all) ? ['mysql2'] : []),
    ...(/StackExchange\.Redis|Caching\.StackExchangeRedis/.test(all) ? ['redis'] : []), ...(/MongoDB\.Driver/.test(all) ? ['mongodb'] : []),
  ];
  const settings = ['appsettings.json', `${path.posix.dirname(project)}/appsettings.json`].map((f) => read(f) ?? '').join('\n');
  const port = /"Url"\s*:\s*"https?:\/\/[^:"]+:(\d{2,5})/.exec(settings)?.[1];
  const source = ['Program.cs', `${path.posix.dirname(project)}/Program.cs`].map((f) => read(f) ?? '');
  return {
    project: {
      language: 'dotnet', project, projectFiles,
      manifests: ['NuGet.config', 'nuget.config', 'Directory.Build.props', 'Directory.Packages.props', 'global.json'].filter((f) => workspace.exists(path.join(dir, f))),
      assembly, version: framework && Number(framework) >= 6 ? framework : DEFAULT_VERSIONS.dotnet,
      port: port ? { value: Number(port), detected: true } : { value: 8080, detected: /Microsoft\.NET\.Sdk\.Web/.test(text) },
      healthPath: healthPath(source),
    },
    deps,
  };
}

// --- Shared -------------------------------------------------------------------------------

const SERVICE_DEPENDENCIES: [BackingService, RegExp][] = [
  ['postgres', /^(pg|postgres|pg-promise|psycopg2?(-binary)?|psycopg|asyncpg)$/],
  ['mysql', /^(mysql2?|pymysql|mysqlclient|aiomysql)$/],
  ['redis', /^(redis|ioredis|aioredis|django-redis|bullmq|bull)$/],
  ['mongo', /^(mongodb|mongoose|pymongo|motor)$/],
];

function servicesFrom(deps: string[]): BackingService[] {
  const names = deps.map((d) => d.toLowerCase());
  return SERVICE_DEPENDENCIES.filter(([, pattern]) => names.some((n) => pattern.test(n))).map(([service]) => service);
}

/** A port from `PORT=…`, `PORT || 8080`, `listen(8080)`, `:8080"` in the given texts; else the framework's or our default. */
function detectPort(texts: string[], framework: number | undefined, fallback: number): Port {
  const patterns = [/\bPORT\s*[=:]\s*["']?(\d{2,5})\b/, /\bPORT\b[^\n]{0,20}?(?:\|\||\?\?|,)\s*["']?(\d{2,5})\b/, /\blisten\(\s*(\d{2,5})\b/, /["']:(\d{2,5})["']/, /--port[= ](\d{2,5})\b/];
  for (const text of texts) {
    for (const pattern of patterns) {
      const value = Number(pattern.exec(text)?.[1]);
      if (value > 0 && value < 65536) return { value, detected: true };
    }
  }
  return framework !== undefined ? { value: framework, detected: true } : { value: fallback, detected: false };
}

function healthPath(texts: string[]): string {
  for (const text of texts) {
    const route = /["'`](\/(?:api\/)?(?:v\d\/)?(?:health[z]?|healthcheck|ready|readyz|livez|ping|status))\/?["'`]/.exec(text)?.[1];
    if (route) return route;
  }
  return '/';
}

function composeName(name: string): string {
  return name.replace(/^@[^/]+\//, '').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  for (const candidate of [text, text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1')]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // tsconfig.json allows comments and trailing commas: try again without them.
    }
  }
  return undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
}
