import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { validate } from 'dockerfile-utils';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { duplicatedBy, findingForPeerDiagnostic, type Peer } from '../../server/src/lsp/peer-duplicates';
import { corpusFiles, skipWithoutCorpus } from './corpus';

/** Beside Container Tools, a finding is withheld only where dockerfile-utils (its Dockerfile validator) really reports it. */
describe('corpus: findings withheld beside Container Tools', function () {
  this.timeout(300000);

  before(async function () {
    skipWithoutCorpus(this);
    await initEngine();
  });

  it('every withheld finding has a dockerfile-utils diagnostic that leads back to it (and its fix)', () => {
    const peers = new Set<Peer>(['container-tools']);
    const orphans: string[] = [];
    let withheld = 0;
    for (const file of corpusFiles('dockerfiles')) {
      const text = fs.readFileSync(file, 'utf8');
      const document = { kind: 'dockerfile' as const, text };
      const findings = lint({ path: file, text, kind: 'dockerfile' }, new MemoryWorkspace(), {}).findings;
      const answered = new Set(validate(text).map((d) => findingForPeerDiagnostic(findings, d as never, document, peers)));
      for (const finding of findings.filter((f) => duplicatedBy(f, document, peers))) {
        withheld++;
        if (!answered.has(finding)) orphans.push(`${path.basename(file)}:${finding.range.start.line + 1} ${finding.rule}`);
      }
    }
    assert.ok(withheld > 10, `expected withheld findings in the corpus, got ${withheld}`);
    assert.deepStrictEqual(orphans.slice(0, 10), []);
  });
});
