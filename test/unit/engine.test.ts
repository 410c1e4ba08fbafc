import * as assert from 'assert';
import { initEngine, lint, detectKind, allRuleMetas } from '../../server/src/engine/engine';
import type { DockerfileRule } from '../../server/src/engine/rule';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { effectiveSeverity } from '../../server/src/engine/config';
import { applyEdits, LineIndex } from '../../server/src/engine/text';
import { joinContinuations } from '../../server/src/engine/dockerfile/shell';

const throwing: DockerfileRule = {
  meta: { id: 'always-throws', kind: 'dockerfile', title: 't', severity: 'error', enabledByDefault: true, equivalents: [], fixable: false },
  check() {
    throw new Error('boom');
  },
};

const reporting: DockerfileRule = {
  meta: { id: 'reports-from', kind: 'dockerfile', title: 'r', severity: 'warning', enabledByDefault: true, equivalents: ['XX1'], fixable: false },
  check({ model, report }) {
    for (const stage of model.stages) report({ range: stage.from.getRange(), message: 'a stage' });
  },
};

describe('engine', () => {
  before(initEngine);

  it('isolates a throwing rule: the others still report and the failure is returned once', () => {
    const result = lint({ path: '/p/Dockerfile', text: 'FROM alpine:3.20\n' }, new MemoryWorkspace(), {}, { rules: [throwing, reporting] });
    assert.deepStrictEqual(result.findings.map((f) => f.rule), ['reports-from']);
    assert.strictEqual(result.failures.length, 1);
    assert.strictEqual(result.failures[0].rule, 'always-throws');
  });

  it('applies severities set by rule id or by an equivalent code, and turns rules off', () => {
    const text = 'FROM alpine:3.20\n';
    const by = (rules: Record<string, 'off' | 'error'>) =>
      lint({ path: '/p/Dockerfile', text }, new MemoryWorkspace(), { rules }, { rules: [reporting] }).findings;
    assert.strictEqual(by({ 'reports-from': 'error' })[0].severity, 'error');
    assert.strictEqual(by({ XX1: 'error' })[0].severity, 'error');
    assert.strictEqual(by({ XX1: 'off' }).length, 0);
    assert.strictEqual(by({})[0].severity, 'warning');
  });

  it('keeps rules that are off by default off unless enableAll is set', () => {
    const meta = { ...reporting.meta, enabledByDefault: false };
    assert.strictEqual(effectiveSeverity(meta, {}), 'off');
    assert.strictEqual(effectiveSeverity(meta, { enableAll: true }), 'warning');
  });

  it('detects Dockerfiles and Compose files by name', () => {
    for (const name of ['Dockerfile', 'Containerfile', 'api.Dockerfile', 'Dockerfile.dev', 'Dockerfile-prod', 'x.dockerfile']) {
      assert.strictEqual(detectKind(`/p/${name}`), 'dockerfile', name);
    }
    for (const name of ['compose.yaml', 'compose.override.yml', 'docker-compose.yml', 'docker-compose.prod.yaml', 'my-docker-compose.yml']) {
      assert.strictEqual(detectKind(`/p/${name}`), 'compose', name);
    }
    for (const name of ['Dockerfile.dockerignore', '.dockerignore', 'values.yaml', 'README.md', 'dockerfile-notes.txt']) {
      assert.strictEqual(detectKind(`/p/${name}`), undefined, name);
    }
  });

  it('survives hostile input: binary, BOM, half-typed lines, unterminated quotes and heredocs, escape directive', () => {
    const inputs = [
      '\0\0\u0001binary\u00ff',
      '\uFEFFFROM node:20\nCMD ["node", "a.js"]\n',
      'FROM',
      'FR',
      'FROM node:20\nRUN "unterminated\n',
      'FROM node:20\nRUN <<EOF\nnpm ci\n',
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  b\n',
      'FROM node:20\r\nRUN apt-get update \\\r\n  && apt-get install -y curl\r\n',
      'x'.repeat(100000),
      'FROM a\n' + 'RUN echo $((1+\n'.repeat(200),
    ];
    for (const text of inputs) {
      const result = lint({ path: '/p/Dockerfile', text }, new MemoryWorkspace(), {});
      assert.deepStrictEqual(result.failures.map((f) => `${f.rule}: ${String(f.error)}`), [], JSON.stringify(text.slice(0, 40)));
      const lines = new LineIndex(text);
      for (const f of result.findings) {
        assert.ok(f.range.start.line < lines.lineCount && f.range.end.line < lines.lineCount, `${f.rule} range inside the text`);
      }
    }
  });

  it('says what to do for an unknown or non-printable instruction', () => {
    const [typo] = lint({ path: '/p/Dockerfile', text: 'FROM node:20\nCOPPY . .\n' }).findings.filter((f) => f.rule === 'parse-error');
    assert.match(typo.message, /Did you mean `COPY`\?/);
    const [binary] = lint({ path: '/p/Dockerfile', text: '\0\u0001\u0002' }).findings;
    assert.doesNotMatch(binary.message, /[\0-\u0008]/);
  });

  it('lists metadata for every rule with unique ids', () => {
    const ids = allRuleMetas.map((m) => m.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const meta of allRuleMetas) assert.match(meta.id, /^[a-z]+(-[a-z]+)*$/, meta.id);
  });
});

describe('text edits', () => {
  it('applies non-overlapping edits in any order and rejects overlapping ones', () => {
    const text = 'ab\ncd\n';
    const at = (line: number, character: number) => ({ line, character });
    assert.strictEqual(applyEdits(text, [
      { range: { start: at(1, 0), end: at(1, 1) }, newText: 'X' },
      { range: { start: at(0, 0), end: at(0, 0) }, newText: '>' },
    ]), '>ab\nXd\n');
    assert.throws(() => applyEdits(text, [
      { range: { start: at(0, 0), end: at(0, 2) }, newText: '' },
      { range: { start: at(0, 1), end: at(1, 0) }, newText: '' },
    ]));
  });

  it('maps offsets and positions on CRLF text', () => {
    const index = new LineIndex('a\r\nbc\r\n');
    assert.deepStrictEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.strictEqual(index.offsetAt({ line: 1, character: 5 }), 5);
    assert.strictEqual(index.eol, '\r\n');
  });
});

describe('shell continuation joining', () => {
  it('keeps offsets while dropping continuations and the comment lines Docker drops', () => {
    const raw = 'apt-get update \\\n  # a comment\n\n  && apt-get install -y curl';
    const joined = joinContinuations(raw, '\\');
    assert.strictEqual(joined.length, raw.length);
    assert.ok(!joined.includes('\n'));
    assert.strictEqual(joined.indexOf('&& apt-get'), raw.indexOf('&& apt-get'));
  });

  it('honours a backtick escape character', () => {
    const joined = joinContinuations('echo a `\r\n  b', '`');
    assert.strictEqual(joined.replace(/\s+/g, ' '), 'echo a b');
  });
});
