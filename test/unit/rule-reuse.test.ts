import * as assert from 'assert';
import * as fs from 'fs';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { clearParseCache } from '../../server/src/engine/dockerfile/parse-cache';
import type { DockerfileRule } from '../../server/src/engine/rule';
import { corpusAvailable, corpusFiles } from '../corpus/corpus';
import { CONTEXT_SAMPLES, PATH, SAMPLES, TYPED_ANYWHERE, compareAtEveryOffset, compareSnippetsAtLineEnds, compareSnippetsAtRunLineEnds, findings, fromScratch, seeded, typeInRun } from './rule-reuse-helpers';

/**
 * While typing inside a RUN, the engine keeps the findings of the other RUNs and of the rules that
 * read no RUN (dockerfile/rule-reuse). Whatever is typed there, the findings must be exactly those
 * of a lint from scratch; and the reuse must really happen.
 */

describe('findings kept while typing inside a RUN', () => {
  before(() => initEngine());

  it('are exactly those of a lint from scratch, keystroke after keystroke', function () {
    this.timeout(300000);
    const texts = [...SAMPLES];
    if (corpusAvailable()) {
      const files = corpusFiles('dockerfiles');
      for (let i = 0; i < files.length; i += 5) texts.push(fs.readFileSync(files[i], 'utf8'));
    } else {
      console.log('      (../shared/corpus is absent: own samples only)');
    }
    const random = seeded(3);
    let compared = 0;
    for (const original of texts) {
      clearParseCache();
      let text = original;
      findings(text);
      findings(text);
      for (let step = 0; step < 12; step++) {
        text = typeInRun(text, random);
        assert.strictEqual(findings(text), fromScratch(text), `after edit ${step} of a ${original.length}-character file:\n${text}`);
        compared++;
      }
    }
    assert.ok(compared >= SAMPLES.length * 12);
  });

  it('are exactly those of a lint from scratch, each snippet typed at the end of each RUN line of the samples', function () {
    this.timeout(300000);
    const compared = compareSnippetsAtRunLineEnds(SAMPLES);
    assert.ok(compared > 500, `${compared} compared`);
  });

  it('are exactly those of a lint from scratch, each snippet typed at the end of every line of the samples', function () {
    this.timeout(300000);
    const sample = 'FROM debian:12 AS base\nARG V=1\nENV A=1\nLABEL x=y\nEXPOSE 80/tcp\nUSER app\nWORKDIR /app\nSHELL ["/bin/sh", "-c"]\nRUN apt-get install curl\nCOPY . .\nCMD ["x"]\n';
    assert.ok(compareSnippetsAtLineEnds([sample, ...SAMPLES], TYPED_ANYWHERE) > 1000);
  });

  it('are exactly those of a lint from scratch, a character typed or deleted at every offset of samples where RUN findings read other instructions', function () {
    this.timeout(300000);
    assert.ok(compareAtEveryOffset(CONTEXT_SAMPLES) > 1000);
  });

  it('checks only the edited RUN again, and runs no rule that reads no RUN', () => {
    const calls = { perRun: 0, independent: 0 };
    const counted = dockerfileRules.map((rule): DockerfileRule => {
      if (rule.checkRun) {
        const checkRun = rule.checkRun;
        return { ...rule, checkRun: (context, site) => { calls.perRun++; checkRun(context, site); } };
      }
      if (rule.runIndependent) return { ...rule, check: (context) => { calls.independent++; rule.check(context); } };
      return rule;
    });
    const perRunRules = counted.filter((r) => r.checkRun).length;
    assert.ok(perRunRules > 0 && counted.some((r) => r.runIndependent), 'some rules are checked RUN by RUN, some read no RUN');
    clearParseCache();
    const text = 'FROM debian:12\n' + Array.from({ length: 20 }, (_, i) => `RUN apt-get install -y --no-install-recommends pkg${i}=1.0\n`).join('') + 'USER app\n';
    const run = (t: string) => lint({ path: PATH, text: t, kind: 'dockerfile' }, new MemoryWorkspace(), { enableAll: true }, { rules: counted });
    run(text);
    assert.strictEqual(calls.perRun, 20 * perRunRules);
    // A file seen once (a CLI run) keeps nothing; seen again, it does.
    run(text);
    calls.perRun = 0;
    calls.independent = 0;
    const typed = text.replace('pkg7=1.0', 'pkg7=1.01');
    run(typed);
    // The edited RUN again for each rule that asks no other RUN about it.
    assert.strictEqual(calls.perRun, perRunRules);
    assert.strictEqual(calls.independent, 0);
    // And again on the next keystroke: what was kept is kept again.
    calls.perRun = 0;
    run(typed.replace('pkg7=1.01', 'pkg7=1.012'));
    assert.strictEqual(calls.perRun, perRunRules);
    assert.strictEqual(calls.independent, 0);
    // A document being edited (the server) keeps from its first lint on.
    clearParseCache();
    const other = PATH.replace('Dockerfile', 'edited.Dockerfile');
    const edit = (t: string) => lint({ path: other, text: t, kind: 'dockerfile' }, new MemoryWorkspace(), { enableAll: true }, { rules: counted, editing: true });
    edit(text);
    calls.perRun = 0;
    edit(typed);
    assert.strictEqual(calls.perRun, perRunRules);
    // Typed into an instruction of a keyword a rule does not read: that rule runs on nothing.
    calls.perRun = 0;
    calls.independent = 0;
    const labelled = typed.replace('USER app', 'USER app\nLABEL a=1');
    edit(labelled);
    const readsOf = (id: string) => counted.find((r) => r.meta.id === id)?.reads;
    assert.deepStrictEqual(readsOf('package-manager-prompt'), ['FROM', 'SHELL']);
    calls.perRun = 0;
    calls.independent = 0;
    edit(labelled.replace('LABEL a=1', 'LABEL a=12'));
    const readingLabel = counted.filter((r) => (r.checkRun || r.runIndependent) && (r.reads === undefined || r.reads.includes('LABEL')));
    assert.strictEqual(calls.perRun, 20 * readingLabel.filter((r) => r.checkRun).length);
    assert.ok(counted.filter((r) => r.checkRun && r.reads && !r.reads.includes('LABEL')).length > 0);
    // A different configuration: everything again.
    calls.perRun = 0;
    lint({ path: PATH, text: typed.replace('pkg7', 'pkg8'), kind: 'dockerfile' }, new MemoryWorkspace(), { enableAll: true, rules: { 'sudo-in-run': 'error' } }, { rules: counted });
    assert.strictEqual(calls.perRun, 20 * perRunRules);
  });
});
