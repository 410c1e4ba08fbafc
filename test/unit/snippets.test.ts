import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { generateDockerignore } from '../../server/src/engine/generators/dockerignore';

/**
 * Every snippet, expanded with its default placeholders, lints clean at default settings —
 * alone when it is a whole file, else inside the smallest clean file it belongs in.
 */

const ROOT = path.resolve('/project');
const SNIPPETS = path.resolve(__dirname, '..', '..', '..', 'snippets');

interface Snippet {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

function load(name: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(SNIPPETS, name), 'utf8')) as Record<string, Snippet>;
}

/**
 * Expands VS Code snippet syntax the way the editor does when every placeholder keeps its
 * default: `${1:text}` → text (nested allowed), `${1|a,b|}` → a, `$1`/`${1}` → the default
 * given to that tab stop anywhere in the body, `${VAR:default}` → default, `\$ \} \\` → literal.
 */
const KNOWN_VARIABLES = /^(TM_\w+|CLIPBOARD|SELECTION|WORKSPACE_\w+|RELATIVE_FILEPATH|CURSOR_\w+|LINE_COMMENT|BLOCK_COMMENT_\w+|CURRENT_\w+|RANDOM(_HEX)?|UUID)$/;

export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  // VS Code inserts an unknown variable's name (`$PATH` → `PATH`): a shell variable must be written `\\$PATH`.
  const variable = (name: string, fallback: string | undefined): string => {
    if (!KNOWN_VARIABLES.test(name)) throw new Error(`snippet uses \`$${name}\`, which VS Code reads as a snippet variable: escape it as \\$${name}`);
    return fallback ?? '';
  };
  const REF = '\u0000';
  let i = 0;
  const parse = (stop: string | undefined): string => {
    let out = '';
    while (i < text.length) {
      const ch = text[i];
      if (stop !== undefined && ch === stop) return out;
      if (ch === '\\' && i + 1 < text.length && '$}\\,|'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (ch !== '$') {
        out += ch;
        i++;
        continue;
      }
      const bare = /^\$(\d+|[A-Za-z_]\w*)/.exec(text.slice(i));
      if (bare) {
        i += bare[0].length;
        out += /^\d/.test(bare[1]) ? `${REF}${bare[1]}${REF}` : variable(bare[1], undefined);
        continue;
      }
      const open = /^\$\{(\d+|[A-Za-z_]\w*)([:|}])/.exec(text.slice(i));
      if (!open) {
        out += ch;
        i++;
        continue;
      }
      i += open[0].length;
      const [, id, kind] = open;
      const tabstop = /^\d/.test(id);
      if (kind === '}') {
        out += tabstop ? `${REF}${id}${REF}` : variable(id, undefined);
        continue;
      }
      if (kind === '|') {
        const end = text.indexOf('|}', i);
        const first = text.slice(i, end).split(',')[0];
        i = end + 2;
        if (tabstop && !defaults.has(id)) defaults.set(id, first);
        out += tabstop ? `${REF}${id}${REF}` : first;
        continue;
      }
      const value = parse('}');
      i++;
      if (tabstop && !defaults.has(id)) defaults.set(id, value);
      out += tabstop ? `${REF}${id}${REF}` : variable(id, value);
    }
    return out;
  };
  const raw = parse(undefined);
  const fill = (s: string, depth: number): string => depth > 5 ? s : s.replace(new RegExp(`${REF}(\\d+)${REF}`, 'g'), (_m, id: string) => fill(defaults.get(id) ?? '', depth + 1));
  return fill(raw, 0);
}

const PROJECT_FILES: Record<string, string> = {
  'package.json': '{"name":"demo","scripts":{"build":"tsc"}}',
  'package-lock.json': '{"lockfileVersion":3}',
  'requirements.txt': 'gunicorn==22.0.0\n',
  'go.mod': 'module example.com/app\n\ngo 1.23\n',
  'go.sum': '',
  '.dockerignore': generateDockerignore(new MemoryWorkspace({ '/p/package.json': '{}', '/p/requirements.txt': '', '/p/go.mod': '' }), '/p'),
  'secrets/db_password.txt': 'x\n',
};

function findings(file: string, text: string, extra: Record<string, string> = {}): string[] {
  const files = Object.fromEntries(Object.entries({ ...PROJECT_FILES, ...extra }).map(([n, c]) => [path.join(ROOT, n), c]));
  const target = path.join(ROOT, file);
  const ws = new MemoryWorkspace({ ...files, [target]: text }, [ROOT]);
  const result = lint({ path: target, text }, ws, {});
  assert.deepStrictEqual(result.failures.map((f) => f.rule), []);
  return result.findings.map((f) => `${f.range.start.line + 1}: ${f.rule} (${f.severity}) ${f.message}`);
}

