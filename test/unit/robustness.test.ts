import * as assert from 'assert';
import { allRuleMetas, initEngine, lint } from '../../server/src/engine/engine';
import { formatSarif } from '../../server/src/cli/format-sarif';
import type { FileReport } from '../../server/src/cli/report';
import { fixAll, fixStaysInWorkspace } from '../../server/src/engine/fixes';
import { LineIndex } from '../../server/src/engine/text';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { checkInput } from '../../scripts/fuzz/properties';
import { billionLaughsCompose, megabyteLine } from '../../scripts/fuzz/hostile';

const COMPOSE = '/project/compose.yaml';

function lintCompose(text: string) {
  return lint({ path: COMPOSE, text, kind: 'compose' }, new MemoryWorkspace({ [COMPOSE]: text }, ['/project']), {});
}

/** Hostile inputs, and every property violation `npm run fuzz` has found, kept as regressions. */
describe('robustness', () => {
  before(initEngine);

  it('refuses a billion-laughs Compose file with one clear finding (its time is measured by npm run fuzz)', () => {
    const { text } = billionLaughsCompose();
    const result = lintCompose(text);
    assert.strictEqual(result.failures.length, 0);
    const refused = result.findings.filter((f) => /alias bomb/.test(f.message));
    assert.strictEqual(refused.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
  });

  it('gives a 1 MB line one information finding instead of linting it', () => {
    for (const { path, kind, text } of [megabyteLine('dockerfile'), megabyteLine('compose')]) {
      const result = lint({ path, text, kind }, new MemoryWorkspace({}, ['/project']), {});
      assert.deepStrictEqual(result.findings.map((f) => [f.rule, f.severity]), [['file-too-large', 'information']]);
      assert.match(result.findings[0].message, /over the 1,000,000/);
    }
  });

  it('refuses an anchor that contains itself instead of recursing forever (fuzz)', () => {
    const result = lintCompose('&a [*a]\nservices:\n\n');
    assert.strictEqual(result.failures.length, 0);
    assert.ok(result.findings.some((f) => /alias to itself/.test(f.message)), JSON.stringify(result.findings.map((f) => f.message)));
  });

  it('refuses nesting deeper than any Compose file', () => {
    const result = lintCompose(`services:\n  a:\n    image: x\nx-deep: ${'['.repeat(500)}${']'.repeat(500)}\n`);
    assert.strictEqual(result.failures.length, 0);
    assert.ok(result.findings.some((f) => /levels deep/.test(f.message)));
  });

  it('keeps ranges inside their line when a \\r\\n break is split by an error position (fuzz)', () => {
    const text = 'services:\r\n  service:\n  services:\r\n  service:\n    image: x\n';
    const lines = new LineIndex(text);
    for (const finding of lintCompose(text).findings) {
      for (const p of [finding.range.start, finding.range.end]) {
        assert.ok(p.character <= lines.lineText(p.line).length, `${finding.rule} ${JSON.stringify(finding.range)}`);
      }
    }
    assert.deepStrictEqual(new LineIndex('ab\r\ncd').positionAt(3), { line: 0, character: 2 });
  });

  it('points a fix at the duplicate key whose value counts (fuzz)', () => {
    const text = '\nservices:\n  x:\n    image: postgres\n  api:\n\n  x:\n    healtcheck: {}\n';
    const result = fixAll({ path: COMPOSE, text, kind: 'compose' }, new MemoryWorkspace({ [COMPOSE]: text }, ['/project']), {});
    const fixed = result.files.get(COMPOSE) ?? text;
    assert.ok(fixed.includes('    image: postgres\n'), fixed);
    assert.ok(fixed.includes('    healthcheck: {}\n'), fixed);
  });

  it('fix-all removes every one of several alike findings in one pass (fuzz)', () => {
    const text = 'version: "3.8"\nversion: "3.8"\nservices:\n\n';
    const workspace = new MemoryWorkspace({ [COMPOSE]: text }, ['/project']);
    const first = fixAll({ path: COMPOSE, text, kind: 'compose' }, workspace, {});
    const fixed = first.files.get(COMPOSE) ?? text;
    assert.ok(!fixed.includes('version'), fixed);
    assert.strictEqual(fixAll({ path: COMPOSE, text: fixed, kind: 'compose' }, workspace, {}).applied.length, 0);
  });

  it('never offers a fix that writes outside the workspace, whatever paths the file names', () => {
    const text = 'services:\n  api:\n    image: node:20\n    env_file: ../../etc/x\n    environment:\n      JWT_SECRET: dev-secret\n';
    const workspace = new MemoryWorkspace({ [COMPOSE]: text }, ['/project']);
    const fixes = lint({ path: COMPOSE, text, kind: 'compose' }, workspace, {}).findings.flatMap((f) => f.fixes);
    assert.ok(fixes.length > 0);
    for (const fix of fixes) assert.ok(fixStaysInWorkspace(fix, ['/project']), `${fix.title}: ${fix.changes.map((c) => c.path).join(', ')}`);
    const dockerfile = '/project/app/Dockerfile';
    const text2 = 'FROM node:20\nENV API_TOKEN=abc123\nCMD ["node", "a.js"]\n';
    const nested = new MemoryWorkspace({ [dockerfile]: text2 }, ['/project/app']);
    for (const fix of lint({ path: dockerfile, text: text2, kind: 'dockerfile' }, nested, {}).findings.flatMap((f) => f.fixes)) {
      assert.ok(fixStaysInWorkspace(fix, ['/project/app']), `${fix.title}: ${fix.changes.map((c) => c.path).join(', ')}`);
    }
  });

  it('names secrets but never prints their values in messages or fix titles', () => {
    const compose = 'services:\n  api:\n    image: node:20\n    environment:\n      JWT_SECRET: s3cr3t-value-123\n';
    const dockerfileText = 'FROM node:20\nENV STRIPE_API_KEY=sk_live_s3cr3t-value-123\nCMD ["node", "a.js"]\n';
    const findings = [
      ...lint({ path: COMPOSE, text: compose, kind: 'compose' }, new MemoryWorkspace({ [COMPOSE]: compose }, ['/project']), {}).findings,
      ...lint({ path: '/project/Dockerfile', text: dockerfileText, kind: 'dockerfile' }, new MemoryWorkspace({}, ['/project']), {}).findings,
    ];
    assert.ok(findings.some((f) => /secret/.test(f.rule)));
    for (const f of findings) {
      assert.ok(!f.message.includes('s3cr3t'), f.message);
      for (const fix of f.fixes) assert.ok(!fix.title.includes('s3cr3t'), fix.title);
    }
  });

  it('keeps a secret value out of SARIF even where its fix moves it to .env', () => {
    const compose = 'services:\n  api:\n    image: node:20\n    environment:\n      JWT_SECRET: s3cr3t-value-123\n';
    const findings = lint({ path: COMPOSE, text: compose, kind: 'compose' }, new MemoryWorkspace({ [COMPOSE]: compose }, ['/project']), {}).findings;
    const secret = findings.find((f) => f.rule === 'compose-secret-in-environment');
    assert.ok(secret && JSON.stringify(secret.fixes).includes('s3cr3t'), 'the fix itself carries the value to .env');
    const sarif = formatSarif([{ path: COMPOSE, kind: 'compose', findings } satisfies FileReport], { version: '0.0.0', rules: allRuleMetas });
    assert.ok(!sarif.includes('s3cr3t'), 'SARIF must not contain the secret value');
    assert.ok(sarif.includes('compose-secret-in-environment'));
  });

  it('offers no Compose fix while the YAML has syntax errors: the edit could land in what the parser misread (fuzz)', () => {
    const broken = 'version: "3.8"\n&a [*a]\nservices:\n  api:\n\n';
    const findings = lintCompose(broken).findings;
    assert.ok(findings.some((f) => f.rule === 'parse-error'));
    assert.deepStrictEqual(findings.filter((f) => f.fixes.length > 0).map((f) => f.rule), []);
    const clean = lintCompose('version: "3.8"\nservices:\n  api:\n    image: nginx:1.27\n').findings;
    assert.ok(clean.some((f) => f.rule === 'compose-version-obsolete' && f.fixes.length > 0));
  });

  it('fix-all reaches its fixed point on a file with more findings than the old 50-round bound (fuzz)', () => {
    const lines = ['FROM alpine:3.20'];
    for (let i = 0; i < 120; i++) lines.push(`RUN echo upper${i}`);
    for (let i = 0; i < 70; i++) lines.push(`run echo lower${i}`);
    const text = `${lines.join('\n')}\n`;
    const file = '/project/Dockerfile';
    const workspace = new MemoryWorkspace({ [file]: text }, ['/project']);
    const first = fixAll({ path: file, text, kind: 'dockerfile' }, workspace, {});
    const fixed = first.files.get(file) ?? text;
    assert.ok(first.applied.filter((a) => a.rule === 'consistent-instruction-casing').length >= 70, `${first.applied.length} fixes applied`);
    assert.strictEqual(fixAll({ path: file, text: fixed, kind: 'dockerfile' }, workspace, {}).applied.length, 0);
  });

  it('survives dockerfile-ast throwing on a continuation followed by a lone \\r and a comment (fuzz)', () => {
    const text = 'FROM alpine:3.20\nRUN apt-get install curl \\\r# a comment\nRUN echo done\n';
    const result = lint({ path: '/project/Dockerfile', text, kind: 'dockerfile' }, new MemoryWorkspace({}, ['/project']), {});
    assert.deepStrictEqual(result.failures.map((f) => f.rule), []);
  });

  it('does not rewrite a depends_on list to the long form when an entry is interpolated (keys are not interpolated) (fuzz)', () => {
    const text = 'services:\n  api:\n    image: node:20\n    depends_on:\n      - db\n      - ${CACHE_HOST:-cache}\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n  cache:\n    image: redis:7\n';
    const findings = lintCompose(text).findings.filter((f) => f.rule === 'compose-depends-on-unhealthy');
    assert.strictEqual(findings.length, 1);
    assert.deepStrictEqual(findings[0].fixes, []);
  });

  it('fix-all undoes a fix that leaves its own finding in place (USER appended into an unterminated heredoc) (fuzz)', () => {
    const file = '/project/Dockerfile';
    const text = 'FROM node:20\nENTRYPOINT ["node", "server.js"]\nRUN cat <<EOF > /etc/x\nhello\nEOF && apt-get update';
    const workspace = new MemoryWorkspace({ [file]: text }, ['/project']);
    const first = fixAll({ path: file, text, kind: 'dockerfile' }, workspace, {});
    const fixed = first.files.get(file) ?? text;
    assert.ok(!first.applied.some((a) => a.rule === 'no-root-user'), JSON.stringify(first.applied));
    assert.ok(!fixed.includes('USER'), fixed);
    assert.strictEqual(fixAll({ path: file, text: fixed, kind: 'dockerfile' }, workspace, {}).applied.length, 0);
  });

  it('holds every fuzz property on hostile Dockerfiles', () => {
    const hostile = [
      '', '\uFEFF', '\0\0\0', 'FROM', 'FROM node:20\nRUN "unterminated', 'FROM node:20\nRUN <<EOF\napt-get install x\n',
      '# escape=`\nFROM node:20\nRUN echo a `\n  && echo b\n', '# escape=\\\r\nFROM alpine\r\nRUN apk add x \\\r\n  y\r\n',
      'FROM node:20\nRUN \\\n', 'FROM node:20\nCMD ["node", \n', `FROM node:20\nRUN ${'a && '.repeat(2000)}b\n`,
      'FROM scratch AS Build\nCOPY --from=Build / /\nUSER root\n', 'from node\nrun apt install -y\tcurl\r\ncmd npm start',
    ];
    for (const text of hostile) {
      const violation = checkInput({ kind: 'dockerfile', path: '/fuzz/Dockerfile', text }, { fixes: true });
      assert.strictEqual(violation, undefined, `${JSON.stringify(text).slice(0, 80)}: ${violation?.property}: ${violation?.detail}`);
    }
  });
});
