import * as assert from 'assert';
import { typingContext } from '../../server/src/lsp/features/compose-locate';
import { referenceAt, ComposeFeatures } from '../../server/src/lsp/features/compose';
import { parseCompose } from '../../server/src/engine/compose/model';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { keysAt, enumValuesAt, schemaAt } from '../../server/src/lsp/features/compose-schema';
import { safeFormatEdits } from '../../server/src/lsp/features/dockerfile-format';
import { ruleDocSummary } from '../../server/src/lsp/features/rule-docs';
import { normaliseLanguageFeatures } from '../../server/src/lsp/features/settings';

function context(text: string, line: number, character: number) {
  const c = typingContext(text, line, character);
  return { ...c, siblings: [...c.siblings] };
}

describe('language features: Compose typing context (read from indentation)', () => {
  it('finds the service a new key belongs to, with the keys already there', () => {
    assert.deepStrictEqual(context('services:\n  web:\n    image: x\n    \n    restart: always\n', 3, 4), { path: ['services', 'web'], mode: 'key', prefix: '', prefixStart: 4, siblings: ['image', 'restart'], item: false });
  });

  it('follows list items, also with the dash at the parent key\'s column', () => {
    assert.deepStrictEqual(context('services:\n  web:\n    ports:\n    - "80:80"\n    - \n', 4, 6).path, ['services', 'web', 'ports', 0]);
    assert.deepStrictEqual(context('services:\n  web:\n    ports:\n      - target: 80\n        pub\n', 4, 11), { path: ['services', 'web', 'ports', 0], mode: 'key', prefix: 'pub', prefixStart: 8, siblings: ['target'], item: false });
  });

  it('reads values after a key, in flow lists and after an opening quote', () => {
    assert.deepStrictEqual(context('services:\n  web:\n    depends_on: [a, \n', 2, 20).path, ['services', 'web', 'depends_on', 0]);
    assert.deepStrictEqual(context('services:\n  web:\n    restart: "un\n', 2, 16), { path: ['services', 'web', 'restart'], mode: 'value', prefix: 'un', prefixStart: 14, siblings: [], item: false });
  });

  it('skips comments and blank lines, reads CRLF files and empty files', () => {
    assert.deepStrictEqual(context('services:\n  web:\n    healthcheck:\n      test: x\n  # comment\n      \n', 5, 6).path, ['services', 'web', 'healthcheck']);
    assert.deepStrictEqual(context('services:\r\n  web:\r\n    \r\n', 2, 4).path, ['services', 'web']);
    assert.deepStrictEqual(context('', 0, 0).path, []);
  });
});

