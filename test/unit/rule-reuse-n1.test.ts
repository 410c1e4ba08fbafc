import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { clearParseCache } from '../../server/src/engine/dockerfile/parse-cache';
import type { LintConfig } from '../../server/src/engine/config';
import { compareAfterEdit, linter, TYPED, runOffsets, seeded, typeInRun } from './rule-reuse-helpers';

/**
 * The instruction-level rules marked `runIndependent` (COPY/ADD, FROM, ENV, EXPOSE, LABEL rules) keep
 * their findings while typing inside a RUN. Each one fires in these samples beside RUNs (right before
 * and after them, as the last instruction of a stage, before the first FROM); whatever is typed into
 * the RUNs, the findings must be those of a lint from scratch.
 */

const MARKED = [
  'add-instead-of-copy', 'copy-entire-filesystem', 'copy-from-own-stage', 'copy-from-unknown-stage',
  'copy-multi-source-destination', 'copy-relative-without-workdir', 'duplicate-stage-name', 'env-self-reference',
  'expose-invalid-format', 'expose-ssh-port', 'from-as-casing', 'from-platform-flag-const-disallowed',
  'instruction-before-from', 'invalid-default-arg-in-from', 'invalid-label-key', 'invalid-label-value',
];

const CONFIG: LintConfig = { enableAll: true, labelSchema: { source: 'url', version: 'semver' } };

const SAMPLES = [
  // COPY/ADD findings right after and right before RUNs, and as the last instruction of stages.
  'ARG VERSION\n' +
  'FROM --platform=linux/amd64 golang:1.22 as build\n' +
  'RUN go build -o /out/app ./...\n' +
  'ADD main.go /src/\n' +
  'RUN echo after-add\n' +
  'COPY a.txt b.txt /dst\n' +
  'RUN apt-get update\n' +
  'COPY --from=buidl /out/app /bin/\n' +
  'FROM busybox:$VERSION AS final\n' +
  'COPY --from=build / /\n' +
  'RUN echo one\n' +
  'RUN echo two\n' +
  'COPY --from=final /x /y\n' +
  'COPY app.py app.py\n' +
  'RUN echo three \\\n    && echo four\n' +
  'COPY --from=later /x /x\n' +
  'FROM tools AS later\n' +
  'RUN make\n' +
  'ADD notes.md /\n',
  // FROM, ENV, EXPOSE, LABEL findings beside RUNs; a RUN before the first FROM; a duplicate stage name.
  'RUN echo before\n' +
  'ARG TAG\n' +
  'FROM python:$TAG AS base\n' +
  'RUN pip install flask\n' +
  'ENV A=1 B=$A/x\n' +
  'RUN echo $B\n' +
  'EXPOSE 22 8080:80\n' +
  'LABEL Maintainer=me source="not a url" version=one\n' +
  'RUN apt-get install curl\n' +
  'ONBUILD LABEL Bad_Key=x\n' +
  'FROM debian:12 As base\n' +
  'RUN <<EOF\napt-get update\napt-get install -y git\nEOF\n' +
  'EXPOSE 2222/TCP 20-25\n' +
  'FROM base\n' +
  'RUN ["sh", "-c", "echo hi"]\n' +
  'COPY --from=base / /\n' +
  'COPY x y z\n' +
  'RUN echo last\n',
];

const n1 = linter(CONFIG);
const { findings, fromScratch } = n1;

/** Typed into RUNs, besides the usual snippets: text naming what the instruction-level rules judge. */
const SNIPPETS = [
  ...TYPED,
  ' && mkdir -p /app && cd /app', ' WORKDIR /app', ' COPY a b c', ' --from=build', ' $VERSION', ' A=1 B=$A',
  ' # hadolint ignore=DL3020', ' EXPOSE 22', ' LABEL Foo=bar', ' AS build', ' <<EOF', ' \\',
];

describe('instruction-level rules keep their findings while typing inside a RUN (N1)', () => {
  before(() => initEngine());

  it('are marked, and each fires in the samples', () => {
    for (const id of MARKED) assert.ok(dockerfileRules.find((r) => r.meta.id === id)?.runIndependent, `${id} is runIndependent`);
    const fired = new Set(SAMPLES.flatMap((s) => (JSON.parse(fromScratch(s)) as { findings: { rule: string }[] }).findings.map((f) => f.rule)));
    for (const id of MARKED) assert.ok(fired.has(id), `${id} fires in the samples`);
  });

  it('each snippet typed at the end of each RUN line gives the findings of a lint from scratch', function () {
    this.timeout(300000);
    let compared = 0;
    for (const original of SAMPLES) {
      const lineEnds = runOffsets(original).filter((at) => original.charAt(at) === '\n');
      for (const at of lineEnds) {
        for (const snippet of SNIPPETS) {
          compareAfterEdit(original, original.slice(0, at) + snippet + original.slice(at), `typed ${JSON.stringify(snippet)} at ${at}`, n1);
          compared++;
        }
      }
    }
    assert.ok(compared > 800, `${compared} compared`);
  });

  it('a RUN keyword written in another casing gives the findings of a lint from scratch', () => {
    for (const original of SAMPLES) {
      for (const match of original.matchAll(/^RUN /gm)) {
        const at = match.index ?? 0;
        compareAfterEdit(original, original.slice(0, at + 1) + 'un' + original.slice(at + 3), `RUN at ${at} written Run`, n1);
      }
    }
  });

  it('keystroke after keystroke inside RUNs gives the findings of a lint from scratch', function () {
    this.timeout(300000);
    const random = seeded(11);
    for (const original of SAMPLES) {
      for (let round = 0; round < 5; round++) {
        clearParseCache();
        let text = original;
        findings(text);
        for (let step = 0; step < 15; step++) {
          text = typeInRun(text, random);
          assert.strictEqual(findings(text), fromScratch(text), `after edit ${step} of round ${round}:\n${text}`);
        }
      }
    }
  });
});
