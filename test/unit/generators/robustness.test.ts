import * as assert from 'assert';
import * as path from 'path';
import fc from 'fast-check';
import { initEngine, lint } from '../../../server/src/engine/engine';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { GENERATOR_KINDS, planGeneration } from '../../../server/src/engine/generators/plan';

const ROOT = path.resolve('/project');

/** Marker files with hostile content: half-typed JSON, CRLF, odd versions, names with spaces and quotes. */
const NAMES = ['package.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', '.nvmrc', 'tsconfig.json', 'prisma/schema.prisma', 'index.js', 'src/main.ts',
  'requirements.txt', 'pyproject.toml', 'poetry.lock', 'uv.lock', '.python-version', 'app.py', 'manage.py',
  'go.mod', 'go.sum', 'main.go', 'cmd/x y/main.go', 'pom.xml', 'mvnw', 'build.gradle', 'settings.gradle.kts', 'App.csproj', 'src/A.B/A.B.csproj',
  '.gitignore', '.dockerignore', 'Dockerfile', '.env.example', 'compose.yaml'];
const TEXTS = fc.oneof(
  fc.string(),
  fc.constantFrom('{', '{"name": 5, "scripts": null}', '{"packageManager":"yarn@4.1.0","engines":{"node":">=99"}}', '{"scripts":{"start":"node \\"my app.js\\""}}',
    'module\r\ngo 1.x\r\n', 'go 1.21rc1', '<Project><PropertyGroup><TargetFramework>net4.8</TargetFramework></PropertyGroup></Project>',
    '[tool.poetry]\nname = "a\'b"\n', 'requires-python = ">=3.99"', 'v', 'lts/*', '*.js\n!keep\n/\n**\n', 'FROM node\nCOPY . .\n', 'listen(99999)'),
);

describe('generators on hostile projects', () => {
  before(initEngine);

  it('never throw, and every Dockerfile they write parses', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...NAMES), TEXTS, { maxKeys: 8 }), (files) => {
      const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([n, c]) => [path.join(ROOT, n), c])), [ROOT]);
      for (const kind of GENERATOR_KINDS) {
        const plan = planGeneration(kind, ws, ROOT, { flavour: 'distroless' });
        if (!('files' in plan)) continue;
        for (const file of plan.files.filter((f) => path.basename(f.path) === 'Dockerfile')) {
          const errors = lint({ path: file.path, text: file.content }, ws, {}).findings.filter((f) => f.rule === 'parse-error');
          assert.deepStrictEqual(errors.map((e) => e.message), [], file.content);
        }
      }
    }), { numRuns: 150 });
  });

  it('an ignore line the matcher cannot compile (an unbalanced `(`) fails no rule', () => {
    const ws = new MemoryWorkspace({ [path.join(ROOT, '.dockerignore')]: '(\n.git\n', [path.join(ROOT, '.gitignore')]: '(\n', [path.join(ROOT, 'package.json')]: '{}' }, [ROOT]);
    const result = lint({ path: path.join(ROOT, 'Dockerfile'), text: 'FROM node:22\nCOPY . .\nCMD ["node", "a.js"]\n' }, ws, {});
    assert.deepStrictEqual(result.failures.map((f) => `${f.rule}: ${String(f.error)}`), []);
    const compose = lint({ path: path.join(ROOT, 'compose.yaml'), text: 'services:\n  a:\n    image: x:1\n    environment:\n      TOKEN: s3cr3t-value-123456\n' }, ws, {});
    assert.deepStrictEqual(compose.failures.map((f) => `${f.rule}: ${String(f.error)}`), []);
  });
});