describe('language features: Compose references and schema', () => {
  it('knows which keys and values name a service, network, volume, secret or stage', () => {
    assert.deepStrictEqual(referenceAt(['services', 'web', 'depends_on', 0], 'value', 'db'), { target: 'services', name: 'db' });
    assert.deepStrictEqual(referenceAt(['services', 'web', 'depends_on', 'db'], 'key', 'db'), { target: 'services', name: 'db' });
    assert.deepStrictEqual(referenceAt(['services', 'web', 'links', 0], 'value', 'db:database'), { target: 'services', name: 'db' });
    assert.deepStrictEqual(referenceAt(['services', 'web', 'network_mode'], 'value', 'service:vpn'), { target: 'services', name: 'vpn' });
    assert.deepStrictEqual(referenceAt(['services', 'web', 'volumes', 0], 'value', 'data:/var/lib'), { target: 'volumes', name: 'data' });
    assert.strictEqual(referenceAt(['services', 'web', 'volumes', 0], 'value', './data:/var/lib'), undefined);
    assert.deepStrictEqual(referenceAt(['services', 'web', 'secrets', 0, 'source'], 'value', 'token'), { target: 'secrets', name: 'token' });
    assert.deepStrictEqual(referenceAt(['services', 'web', 'build', 'target'], 'value', 'prod'), { target: 'stage', name: 'prod' });
    assert.strictEqual(referenceAt(['services', 'web', 'image'], 'value', 'db'), undefined);
    assert.strictEqual(referenceAt(['networks', 'back'], 'key', 'back'), undefined);
  });

  it('reads keys, enums and descriptions from the compose-spec schema through $ref and oneOf', () => {
    const serviceKeys = keysAt(['services', 'web']).map((k) => k.key);
    assert.ok(serviceKeys.includes('healthcheck') && serviceKeys.includes('depends_on') && serviceKeys.includes('build'));
    assert.ok(keysAt(['services', 'web', 'build']).some((k) => k.key === 'target'));
    assert.deepStrictEqual(enumValuesAt(['services', 'web', 'depends_on', 'db', 'condition']), ['service_started', 'service_healthy', 'service_completed_successfully']);
    assert.match(schemaAt(['services', 'web', 'healthcheck']).description ?? '', /health/i);
    assert.deepStrictEqual(keysAt(['services', 'web', 'image']), []);
  });

  it('completes the values a key\'s description lists when the schema has no enum, quoting YAML 1.1 booleans', () => {
    const features = new ComposeFeatures(new MemoryWorkspace({}));
    const text = 'services:\n  web:\n    restart: \n';
    const items = features.completion(parseCompose('/p/compose.yaml', text), text, { line: 2, character: 13 }, false);
    assert.deepStrictEqual(items.map((i) => [i.label, (i.textEdit as { newText: string }).newText]), [['no', '"no"'], ['always', 'always'], ['on-failure', 'on-failure'], ['unless-stopped', 'unless-stopped']]);
  });
});

describe('language features: Dockerfile formatting edits that keep the build the same', () => {
  const edit = (line: number, from: number, newText: string) => ({ range: { start: { line, character: 0 }, end: { line, character: from } }, newText });

  it('re-indents instructions and continuation lines between shell words', () => {
    const text = '  FROM alpine\nRUN apk add \\\n        curl\n';
    assert.deepStrictEqual(safeFormatEdits(text, [edit(0, 2, ''), edit(2, 8, '    ')]), [edit(0, 2, ''), edit(2, 8, '    ')]);
  });

  it('leaves quoted strings, joined words, heredoc bodies and legacy ENV values alone', () => {
    assert.deepStrictEqual(safeFormatEdits('RUN echo "a \\\n   b"\n', [edit(1, 3, '    ')]), []);
    assert.deepStrictEqual(safeFormatEdits('RUN echo a\\\nb\n', [edit(1, 0, '    ')]), []);
    assert.deepStrictEqual(safeFormatEdits('RUN <<EOF\n  body\nEOF\n', [edit(1, 2, '')]), []);
    assert.deepStrictEqual(safeFormatEdits('ENV GREETING hello \\\n  world\n', [edit(1, 2, '    ')]), []);
  });

  it('drops anything that is not an indentation change', () => {
    assert.deepStrictEqual(safeFormatEdits('RUN a\n', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'run' }]), []);
  });
});

describe('language features: rule docs and settings', () => {
  it('keeps why, bad and good from a rule page, without the metadata and the how-to-turn-off', () => {
    const page = '# x\n\nWhy it matters.\n\n- Default severity: **warning**\n- Kind: dockerfile\n\n## Bad\n```dockerfile\nBAD\n```\n\n## Good\n```dockerfile\nGOOD\n```\n\n## Turn it off\nSettings.\n';
    assert.strictEqual(ruleDocSummary(page), 'Why it matters.\n\n**Bad**\n```dockerfile\nBAD\n```\n\n**Good**\n```dockerfile\nGOOD\n```');
  });

  it('reads auto|on|off per kind, defaulting to auto and no network', () => {
    assert.deepStrictEqual(normaliseLanguageFeatures(undefined), { dockerfile: 'auto', compose: 'auto', onlineImageTags: false });
    assert.deepStrictEqual(normaliseLanguageFeatures({ dockerfile: 'off', compose: 'bogus', onlineImageTags: true }), { dockerfile: 'off', compose: 'auto', onlineImageTags: true });
  });
});
