import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DockerfileFeatures } from '../../server/src/lsp/features/dockerfile';
import { ComposeFeatures } from '../../server/src/lsp/features/compose';
import { parseCompose } from '../../server/src/engine/compose/model';
import { corpusFiles, corpusWorkspace, skipWithoutCorpus } from './corpus';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** Positions spread over the file: the start, middle and end of lines. */
function positions(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split(/\r?\n/);
  const out: { line: number; character: number }[] = [];
  const step = Math.max(1, Math.floor(lines.length / count));
  for (let line = 0; line < lines.length; line += step) {
    for (const character of [0, Math.floor(lines[line].length / 2), lines[line].length]) out.push({ line, character });
  }
  return out;
}

function inside(text: string, range: Range): boolean {
  const lines = text.split(/\r?\n/);
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length + 1 && p.character >= 0 && p.character <= (lines[p.line]?.length ?? 0);
  return ok(range.start) && ok(range.end);
}

describe('language features over the corpus', function () {
  this.timeout(300000);

  before(function () {
    skipWithoutCorpus(this);
  });

  it('answers every Dockerfile request without throwing, with ranges inside the file', async () => {
    const features = new DockerfileFeatures();
    const problems: string[] = [];
    for (const file of corpusFiles('dockerfiles')) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.basename(file);
      try {
        for (const symbol of features.documentSymbols(text)) if (!inside(text, symbol.range)) problems.push(`${name}: symbol ${symbol.name} out of range`);
        features.folding(text);
        features.semanticTokens(text);
        features.links(text);
        for (const p of positions(text, 2)) {
          features.hover(text, p);
          await features.completion(text, p);
          features.signatureHelp(text, p);
          features.highlight(text, p);
          features.definition('file:///Dockerfile', text, p);
        }
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
      }
    }
    assert.deepStrictEqual(problems.slice(0, 10), []);
  });

  it('answers every Compose request without throwing, with ranges inside the file', () => {
    const layout = corpusWorkspace();
    const features = new ComposeFeatures(layout.workspace);
    const problems: string[] = [];
    let answered = 0;
    for (const file of corpusFiles('compose')) {
      const text = fs.readFileSync(file, 'utf8');
      const virtual = layout.originalPath.get(file) ?? file;
      const model = parseCompose(virtual, text);
      const name = path.basename(file);
      try {
        const ranges: Range[] = [];
        for (const symbol of features.documentSymbols(model)) ranges.push(symbol.range, ...(symbol.children ?? []).map((c) => c.range));
        for (const link of features.links(model)) ranges.push(link.range);
        for (const fold of features.folding(model)) if (fold.endLine < fold.startLine) problems.push(`${name}: folding ${fold.startLine}-${fold.endLine}`);
        for (const p of positions(text, 15)) {
          const hover = features.hover(model, p, true);
          if (hover) answered++;
          if (hover?.range) ranges.push(hover.range);
          for (const item of features.completion(model, text, p, true)) if (item.textEdit && 'range' in item.textEdit) ranges.push(item.textEdit.range);
          features.definition(model, p, true);
          for (const h of features.highlight(model, p)) ranges.push(h.range);
        }
        for (const r of ranges) if (!inside(text, r)) problems.push(`${name}: range ${JSON.stringify(r)} outside the file`);
      } catch (error) {
        problems.push(`${name}: ${(error as Error).stack}`);
      }
    }
    assert.ok(answered > 100, `hovers answered: ${answered}`);
    assert.deepStrictEqual(problems.slice(0, 10), []);
  });
});
