import * as assert from 'assert';
import { interpolate, parseEnvFile } from '../../../server/src/engine/compose/interpolate';
import { initEngine, lint } from '../../../server/src/engine/engine';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';

describe('compose interpolation', () => {
  const env = new Map([['A', 'x'], ['EMPTY', '']]);

  it('substitutes every form Compose knows', () => {
    assert.strictEqual(interpolate('$A-${A}', env), 'x-x');
    assert.strictEqual(interpolate('${B:-def}/${EMPTY:-d2}/${EMPTY-d3}', env), 'def/d2/');
    assert.strictEqual(interpolate('${A:+alt}|${B:+alt}', env), 'alt|');
    assert.strictEqual(interpolate('${A:?required}', env), 'x');
    assert.strictEqual(interpolate('${B:?required}', env), undefined);
    assert.strictEqual(interpolate('cost $$5 ${B}', env), undefined);
    assert.strictEqual(interpolate('cost $$5', env), 'cost $5');
    assert.strictEqual(interpolate('${B:-${A}}', env), 'x');
  });

  it('reads .env files like Compose', () => {
    assert.deepStrictEqual([...parseEnvFile('# c\nexport A=1\nB="two words"\nC=\'x\'\nD=y # note\n\nbad line\n')],
      [['A', '1'], ['B', 'two words'], ['C', 'x'], ['D', 'y']]);
  });

  describe('in schema validation', () => {
    before(initEngine);
    it('judges interpolated values once .env resolves them, and leaves unknown ones alone', () => {
      const compose = 'services:\n  api:\n    image: api:1\n    ports: ${PORTS}\n';
      const ws = (files: Record<string, string>) => new MemoryWorkspace({ '/p/compose.yaml': compose, ...files }, ['/p']);
      const schema = (w: MemoryWorkspace) => lint({ path: '/p/compose.yaml', text: compose }, w, {}).findings.filter((f) => f.rule === 'compose-schema');
      assert.strictEqual(schema(ws({})).length, 0);
      assert.strictEqual(schema(ws({ '/p/.env': 'PORTS=8080:80\n' })).length, 1);
    });
  });
});
