import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { TYPED_ANYWHERE, compareAtEveryOffset, compareSnippetsAtLineEnds, linter } from './rule-reuse-helpers';

/**
 * Whole-file rules about instructions other than RUN keep what they found while the user types
 * inside an instruction whose keyword they do not `read`. Typing at every offset of samples where
 * their findings depend on each keyword they declare (the instruction reported on, the stages a
 * COPY names or is in, the global ARGs that resolve images) must give the findings of a lint from
 * scratch. Only these rules run, so a rule of another batch cannot hide or cause a difference.
 */

const READS: Record<string, readonly string[]> = {
  'add-instead-of-copy': ['ADD'],
  'copy-entire-filesystem': ['COPY', 'FROM', 'ARG'],
  'copy-from-own-stage': ['COPY', 'ADD', 'FROM'],
  'copy-from-unknown-stage': ['COPY', 'ADD', 'FROM'],
  'copy-multi-source-destination': ['COPY', 'ADD'],
  'copy-relative-without-workdir': ['COPY', 'FROM', 'ARG'],
  'duplicate-stage-name': ['FROM'],
  'env-self-reference': ['ENV'],
  'expose-invalid-format': ['EXPOSE'],
  'expose-ssh-port': ['EXPOSE'],
  'from-as-casing': ['FROM'],
  'from-platform-flag-const-disallowed': ['FROM'],
  'instruction-before-from': [],
  'invalid-default-arg-in-from': ['ARG', 'FROM'],
  'invalid-label-key': ['LABEL'],
  'invalid-label-value': ['LABEL'],
};

const RULES = dockerfileRules.filter((r) => r.meta.id in READS);
const using = linter({ enableAll: true, labelSchema: { 'org.example.created': 'rfc3339', 'org.example.url': 'url' } }, { editing: true, rules: RULES });

/** Samples where the findings depend on the text of the COPY/ADD, of the FROMs (stage names, chains, scratch roots) and of the global ARGs. */
const COPY_SAMPLES = [
  // A scratch stage through a global ARG (ARG, FROM); the WORKDIR inherited through `FROM build`; --from naming this stage, a near miss.
  'ARG BASE=scratch\nFROM ${BASE} AS bin\nCOPY a b\nFROM alpine:3.19 AS build\nWORKDIR /src\nCOPY --from=bin / /\nCOPY --from=build x y/\n'
    + 'ADD --from=bim a.txt b dest\nFROM build\nCOPY rel dir\nADD app.py /app/\n',
  // A stage named later, an index, a stage with an OS, ADD --from its own stage, JSON form.
  'FROM debian:12 AS os\nRUN true\nFROM os AS app\nADD --from=app x y\nCOPY --from=os / /\nCOPY --from=late a b c\nCOPY --from=1 ["a", "b", "d"]\nFROM scratch AS late\nCOPY --from=os / /\n',
];

/** FROM and global ARGs: stage names, AS casing, platforms, images made of ARG defaults. */
const FROM_SAMPLES = [
  'ARG V\nARG IMG=alpine\nARG REG=$IMG\nFROM busybox:$V AS Base\nFROM --platform=linux/amd64 $IMG as base\nFROM ${REG}:${V:-1} AS BASE\nfrom base AS amd64\nFROM --platform=linux/arm64 base AS x_arm64\n',
];

/** ENV, EXPOSE and LABEL, each reported on itself. */
const OTHER_SAMPLES = [
  'FROM alpine:3.19\nENV A=1 B=$A/x C=2 D=${C}\nEXPOSE 22 80:8080 2000-3000/tcp 22/udp\nLABEL Com.docker.x=1 org.example.created="yesterday" org.example.url=x a..b=1\nENV E=$E F=1\n',
];

/** The first instruction that is not ARG, of each kind: instruction-before-from reports its keyword. */
const FIRST_SAMPLES = [
  '# c\nARG A=1\n  COPY x /y\nFROM alpine\n',
  'ENV A=1 \\\n  B=2\nFROM alpine\n',
  'LABEL a=1\nEXPOSE 80\nFROM a\n',
  'USER app\nFROM a\n',
  'workdir /x\nFROM a\n',
  'CMD ["x"]\nFROM a\n',
  'MAINTAINER me\nFROM a\n',
  'FOO bar\nRUN x\nFROM a\n',
  'ARG X\nRUN echo $X\nFROM a\n',
  'ONBUILD RUN x\nFROM a\n',
  'ARG A\nARG B=1\nFROM a\nCOPY x y\n',
];

describe('rule reuse: the keywords whole-file rules about COPY, FROM, ARG, ENV, EXPOSE and LABEL read (XC)', () => {
  before(() => initEngine());

  it('declares what each rule reads', () => {
    assert.strictEqual(RULES.length, Object.keys(READS).length);
    for (const rule of RULES) {
      assert.ok(rule.runIndependent, rule.meta.id);
      assert.deepStrictEqual(rule.reads, READS[rule.meta.id], rule.meta.id);
    }
  });

  it('samples give findings of every rule', () => {
    const found = new Set<string>();
    for (const sample of [...COPY_SAMPLES, ...FROM_SAMPLES, ...OTHER_SAMPLES, ...FIRST_SAMPLES]) {
      for (const finding of JSON.parse(using.fromScratch(sample)).findings as { rule: string }[]) if (finding.rule in READS) found.add(finding.rule);
    }
    assert.deepStrictEqual([...found].sort(), Object.keys(READS).sort());
  });

  it('finds what a lint from scratch finds, typing or deleting at every offset of COPY and ADD samples', () => {
    assert.ok(compareAtEveryOffset(COPY_SAMPLES, ['x', ' ', '"', '/'], using) > 0);
  });

  it('finds what a lint from scratch finds, typing or deleting at every offset of FROM and ARG samples', () => {
    assert.ok(compareAtEveryOffset(FROM_SAMPLES, ['x', ' ', '"', '$', '1'], using) > 0);
  });

  it('finds what a lint from scratch finds, typing or deleting at every offset of ENV, EXPOSE and LABEL samples', () => {
    assert.ok(compareAtEveryOffset(OTHER_SAMPLES, ['x', ' ', '"', '$', ':', '.'], using) > 0);
  });

  it('finds what a lint from scratch finds, typing or deleting at every offset before the first FROM', () => {
    assert.ok(compareAtEveryOffset(FIRST_SAMPLES, ['x', ' ', '"', '\\'], using) > 0);
  });

  it('finds what a lint from scratch finds, typing snippets at every line end', () => {
    assert.ok(compareSnippetsAtLineEnds([...COPY_SAMPLES, ...FROM_SAMPLES, ...OTHER_SAMPLES, ...FIRST_SAMPLES], TYPED_ANYWHERE, using) > 0);
  });
});
