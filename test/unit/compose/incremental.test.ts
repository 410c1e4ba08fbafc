import * as assert from 'assert';
import * as fs from 'fs';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { parseCompose, type ComposeModel } from '../../../server/src/engine/compose/model';
import { initEngine, lint } from '../../../server/src/engine/engine';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { corpusAvailable, corpusFiles } from '../../corpus/corpus';
import { generateCompose } from '../../../scripts/bench/inputs';

/** Every node's kind, offsets and value, in document order: what rules and ranges read from the AST. */
function shape(model: ComposeModel): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      out.push('pair');
      walk(node.key);
      walk(node.value);
    } else if (isScalar(node)) out.push(['scalar', node.range, typeof node.value === 'symbol' ? String(node.value) : node.value, node.type]);
    else if (isMap(node) || isSeq(node)) {
      out.push([isMap(node) ? 'map' : 'seq', node.range, node.flow ?? false]);
      for (const item of node.items) walk(item);
    } else out.push(node === null ? null : typeof node);
  };
  walk(model.document.contents as Node);
  return [out, model.document.range, model.value, model.syntaxErrors, model.refused];
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = ['a', ' ', '\n', ':', '-', '#', '"', '  ', '\n  x: 1', '\n    y: 2', '&a ', '*a', '<<: *a', '{', '[', '|'];

const SAMPLE = [
  'name: demo',
  'services:',
  '  web:',
  '    image: nginx:1.25',
  '    ports:',
  '      - "8080:80"',
  '    depends_on:',
  '      db:',
  '        condition: service_healthy',
  '  # the database',
  '  db:',
  '    image: postgres:16',
  '    command: |',
  '      postgres -c x=1',
  '    environment:',
  '      POSTGRES_PASSWORD: ${PW:-secret}',
  '',
  '  cache:',
  '    image: redis',
  'volumes:',
  '  data: {}',
  '  logs:',
  '    driver: local',
  '',
].join('\n');

describe('compose incremental re-parse', () => {
  before(initEngine);

  it('gives, after every edit, the same model as parsing the text afresh', () => {
    const texts = [SAMPLE, SAMPLE.replace(/\n/g, '\r\n'), generateCompose(12)];
    if (corpusAvailable()) texts.push(...corpusFiles('compose').slice(0, 12).map((f) => fs.readFileSync(f, 'utf8')));
    let checked = 0;
    texts.forEach((original, fileIndex) => {
      const next = random(fileIndex + 1);
      let text = original;
      parseCompose(`/inc/${fileIndex}/compose.yaml`, text);
      for (let step = 0; step < 60; step++) {
        // Mostly single edits of a valid file (the incremental path), sometimes edits piling up.
        if (next() < 0.5) text = original;
        const at = Math.floor(next() * (text.length + 1));
        if (next() < 0.3 && text.length > 0) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 3)));
        else text = text.slice(0, at) + TYPED[Math.floor(next() * TYPED.length)] + text.slice(at);
        const incremental = parseCompose(`/inc/${fileIndex}/compose.yaml`, text);
        const fresh = parseCompose(`/fresh/${fileIndex}/${step}/compose.yaml`, text);
        const [a, b] = [shape(incremental), shape(fresh)];
        a.forEach((part, i) => assert.deepStrictEqual(part, b[i], `file ${fileIndex}, step ${step}, part ${i}: ${JSON.stringify(text)}`));
        if (fileIndex === 2) {
          // Rules read the model through indexes and memos: the findings must match a fresh lint's too.
          const workspace = new MemoryWorkspace({}, ['/inc', '/fresh']);
          const typed = lint({ path: `/inc/${fileIndex}/compose.yaml`, text }, workspace, { enableAll: true }).findings;
          const fresh = lint({ path: `/fresh/${fileIndex}/${step}/compose.yaml`, text }, workspace, { enableAll: true }).findings;
          assert.strictEqual(JSON.stringify(typed), JSON.stringify(fresh).split(`/fresh/${fileIndex}/${step}/`).join(`/inc/${fileIndex}/`), `lint, step ${step}`);
        }
        checked++;
      }
    });
    assert.ok(checked >= 120);
  });

  it('re-parses only the edited service: typing in one gives the findings of a fresh lint', () => {
    const services = Array.from({ length: 30 }, (_, i) => `  s${i}:\n    image: app:${i}\n    environment:\n      NAME: s${i}\n    ports:\n      - ${8000 + i}:80\n`).join('');
    let text = `services:\n${services}volumes:\n  v: {}\n`;
    const workspace = new MemoryWorkspace({}, ['/inc']);
    const at = text.indexOf('NAME: s15') + 'NAME: s15'.length;
    parseCompose('/inc/typing/compose.yaml', text);
    for (const [i, ch] of [...'xyz:\n'].entries()) {
      text = text.slice(0, at + i) + ch + text.slice(at + i);
      const typed = lint({ path: '/inc/typing/compose.yaml', text }, workspace, { enableAll: true }).findings;
      const fresh = lint({ path: `/inc/fresh${i}/compose.yaml`, text }, workspace, { enableAll: true }).findings;
      assert.ok(typed.length > 0);
      assert.strictEqual(JSON.stringify(typed), JSON.stringify(fresh).split(`/inc/fresh${i}/`).join('/inc/typing/'));
    }
    // A model held across an edit follows it: whoever holds it sees the latest text and its offsets.
    const base = `services:\n${services}volumes:\n  v: {}\n`;
    const held = parseCompose('/inc/held/compose.yaml', base);
    const edited = base.replace('NAME: s15', 'NAME: s15x');
    assert.strictEqual(parseCompose('/inc/held/compose.yaml', edited), held);
    assert.strictEqual(held.text, edited);
    const volumes = (held.document.contents as { items: { key: { range: number[] } }[] }).items[1].key;
    assert.strictEqual(volumes.range[0], edited.indexOf('\nvolumes:') + 1);
  });
});