/** A Dockerfile fragment inside the stage it belongs in: RUN mounts in a builder, the rest in a runtime stage. */
function dockerfileAround(fragment: string): string {
  if (/^FROM\b/.test(fragment)) return fragment;
  if (/^RUN --mount/.test(fragment)) {
    return ['FROM node:22-slim AS build', 'WORKDIR /app', 'COPY package.json package-lock.json ./', fragment, 'COPY . .', 'RUN npm run build',
      'RUN npm prune --omit=dev', '', 'FROM node:22-slim', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY --from=build /app/package.json ./',
      'COPY --from=build /app/node_modules ./node_modules', 'COPY --from=build /app/dist ./dist', 'USER node', 'EXPOSE 3000',
      'HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "require(\'http\').get(\'http://127.0.0.1:3000/\', (r) => process.exit(r.statusCode < 400 ? 0 : 1))"]',
      'CMD ["node", "dist/index.js"]', ''].join('\n');
  }
  const base = /node -e/.test(fragment) ? 'node:22-alpine' : /\b(apk|adduser -S|wget)\b/.test(fragment) ? 'python:3.12-alpine' : 'python:3.12-slim';
  const lines = [`FROM ${base}`, 'WORKDIR /app', fragment, 'COPY . .'];
  if (!/^USER /m.test(fragment)) lines.push('USER nobody');
  lines.push('EXPOSE 8000');
  if (!/^HEALTHCHECK /m.test(fragment)) lines.push('HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/\')"]');
  lines.push(/node -e/.test(fragment) ? 'CMD ["node", "index.js"]' : 'CMD ["python", "app.py"]', '');
  return lines.join('\n');
}

const POSTGRES = ['  db:', '    image: postgres:17-alpine', '    environment:', '      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD:?set it}"',
  '    healthcheck:', '      test: ["CMD", "pg_isready"]', '    deploy:', '      resources:', '        limits:', '          cpus: "1.0"', '          memory: 1G'];
const APP_LIMITS = ['    deploy:', '      resources:', '        limits:', '          cpus: "1.0"', '          memory: 512M'];

/** A Compose fragment in place: a service under `services:`, a service key inside one, `secrets:` at the top. */
function composeAround(fragment: string): string {
  const indent = (text: string, n: number) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
  const isService = /^[\w-]+:\n {2}\S/.test(fragment) && !/^(depends_on|secrets|deploy):/.test(fragment);
  const topLevel = /^secrets:\n {2}[\w-]+:\n {4}file:/.test(fragment);
  const out = ['name: demo', 'services:', '  proxy:', '    image: nginx:1.27-alpine'];
  if (!isService && !topLevel) out.push(indent(fragment, 4));
  if (!/^deploy:/m.test(fragment) || isService) out.push(...APP_LIMITS);
  if (isService) out.push(indent(fragment, 2));
  const definesDb = isService && /^db:/.test(fragment);
  if (/\bdb:/.test(fragment) && !definesDb || /condition: service_healthy/.test(fragment) && !definesDb) out.push(...POSTGRES);
  if (topLevel) out.push(fragment);
  else if (/^secrets:\n {2}- /m.test(fragment)) out.push('secrets:', '  db_password:', '    file: ./secrets/db_password.txt');
  const volumes = [...fragment.matchAll(/^\s*- ([\w-]+):\//gm)].map((m) => m[1]);
  if (volumes.length > 0) out.push('volumes:', ...volumes.map((v) => `  ${v}:`));
  return out.join('\n') + '\n';
}

const APP_DOCKERFILE = dockerfileAround('RUN --mount=type=cache,target=/root/.npm npm ci');

describe('snippets', () => {
  before(initEngine);

  it('the expander follows VS Code snippet syntax', () => {
    assert.strictEqual(expandSnippet(['${1:a} $1 ${1}', '${2|x,y|}-$2', '\\${KEEP} ${3:out ${4:in}} $4 ${TM_FILENAME:f} \\$PATH $0']), 'a a a\nx-x\n${KEEP} out in in f $PATH ');
    assert.throws(() => expandSnippet('ENV PATH=/x:$PATH'), /escape it/);
  });

  it('package.json contributes both files, and every snippet has a prefix and a description', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(SNIPPETS, '..', 'package.json'), 'utf8')) as { contributes: { snippets: { path: string }[] } };
    assert.deepStrictEqual(pkg.contributes.snippets.map((s) => s.path).sort(), ['./snippets/compose.json', './snippets/dockerfile.json']);
    for (const file of ['dockerfile.json', 'compose.json']) {
      for (const [name, snippet] of Object.entries(load(file))) {
        assert.ok(snippet.prefix.length > 0 && snippet.description, `${file} ${name}`);
      }
    }
  });

  for (const [name, snippet] of Object.entries(load('dockerfile.json'))) {
    it(`Dockerfile: ${name}`, () => {
      const text = dockerfileAround(expandSnippet(snippet.body).trimEnd() + (/^FROM\b/.test(expandSnippet(snippet.body)) ? '\n' : ''));
      assert.deepStrictEqual(findings('Dockerfile', text), [], text);
    });
  }

  for (const [name, snippet] of Object.entries(load('compose.json'))) {
    it(`Compose: ${name}`, () => {
      const text = composeAround(expandSnippet(snippet.body).trimEnd());
      assert.deepStrictEqual(findings('compose.yaml', text, { Dockerfile: APP_DOCKERFILE }), [], text);
    });
  }

  it('a snippet that is wrong does fail (the check can fail)', () => {
    assert.notDeepStrictEqual(findings('Dockerfile', dockerfileAround('RUN apt-get update && apt-get install -y curl')), []);
    assert.notDeepStrictEqual(findings('compose.yaml', composeAround('cache:\n  image: redis')), []);
  });
});
