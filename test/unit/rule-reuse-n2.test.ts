import * as assert from 'assert';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { clearParseCache } from '../../server/src/engine/dockerfile/parse-cache';
import type { LintConfig } from '../../server/src/engine/config';
import type { DockerfileRule } from '../../server/src/engine/rule';
import { PATH, linter, TYPED, runOffsets } from './rule-reuse-helpers';

/**
 * The instruction-level rules marked `runIndependent` (FROM, ENV, ARG, LABEL, USER, WORKDIR,
 * EXPOSE, CMD, ONBUILD, MAINTAINER rules): their findings are kept while typing inside a RUN, so
 * they must be exactly those of a lint from scratch whatever is typed in a RUN right before,
 * right after, or as the last instruction of the stage of what they report.
 */

const MARKED = [
  'invalid-port', 'legacy-key-value-format', 'maintainer-deprecated', 'missing-label', 'multiple-instructions-disallowed',
  'non-numeric-user', 'onbuild-invalid-trigger', 'redundant-target-platform', 'reserved-stage-name', 'shell-form-cmd',
  'superfluous-label', 'tls-verification-disabled-env', 'undefined-arg-in-from', 'undefined-var', 'unpinned-base-image',
  'workdir-relative-path',
];

/** Labels configured so that missing-label and superfluous-label report. */
const CONFIG: LintConfig = { enableAll: true, labelSchema: { 'org.opencontainers.image.version': 'semver' }, strictLabels: true };

const SAMPLES = [
  // Every marked rule reports on an instruction with a RUN right before and right after it.
  [
    'ARG BASE_TAG=3.19',
    'RUN echo before-from',
    'FROM --platform=$TARGETPLATFORM alpine:$BASE_TAG AS Builder',
    'RUN apk add curl',
    'MAINTAINER Jane Doe <jane@example.com>',
    'RUN echo one \\',
    '    && echo two',
    'EXPOSE 80000',
    'RUN echo three',
    'ENV NODE_TLS_REJECT_UNAUTHORIZED 0',
    'RUN make',
    'LABEL foo=bar',
    'RUN make install',
    'USER app',
    'RUN id',
    'WORKDIR app',
    'RUN ls',
    'COPY $foo /x',
    'RUN ls -la',
    '',
    'CMD echo hi',
    '',
    'RUN true',
    'CMD ["run"]',
    'RUN tail',
    'FROM $UNDECLARED AS scratch',
    'RUN echo x',
    'HEALTHCHECK CMD curl -f http://localhost/',
    'RUN echo y',
    'HEALTHCHECK CMD ["true"]',
    'ONBUILD ONBUILD RUN x',
    'RUN last',
    'FROM ubuntu',
    'RUN apt-get update',
    'ARG a b',
    'RUN echo $a',
    'FROM node:latest AS context',
    'ENTRYPOINT node server.js',
    'RUN last-of-stage',
    '',
  ].join('\n'),
  // The reported instruction as the last of its stage and of the file, after a heredoc and a continued RUN; CRLF.
  [
    'FROM debian:12 AS Base',
    'RUN <<EOF',
    'apt-get update',
    'EOF',
    'WORKDIR relative/dir',
    'FROM base',
    'RUN apt-get install -y \\',
    '    curl \\',
    '    && echo done',
    'USER root:root',
    'FROM base',
    'RUN echo a',
    'CMD ["a"]',
    'RUN echo b',
    'CMD node app.js',
    '',
  ].join('\r\n'),
  // No FROM at all: an editor buffer being written.
  'RUN echo a\nCMD echo hi\nRUN echo b\nWORKDIR rel\nRUN echo c\nEXPOSE 99999\n',
];

