import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { initEngine, lint } from '../../server/src/engine/engine';
import type { LintConfig } from '../../server/src/engine/config';
import { MemoryWorkspace } from '../../server/src/engine/workspace';

/**
 * hadolint's cases that need a configuration (trusted registries, label schema, strict labels),
 * read from ../shared/cases at run time (never copied here); skipped where that folder is absent.
 */
const SKIPPED = path.join(process.env.DOCKHAND_SHARED ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared'), 'cases', 'hadolint-skipped.jsonl');

interface ConfigCase {
  rule: string;
  expect: 'catch' | 'pass';
  dockerfile: string;
  name: string;
  count?: number;
  config?: { allowedRegistries?: string[]; labelSchema?: Record<string, string>; strictLabels?: boolean };
}

function configOf(c: ConfigCase): LintConfig | undefined {
  const given = c.config ?? {};
  if (!given.allowedRegistries && !given.labelSchema) return undefined;
  return { enableAll: true, trustedRegistries: given.allowedRegistries, labelSchema: given.labelSchema, strictLabels: given.strictLabels };
}

describe('hadolint cases that need a configuration', () => {
  before(initEngine);

  const cases = fs.existsSync(SKIPPED)
    ? fs.readFileSync(SKIPPED, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ConfigCase).filter((c) => configOf(c))
    : [];

  it('finds the cases (or the shared folder is absent)', function () {
    if (!fs.existsSync(SKIPPED)) this.skip();
    assert.ok(cases.length >= 80, `expected the trusted-registry and label-schema cases, found ${cases.length}`);
  });

  for (const [index, c] of cases.entries()) {
    it(`${c.rule} ${c.expect} #${index}: ${c.name}`, () => {
      const file = '/case/Dockerfile';
      const result = lint({ path: file, text: c.dockerfile, kind: 'dockerfile' }, new MemoryWorkspace({ [file]: c.dockerfile }, ['/case']), configOf(c));
      const hits = result.findings.filter((f) => f.equivalents.includes(c.rule));
      if (c.expect === 'pass') assert.deepStrictEqual(hits.map((f) => f.message), []);
      else if (c.count !== undefined) assert.strictEqual(hits.length, c.count, JSON.stringify(hits.map((f) => f.message)));
      else assert.ok(hits.length > 0, 'expected a finding');
    });
  }
});
