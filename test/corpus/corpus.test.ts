import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import { corpusFiles, corpusWorkspace, runCorpus, skipWithoutCorpus } from './corpus';

describe('corpus of real Dockerfiles', function () {
  this.timeout(300000);

  before(async function () {
    skipWithoutCorpus(this);
    await initEngine();
  });

  it('lints every Dockerfile without a rule throwing, with every range inside its file', () => {
    const report = runCorpus(corpusFiles('dockerfiles'));
    assert.ok(report.files > 100, `expected the corpus, read ${report.files} files`);
    assert.deepStrictEqual(report.failures.slice(0, 5), []);
    assert.deepStrictEqual(report.outOfRange.slice(0, 5), []);
  });

  it('lints the odd files (templates, placeholders) without a rule throwing', () => {
    const report = runCorpus(corpusFiles('odd').filter((f) => !/\.ya?ml|compose/.test(f)));
    assert.deepStrictEqual(report.failures.slice(0, 5), []);
  });

  it('applies every fix of every finding: the result parses and the finding is gone', () => {
    const report = runCorpus(corpusFiles('dockerfiles'), { fixes: true });
    const problems = report.fixes.filter((f) => f.problem);
    const summary = problems.slice(0, 10).map((p) => `${p.file.split('/').pop()} ${p.finding.rule} line ${p.finding.range.start.line + 1}: ${p.title} → ${p.problem}`);
    assert.deepStrictEqual(summary, [], `${problems.length} of ${report.fixes.length} fixes failed`);
  });

  it('lints every Compose file without a rule throwing, every range inside its file and on the offending node, and every fix checked', () => {
    const report = runCorpus(corpusFiles('compose'), { kind: 'compose', fixes: true, layout: corpusWorkspace() });
    assert.ok(report.files > 100, `expected the corpus, read ${report.files} files`);
    assert.deepStrictEqual(report.failures.slice(0, 5), []);
    assert.deepStrictEqual(report.outOfRange.slice(0, 5), []);
    assert.deepStrictEqual(report.offNode.slice(0, 10).map((o) => `${o.file.split('/').pop()}:${o.line} ${o.rule} at "${o.text}"`), [], `${report.offNode.length} findings not on a node`);
    const problems = report.fixes.filter((f) => f.problem).map((p) => `${p.file.split('/').pop()} ${p.finding.rule}: ${p.problem}`);
    assert.deepStrictEqual(problems.slice(0, 10), []);
  });

  it('lints the odd Compose files (templates, examples) without a rule throwing', () => {
    const report = runCorpus(corpusFiles('odd').filter((f) => /\.ya?ml|compose/.test(f)), { kind: 'compose' });
    assert.deepStrictEqual(report.failures.slice(0, 5), []);
  });
});
