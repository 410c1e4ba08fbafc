import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { allRuleMetas } from '../../server/src/engine/engine';
import { SCHEMA_PATH, buildSchema, schemaText } from '../../scripts/gen-schema';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(buildSchema());
}

/** The `.dockhand.yaml` examples in the README and docs/configuration.md (yaml blocks with a top-level `rules:`). */
function documentedConfigs(): { where: string; value: unknown }[] {
  const found: { where: string; value: unknown }[] = [];
  for (const file of ['README.md', path.join('docs', 'configuration.md')]) {
    const full = path.join(ROOT, file);
    if (!fs.existsSync(full)) continue;
    const text = fs.readFileSync(full, 'utf8');
    for (const match of text.matchAll(/```ya?ml\r?\n([\s\S]*?)```/g)) {
      const body = match[1];
      if (!/^rules:/m.test(body) || /^(?:ignored|override):/m.test(body)) continue;
      found.push({ where: `${file}: ${body.split('\n').slice(0, 2).join(' / ')}`, value: parseYaml(body) });
    }
  }
  return found;
}

describe('.dockhand.yaml JSON schema', () => {
  it('is up to date with the rule metadata (run `npm run schema`)', () => {
    assert.ok(fs.existsSync(SCHEMA_PATH), 'schemas/dockhand.schema.json is missing: run `npm run schema`');
    assert.strictEqual(fs.readFileSync(SCHEMA_PATH, 'utf8'), schemaText(), 'schemas/dockhand.schema.json is out of date: run `npm run schema`');
  });

  it('lists every rule id and every peer code as a key of `rules`', () => {
    const rules = (buildSchema().properties as Record<string, { properties: Record<string, unknown> }>).rules.properties;
    for (const meta of allRuleMetas) {
      assert.ok(rules[meta.id], `rule ${meta.id} missing from the schema`);
      for (const code of meta.equivalents) assert.ok(rules[code], `peer code ${code} (${meta.id}) missing from the schema`);
    }
  });

  it('accepts the documented configuration examples and every setting the loader reads', () => {
    const validate = validator();
    const documented = documentedConfigs();
    assert.ok(documented.length > 0, 'expected at least one documented .dockhand.yaml example');
    for (const { where, value } of documented) assert.ok(validate(value), `${where}: ${JSON.stringify(validate.errors)}`);
    const full = {
      rules: { 'no-root-user': 'error', DL3007: 'off', dl3008: 'info', JSONArgsRecommended: 'warning', 'shell-form-cmd': false },
      'enable-all': false,
      'fail-level': 'warning',
      'trusted-registries': ['registry.acme.io'],
      'label-schema': { maintainer: 'email', 'org.opencontainers.image.created': 'rfc3339' },
      'strict-labels': true,
    };
    assert.ok(validate(full), JSON.stringify(validate.errors));
    assert.ok(validate({ enableAll: true, failLevel: 'error', trustedRegistries: [], labelSchema: {}, strictLabels: false }), JSON.stringify(validate.errors));
    assert.ok(validate(null), 'an empty file is a valid configuration');
  });

  it('rejects typos: unknown keys, unknown rule ids and unknown severities', () => {
    const validate = validator();
    for (const wrong of [
      { rule: { 'no-root-user': 'error' } },
      { fail_level: 'warning' },
      { rules: { 'no-rot-user': 'error' } },
      { rules: { 'no-root-user': 'warn' } },
      { 'fail-level': 'info' },
      { 'label-schema': { maintainer: 'mail' } },
      { 'trusted-registries': 'registry.acme.io' },
    ]) assert.ok(!validate(wrong), `should reject ${JSON.stringify(wrong)}`);
  });

  it('is contributed to VS Code for .dockhand.json and .dockhand.yaml/.yml, and packaged', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Record<string, { fileMatch: string | string[]; url: string }[]> };
    const url = './schemas/dockhand.schema.json';
    const matches = (point: string) => manifest.contributes[point]?.filter((c) => c.url === url).flatMap((c) => [c.fileMatch].flat()) ?? [];
    assert.ok(matches('jsonValidation').includes('.dockhand.json'), 'contributes.jsonValidation should map .dockhand.json to the schema');
    for (const name of ['.dockhand.yaml', '.dockhand.yml']) assert.ok(matches('yamlValidation').includes(name), `contributes.yamlValidation should map ${name} to the schema`);
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m, '.vscodeignore should keep schemas/ in the package');
  });
});
