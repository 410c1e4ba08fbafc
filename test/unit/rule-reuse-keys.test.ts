import * as assert from 'assert';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { clearParseCache, reuseAcrossVersions } from '../../server/src/engine/dockerfile/parse-cache';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { compareSnippetsAtRunLineEnds } from './rule-reuse-helpers';

/**
 * Rules checked RUN by RUN that also read the build context (the Compose `build.target` that picks
 * the final stage, the context's package.json) keep their findings only while their `reuseKey`
 * holds: typing in a RUN after the Compose file or package.json changed finds what a lint from
 * scratch finds.
 */

const KEYED = ['package-cache-in-image', 'dev-dependencies-in-image'];
const DOCKERFILE = '/app/Dockerfile';

const SAMPLE = [
  'FROM node:20 AS deps',
  'WORKDIR /app',
  'RUN apt-get update && apt-get install -y --no-install-recommends git',
  'RUN yarn install',
  'FROM deps AS dev',
  'RUN npm install',
  'RUN pip install flask',
  'FROM node:20-slim AS prod',
  'RUN apk add curl',
  'RUN npm ci',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

function compose(target: string): string {
  return `services:\n  app:\n    build:\n      context: .\n      target: ${target}\n`;
}

function lintWith(files: Record<string, string>, text: string): string {
  const workspace = new MemoryWorkspace({ ...files, [DOCKERFILE]: text }, ['/app']);
  const result = lint({ path: DOCKERFILE, text, kind: 'dockerfile' }, workspace, {}, { editing: true });
  return JSON.stringify(result.findings.filter((f) => KEYED.includes(f.rule)));
}

function fromScratch(files: Record<string, string>, text: string): string {
  reuseAcrossVersions.enabled = false;
  try {
    return lintWith(files, text);
  } finally {
    reuseAcrossVersions.enabled = true;
  }
}

describe('findings kept while typing inside a RUN, for rules that read the build context', () => {
  before(() => initEngine());

  it('are checked RUN by RUN with a reuse key', () => {
    for (const id of KEYED) {
      const rule = dockerfileRules.find((r) => r.meta.id === id);
      assert.ok(rule?.checkRun && rule.reuseKey, id);
    }
  });

  it('follow a Compose build.target and a package.json that changed while the Dockerfile did not', () => {
    const variants: Record<string, string>[] = [
      {},
      { '/app/compose.yaml': compose('dev') },
      { '/app/compose.yaml': compose('deps') },
      { '/app/compose.yaml': compose('dev'), '/app/package.json': '{"packageManager":"yarn@4.1.0"}' },
      { '/app/compose.yaml': compose('deps'), '/app/package.json': '{"packageManager":"yarn@4.1.0"}' },
      { '/app/compose.yaml': compose('deps') },
    ];
    clearParseCache();
    let text: string;
    const seen = new Set<string>();
    lintWith(variants[0], SAMPLE);
    for (const [step, files] of variants.entries()) {
      // One character typed into a RUN between two lints, with the build context changed in between.
      text = SAMPLE.replace('RUN pip install flask', `RUN pip install flask${'x'.repeat(step + 1)}`);
      const found = lintWith(files, text);
      assert.strictEqual(found, fromScratch(files, text), `step ${step}`);
      seen.add(found);
    }
    // The variants change what the rules find (a test that cannot tell them apart proves nothing).
    assert.ok(seen.size >= 3, `${seen.size} distinct results`);
  });

  it('are exactly those of a lint from scratch, each snippet typed at the end of each RUN line', function () {
    this.timeout(120000);
    const snippets = [' && npm run build', ' && npm prune --omit=dev', ' --omit=dev', ' && rm -rf /var/lib/apt/lists/*', ' --no-cache-dir',
      ' && pip config set global.no-cache-dir true', ' && echo Keep-Downloaded-Packages true > /etc/apt/apt.conf.d/keep', ' && yarn cache clean', 'x'];
    assert.ok(compareSnippetsAtRunLineEnds([SAMPLE], snippets) > 50);
  });
});