/** Besides the shared snippets: variables, flags, stage references, continuations, quotes. */
const SNIPPETS = [
  ...TYPED,
  ' $foo', ' ${BASE_TAG}', ' $UNDECLARED', ' USER app', ' \\', '"', ' # x',
  '--mount=type=cache,from=Builder,target=/x ', '--mount=from=gcr.io/x/y:1,target=/y ', '--network=none ',
  ' && echo HEALTHCHECK CMD x', ' ENV A=1',
];

const { findings, fromScratch } = linter(CONFIG, { editing: true });

/** Where typing changes a RUN: the end of each of its lines, and the start of its arguments (where flags go). */
function typingPlaces(text: string): number[] {
  const offsets = runOffsets(text);
  const lineEnds = offsets.filter((at) => text.charAt(at) === '\n' || text.charAt(at) === '\r' || at === text.length);
  const argumentStarts = offsets.filter((at) => /RUN\s$/i.test(text.slice(Math.max(0, at - 4), at)));
  return [...new Set([...lineEnds, ...argumentStarts])].sort((a, b) => a - b);
}

describe('runIndependent instruction rules (N2): findings kept while typing inside a RUN', () => {
  before(() => initEngine());

  it('are declared on the rules, and each reports in the samples', () => {
    for (const id of MARKED) {
      const rule = dockerfileRules.find((r) => r.meta.id === id);
      assert.ok(rule, id);
      assert.strictEqual(rule.runIndependent, true, id);
    }
    const reported = new Set<string>();
    for (const text of SAMPLES) for (const f of JSON.parse(fromScratch(text)).findings as { rule: string }[]) reported.add(f.rule);
    assert.deepStrictEqual(MARKED.filter((id) => !reported.has(id)), []);
  });

  it('equal a lint from scratch after each snippet typed at each RUN line end and argument start', function () {
    this.timeout(600000);
    let compared = 0;
    for (const original of SAMPLES) {
      for (const at of typingPlaces(original)) {
        for (const snippet of SNIPPETS) {
          const text = original.slice(0, at) + snippet + original.slice(at);
          clearParseCache();
          findings(original);
          assert.strictEqual(findings(text), fromScratch(text), `typed ${JSON.stringify(snippet)} at ${at}:\n${text}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 2000, `${compared} compared`);
  });

  it('equal a lint from scratch keystroke after keystroke, and deletions too', function () {
    this.timeout(600000);
    const typed = ' && echo $foo "x" \\ y';
    for (const original of SAMPLES) {
      for (const at of typingPlaces(original)) {
        clearParseCache();
        let text = original;
        findings(text);
        for (let i = 0; i < typed.length; i++) {
          text = text.slice(0, at + i) + typed[i] + text.slice(at + i);
          assert.strictEqual(findings(text), fromScratch(text), `typed ${JSON.stringify(typed.slice(0, i + 1))} at ${at}:\n${text}`);
        }
        for (let i = typed.length; i > 0; i--) {
          text = text.slice(0, at + i - 1) + text.slice(at + i);
          assert.strictEqual(findings(text), fromScratch(text), `deleted back to ${JSON.stringify(typed.slice(0, i - 1))} at ${at}:\n${text}`);
        }
        assert.strictEqual(text, original);
      }
    }
  });

  it('are not checked again after a keystroke in a RUN', () => {
    const calls = new Map<string, number>();
    const counted = dockerfileRules.map((rule): DockerfileRule => (MARKED.includes(rule.meta.id)
      ? { ...rule, check: (context) => { calls.set(rule.meta.id, (calls.get(rule.meta.id) ?? 0) + 1); rule.check(context); } }
      : rule));
    const run = (t: string) => lint({ path: PATH, text: t, kind: 'dockerfile' }, new MemoryWorkspace(), CONFIG, { rules: counted, editing: true });
    const [text] = SAMPLES;
    clearParseCache();
    run(text);
    assert.strictEqual(calls.size, MARKED.length);
    calls.clear();
    run(text.replace('RUN make install', 'RUN make install2'));
    assert.deepStrictEqual([...calls.keys()], []);
  });
});
