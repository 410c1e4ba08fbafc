import * as assert from 'assert';
import { initEngine, lint } from '../../../server/src/engine/engine';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { applyFix, preferredFix } from '../../../server/src/engine/fixes';

const PATH = '/p/compose.yaml';
const findings = (text: string, rule = 'compose-schema') =>
  lint({ path: PATH, text }, new MemoryWorkspace(), {}).findings.filter((f) => f.rule === rule);
const at = (f: { range: { start: { line: number; character: number } } }) => `${f.range.start.line}:${f.range.start.character}`;

describe('compose-schema', () => {
  before(initEngine);

  it('reports a misspelt key at the key, with "did you mean" and a rename fix', () => {
    const text = 'services:\n  api:\n    image: node:20\n    helthcheck:\n      test: ["CMD", "true"]\n';
    const [finding] = findings(text);
    assert.strictEqual(at(finding), '3:4');
    assert.match(finding.message, /Unknown key `helthcheck` in service `api`\. Did you mean `healthcheck`\?/);
    const fixed = applyFix(preferredFix(finding)!, () => text).get(PATH)!;
    assert.strictEqual(fixed, text.replace('helthcheck', 'healthcheck'));
    assert.deepStrictEqual(findings(fixed), []);
  });

  it('reports a wrong type at the value, once, naming the expected types', () => {
    const [finding, ...rest] = findings('services:\n  api:\n    image: node:20\n    ports: "3000:3000"\n');
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(at(finding), '3:11');
    assert.match(finding.message, /`ports` of service `api` should be a list, not a string/);
  });

  it('reports an unknown key inside a oneOf branch without the other branch\'s type error', () => {
    const list = findings('services:\n  api:\n    build:\n      context: .\n      dockerfil: Dockerfile\n');
    assert.deepStrictEqual(list.map((f) => f.message), ['Unknown key `dockerfil` in `build` of service `api`. Did you mean `dockerfile`?']);
  });

  it('accepts valid files with anchors, merge keys, extension fields, interpolation and override tags', () => {
    const text = [
      'x-common: &common',
      '  restart: unless-stopped',
      '  environment:',
      '    TZ: UTC',
      'services:',
      '  api:',
      '    <<: *common',
      '    image: "node:${NODE_VERSION:-20}"',
      '    ports: !reset []',
      '    cpus: ${CPUS}',
      '  db:',
      '    <<: *common',
      '    image: postgres:16',
      '',
    ].join('\n');
    assert.deepStrictEqual(findings(text).map((f) => f.message), []);
  });

  it('reports YAML syntax errors at their position and keeps going', () => {
    const result = lint({ path: PATH, text: 'services:\n  api:\n    image: "node:20\n' }, new MemoryWorkspace(), {});
    const errors = result.findings.filter((f) => f.rule === 'parse-error');
    assert.ok(errors.length > 0);
    assert.match(errors[0].message, /^YAML syntax error/);
    assert.deepStrictEqual(result.failures, []);
  });

  it('refuses an alias bomb with one clear finding instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    lines.push('services:', '  api:', '    image: x', '    command: *j');
    const started = Date.now();
    const result = lint({ path: PATH, text: lines.join('\n') + '\n' }, new MemoryWorkspace(), {});
    assert.ok(Date.now() - started < 1000, 'returns within a second');
    assert.ok(result.findings.some((f) => f.rule === 'parse-error' && /alias/.test(f.message)), JSON.stringify(result.findings.map((f) => f.message)));
  });

  it('hints at `${VAR}` when `{$VAR}` was written', () => {
    const [finding] = findings('services:\n  api:\n    image: {$IMAGE}\n');
    assert.match(finding.message, /did you mean `\$\{IMAGE\}`/);
  });
});
