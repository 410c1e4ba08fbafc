import * as assert from 'assert';
import * as path from 'path';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { detectProject, type DotnetProject, type GoProject, type JavaProject, type NodeProject, type PythonProject } from '../../../server/src/engine/generators/project';
import { PROJECTS } from './fixtures';

const ROOT = path.resolve('/project');

function detect(files: Record<string, string>) {
  return detectProject(new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([n, c]) => [path.join(ROOT, n), c]))), ROOT);
}

describe('project detection', () => {
  it('Node with npm: lockfile, entry from the start script, port from the source, health route', () => {
    const facts = detect(PROJECTS['node-npm']);
    const app = facts.app as NodeProject;
    assert.strictEqual(app.language, 'node');
    assert.strictEqual(app.manager, 'npm');
    assert.deepStrictEqual(app.manifests, ['package.json', 'package-lock.json']);
    assert.strictEqual(app.entry, 'index.js');
    assert.deepStrictEqual(app.port, { value: 8080, detected: true });
    assert.strictEqual(app.healthPath, '/health');
    assert.strictEqual(app.build, undefined);
    assert.deepStrictEqual(facts.services, ['postgres']);
    assert.strictEqual(facts.name, 'shop-api');
  });

  it('Node with pnpm: packageManager field, engines range, scoped name', () => {
    const facts = detect(PROJECTS['node-pnpm']);
    const app = facts.app as NodeProject;
    assert.strictEqual(app.manager, 'pnpm');
    assert.strictEqual(app.entry, 'src/main.js');
    assert.strictEqual(app.version, '22');
    assert.deepStrictEqual(facts.services, ['mysql', 'redis']);
    assert.strictEqual(facts.name, 'worker');
  });

  it('TypeScript + Prisma: build script, outDir from a tsconfig with comments, .nvmrc, provider from the schema', () => {
    const facts = detect(PROJECTS['node-ts-prisma']);
    const app = facts.app as NodeProject;
    assert.deepStrictEqual(app.build, ['npm', 'run', 'build']);
    assert.strictEqual(app.outputDir, 'dist');
    assert.strictEqual(app.entry, 'dist/server.js');
    assert.strictEqual(app.version, '20');
    assert.ok(app.prisma && app.typescript);
    assert.strictEqual(app.healthPath, '/healthz');
    assert.deepStrictEqual(facts.services, ['postgres', 'redis']);
  });

  it('TypeScript without a build script builds with tsc and starts the compiled entry', () => {
    const app = detect({ 'package.json': '{"devDependencies":{"typescript":"^5"}}', 'yarn.lock': '', 'src/main.ts': '' }).app as NodeProject;
    assert.strictEqual(app.manager, 'yarn');
    assert.deepStrictEqual(app.build, ['yarn', 'tsc']);
    assert.strictEqual(app.entry, 'dist/main.js');
    assert.deepStrictEqual(app.port, { value: 3000, detected: false });
  });

  it('Python with pip: requirements, gunicorn for Flask, .python-version', () => {
    const facts = detect(PROJECTS['python-pip']);
    const app = facts.app as PythonProject;
    assert.strictEqual(app.manager, 'pip');
    assert.strictEqual(app.requirements, 'requirements.txt');
    assert.strictEqual(app.version, '3.11');
    assert.deepStrictEqual(app.start, ['gunicorn', '--bind', '0.0.0.0:8000', 'app:app']);
    assert.deepStrictEqual(facts.services, ['postgres', 'redis']);
  });

  it('Flask without gunicorn runs on all interfaces', () => {
    const app = detect({ 'requirements.txt': 'Flask>=3\n', 'server.py': 'from flask import Flask\nweb = Flask(__name__)\n' }).app as PythonProject;
    assert.deepStrictEqual(app.start, ['flask', '--app', 'server', 'run', '--host', '0.0.0.0', '--port', '8000']);
  });

  it('Python with poetry: FastAPI app found by its variable, uvicorn start, MongoDB from pymongo', () => {
    const facts = detect(PROJECTS['python-poetry']);
    const app = facts.app as PythonProject;
    assert.strictEqual(app.manager, 'poetry');
    assert.deepStrictEqual(app.manifests, ['pyproject.toml', 'poetry.lock']);
    assert.strictEqual(app.version, '3.12');
    assert.deepStrictEqual(app.start, ['uvicorn', 'app.main:api', '--host', '0.0.0.0', '--port', '8000']);
    assert.deepStrictEqual(facts.services, ['mongo']);
    assert.strictEqual(facts.name, 'catalog');
  });

  it('Python with uv', () => {
    const app = detect({ 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.13"\ndependencies = ["django>=5", "psycopg[binary]"]\n', 'uv.lock': '', 'manage.py': '', 'mysite/wsgi.py': '' }).app as PythonProject;
    assert.strictEqual(app.manager, 'uv');
    assert.strictEqual(app.version, '3.13');
    assert.deepStrictEqual(app.start, ['gunicorn', '--bind', '0.0.0.0:8000', 'mysite.wsgi']);
  });

  it('Go: version from go.mod, main package under cmd/, port and route from main.go, services from modules', () => {
    const facts = detect(PROJECTS['go']);
    const app = facts.app as GoProject;
    assert.strictEqual(app.version, '1.22');
    assert.strictEqual(app.mainPackage, './cmd/inventory');
    assert.strictEqual(app.binary, 'inventory');
    assert.deepStrictEqual(app.port, { value: 9090, detected: true });
    assert.strictEqual(app.healthPath, '/healthz');
    assert.deepStrictEqual(facts.services, ['postgres', 'redis']);
    assert.strictEqual(facts.name, 'inventory');
  });

  it('Java: Maven wrapper, java.version, server.port, actuator health, PostgreSQL driver; Gradle toolchain version, Redis starter', () => {
    const maven = detect(PROJECTS['java-maven']);
    const app = maven.app as JavaProject;
    assert.deepStrictEqual([app.build, app.wrapper, app.version, app.port.value, app.healthPath], ['maven', true, '17', 8081, '/actuator/health']);
    assert.deepStrictEqual(app.manifests, ['pom.xml', 'mvnw']);
    assert.deepStrictEqual(maven.services, ['postgres']);
    assert.strictEqual(maven.name, 'billing');
    const gradle = detect(PROJECTS['java-gradle']);
    assert.deepStrictEqual([(gradle.app as JavaProject).build, (gradle.app as JavaProject).wrapper, gradle.app!.version], ['gradle', false, '21']);
    assert.deepStrictEqual(gradle.services, ['redis']);
    assert.strictEqual(gradle.name, 'notify');
  });

  it('.NET: the web project among several (tests skipped), every project file for restore, framework, health route, Npgsql', () => {
    const facts = detect(PROJECTS['dotnet']);
    const app = facts.app as DotnetProject;
    assert.strictEqual(app.project, 'src/Shop.Api/Shop.Api.csproj');
    assert.deepStrictEqual(app.projectFiles, ['src/Shop.Api/Shop.Api.csproj', 'src/Shop.Core/Shop.Core.csproj']);
    assert.deepStrictEqual(app.manifests, ['Directory.Build.props']);
    assert.deepStrictEqual([app.assembly, app.version, app.port.value, app.port.detected, app.healthPath], ['Shop.Api', '8.0', 8080, true, '/healthz']);
    assert.deepStrictEqual(facts.services, ['postgres']);
  });

  it('an empty or unknown folder has no app and never throws', () => {
    assert.strictEqual(detect({}).app, undefined);
    assert.strictEqual(detect({ 'package.json': '{ not json' }).app?.language, 'node');
    assert.strictEqual(detect({ 'README.md': '' }).app, undefined);
  });
});
