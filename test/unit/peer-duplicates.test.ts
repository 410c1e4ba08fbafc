import * as assert from 'assert';
import { validate } from 'dockerfile-utils';
import { lintFixture, initEngine } from './helpers';
import {
  normalisePeerDuplicates, hiddenPeers, withoutPeerDuplicates, findingForPeerDiagnostic, duplicatedBy, DOCKER_DX_CHECKS,
} from '../../server/src/lsp/peer-duplicates';
import { allRuleMetas } from '../../server/src/engine/engine';

const DOCKERFILE = 'FROM alpine:3.20 AS Builder\nmaintainer someone\nWORKDIR app\nRUN echo hi\nCMD ["a"]\nCMD ["b"]\n';
const DOC = { kind: 'dockerfile' as const, text: DOCKERFILE };

function rulesOf(findings: { rule: string }[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort();
}

describe('peer duplicates (Docker DX, Container Tools)', () => {
  before(initEngine);

  it('reads the setting and the active peers, defaulting to auto with none', () => {
    assert.deepStrictEqual(normalisePeerDuplicates(undefined), { mode: 'auto', activePeers: [] });
    assert.deepStrictEqual(normalisePeerDuplicates({ peerDuplicates: 'hide', activePeers: ['docker.docker', 3] }), { mode: 'hide', activePeers: ['docker.docker'] });
    assert.deepStrictEqual(normalisePeerDuplicates({ peerDuplicates: 'bogus' }).mode, 'auto');
  });

  it('auto hides only for the installed peers; show never; hide always', () => {
    assert.deepStrictEqual([...hiddenPeers({ mode: 'auto', activePeers: [] })], []);
    assert.deepStrictEqual([...hiddenPeers({ mode: 'auto', activePeers: ['docker.docker'] })], ['docker-dx']);
    assert.deepStrictEqual([...hiddenPeers({ mode: 'auto', activePeers: ['ms-azuretools.vscode-containers'] })], ['container-tools']);
    assert.deepStrictEqual([...hiddenPeers({ mode: 'show', activePeers: ['docker.docker'] })], []);
    assert.deepStrictEqual([...hiddenPeers({ mode: 'hide', activePeers: [] })].sort(), ['container-tools', 'docker-dx']);
  });

  it('with Docker DX, withholds the findings whose BuildKit check DX reports and keeps the rest', () => {
    const findings = lintFixture(DOCKERFILE);
    const kept = rulesOf(withoutPeerDuplicates(findings, DOC, new Set(['docker-dx'])));
    assert.ok(rulesOf(findings).includes('stage-name-casing'));
    assert.ok(!kept.includes('stage-name-casing'));
    assert.ok(!kept.includes('maintainer-deprecated'));
    assert.ok(!kept.includes('workdir-relative-path'));
    assert.ok(!kept.includes('multiple-instructions-disallowed'));
    for (const finding of findings) {
      const isBuildKit = finding.equivalents.some((c) => DOCKER_DX_CHECKS.has(c));
      assert.strictEqual(duplicatedBy(finding, DOC, new Set(['docker-dx'])) === 'docker-dx', isBuildKit, finding.rule);
    }
    assert.deepStrictEqual(withoutPeerDuplicates(findings, DOC, new Set()), findings);
  });

  it('keeps InvalidDefinitionDescription (experimental, not reported by DX by default)', () => {
    assert.ok(!DOCKER_DX_CHECKS.has('InvalidDefinitionDescription'));
  });

  it('every BuildKit name we map is one some rule of ours declares', () => {
    const declared = new Set(allRuleMetas.flatMap((m) => m.equivalents));
    for (const check of DOCKER_DX_CHECKS) if (check !== 'InvalidBaseImagePlatform') assert.ok(declared.has(check), check);
  });

  it('finds our finding for a DX diagnostic by check name (code or docs link) and line', () => {
    const findings = lintFixture(DOCKERFILE);
    const peers = new Set(['docker-dx'] as const);
    const line0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 27 } };
    const byCode = findingForPeerDiagnostic(findings, { range: line0, source: 'docker-language-server', code: 'StageNameCasing', message: "Stage name 'Builder' should be lowercase" }, DOC, peers);
    assert.strictEqual(byCode?.rule, 'stage-name-casing');
    assert.ok(byCode.fixes.some((f) => f.isPreferred));
    const byLink = findingForPeerDiagnostic(findings, { range: line0, codeDescription: { href: 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/' } }, DOC, peers);
    assert.strictEqual(byLink?.rule, 'stage-name-casing');
    const otherLine = { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } };
    assert.strictEqual(findingForPeerDiagnostic(findings, { range: otherLine, code: 'StageNameCasing' }, DOC, peers), undefined);
    assert.strictEqual(findingForPeerDiagnostic(findings, { range: line0, code: 'StageNameCasing' }, DOC, new Set()), undefined, 'not withheld: our own diagnostic carries the fix');
  });

  it('maps the real dockerfile-utils diagnostics (Container Tools) onto our findings', () => {
    const findings = lintFixture(DOCKERFILE);
    const peers = new Set(['container-tools'] as const);
    const theirs = validate(DOCKERFILE);
    const matched = theirs.map((d) => findingForPeerDiagnostic(findings, d as never, DOC, peers)?.rule).filter((r) => r !== undefined);
    assert.deepStrictEqual([...new Set(matched)].sort(), ['consistent-instruction-casing', 'maintainer-deprecated', 'multiple-instructions-disallowed', 'workdir-relative-path']);
    const kept = rulesOf(withoutPeerDuplicates(findings, DOC, peers));
    assert.ok(kept.includes('stage-name-casing'), 'dockerfile-utils has no stage casing check');
    assert.ok(!kept.includes('maintainer-deprecated'));
  });

  it('instruction casing: only the lower-case keywords dockerfile-utils flags too', () => {
    const text = 'FROM alpine\nRUN a\nRUN b\nrun c\n';
    const casing = lintFixture(text).filter((f) => f.rule === 'consistent-instruction-casing');
    assert.strictEqual(casing.length, 1);
    assert.strictEqual(duplicatedBy(casing[0], { kind: 'dockerfile', text }, new Set(['container-tools'])), 'container-tools');
    const upper = 'from alpine\nrun a\nrun b\nRUN c\n';
    const flagged = lintFixture(upper).filter((f) => f.rule === 'consistent-instruction-casing');
    assert.strictEqual(flagged.length, 1);
    assert.strictEqual(duplicatedBy(flagged[0], { kind: 'dockerfile', text: upper }, new Set(['container-tools'])), undefined);
  });

  it('parse errors: withheld where dockerfile-utils reports the same keyword, kept where it does not (RUN, CMD without arguments)', () => {
    const text = 'FROM alpine\nRUN\nFOOO x\nfoo-bar x\nCOPY\nEXPOSE\nUSER\nWORKDIR\nCMD\n';
    const doc = { kind: 'dockerfile' as const, text };
    const peers = new Set(['container-tools'] as const);
    const errors = lintFixture(text).filter((f) => f.rule === 'parse-error');
    const theirs = validate(text);
    const matchedLines = theirs.map((d) => findingForPeerDiagnostic(errors, d as never, doc, peers)?.range.start.line).filter((l) => l !== undefined);
    assert.deepStrictEqual([...new Set(matchedLines)].sort(), [2, 3, 4, 5, 6, 7]);
    assert.deepStrictEqual(withoutPeerDuplicates(errors, doc, peers).map((f) => f.range.start.line), [1, 8]);
  });

  it('never withholds Compose findings (parse-error also names YAML errors there)', () => {
    const yamlError = { rule: 'parse-error', severity: 'error' as const, message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, equivalents: [], docs: '', fixes: [] };
    assert.strictEqual(duplicatedBy(yamlError, { kind: 'compose', text: 'FOOO: [\n' }, new Set(['container-tools', 'docker-dx'])), undefined);
    assert.strictEqual(duplicatedBy(yamlError, { kind: 'dockerfile', text: 'FOOO x\n' }, new Set(['container-tools'])), 'container-tools');
  });

  it('with both installed, DX leaves the overlapping checks to dockerfile-utils: an upper-case minority keyword stays shown', () => {
    const text = 'from alpine\nrun a\nrun b\nRUN c\n';
    const casing = lintFixture(text).filter((f) => f.rule === 'consistent-instruction-casing');
    assert.strictEqual(casing.length, 1);
    const doc = { kind: 'dockerfile' as const, text };
    assert.strictEqual(duplicatedBy(casing[0], doc, new Set(['docker-dx'])), 'docker-dx');
    assert.strictEqual(duplicatedBy(casing[0], doc, new Set(['docker-dx', 'container-tools'])), undefined);
    const both = new Set(['docker-dx', 'container-tools'] as const);
    const findings = lintFixture(DOCKERFILE);
    assert.strictEqual(findings.filter((f) => f.rule === 'maintainer-deprecated').map((f) => duplicatedBy(f, DOC, both))[0], 'container-tools');
    assert.strictEqual(findings.filter((f) => f.rule === 'stage-name-casing').map((f) => duplicatedBy(f, DOC, both))[0], 'docker-dx');
  });
});
