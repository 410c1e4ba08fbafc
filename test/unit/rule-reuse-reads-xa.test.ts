import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import type { DockerfileRule } from '../../server/src/engine/rule';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { clearParseCache } from '../../server/src/engine/dockerfile/parse-cache';
import { compareAtEveryOffset, compareSnippetsAtLineEnds, fromScratch, linter, TYPED_ANYWHERE, type Linter } from './rule-reuse-helpers';

/**
 * Batch XA: the RUN-by-RUN rules below declare the keywords of the instructions other than RUN
 * their findings read. Typing anywhere in the samples must give the findings of a lint from
 * scratch; and each declared keyword is needed: without it, some edit of the samples gives other
 * findings. The samples show each dependency on a RUN whose check reads no other RUN (such a RUN is
 * checked again on every keystroke anyway, which would hide a missing keyword).
 */

const READS: Record<string, readonly string[]> = {
  'apt-install-recommends': ['FROM', 'SHELL'],
  'apt-instead-of-apt-get': ['FROM', 'SHELL'],
  'bashism-in-sh': ['FROM', 'SHELL', 'ARG', 'ENV'],
  'cd-instead-of-workdir': ['FROM', 'SHELL', 'WORKDIR'],
  'chpasswd-literal-password': ['FROM', 'SHELL'],
  'curl-pipe-to-shell': ['FROM', 'SHELL'],
  'gem-version-unpinned': ['FROM', 'SHELL'],
  'go-install-unpinned': ['FROM', 'SHELL'],
  'ln-sh-instead-of-shell': ['FROM', 'SHELL'],
  'npm-version-unpinned': ['FROM', 'SHELL'],
  'os-package-unpinned': ['FROM', 'SHELL', 'ARG', 'ENV'],
  'package-signature-check-disabled': ['FROM', 'SHELL'],
  'package-cache-in-image': ['FROM', 'SHELL', 'ARG', 'ENV'],
};

/**
 * Keywords declared but not provable here: package-cache-in-image reads ENV and ARG values
 * (PIP_NO_CACHE_DIR) only after asking the stage's earlier RUNs for a pip configuration, which
 * makes the engine check that RUN again on every keystroke.
 */
const MASKED: Record<string, readonly string[]> = { 'package-cache-in-image': ['ARG', 'ENV'] };

/** One RUN that every rule of the batch reports on, when /bin/sh reads it on a Debian image. */
const EVERY_RULE_RUN = 'RUN cd /app && apt-get install curl && apt install vim && wget -qO- https://x | sh && echo root:pw | chpasswd'
  + ' && gem install rails && go install x.io/y@latest && ln -s /bin/bash /bin/sh && npm i -g yarn'
  + ' && apt-get install --allow-unauthenticated z && [[ -f x ]]\n';

/** Samples per keyword: an edit inside an instruction of that keyword changes what the rules find on a RUN. */
const SAMPLES: Record<string, readonly string[]> = {
  // Deleting the `x` of `shx` makes /bin/sh read the RUN: everything is found.
  SHELL: [`FROM debian:12\nSHELL ["/bin/shx", "-c"]\n${EVERY_RULE_RUN}`],
  FROM: [
    // A Windows image runs RUN with cmd: an edit of its name makes /bin/sh read the RUN.
    `FROM nanoserver\n${EVERY_RULE_RUN}`,
    // An ARG before the first FROM names the image: the engine counts typing in it as editing FROM.
    `ARG BASE=nanoserver\nFROM \${BASE}\n${EVERY_RULE_RUN}`,
    // The stage chain: whether a layer reaches the image, the working directory and the ENV names inherited.
    'FROM debian:12 AS a\nWORKDIR /srv\nENV V=1\nRUN apk add curl\nFROM a\nRUN cd /b && make\nRUN apt-get install -y --no-install-recommends c=$V\n',
  ],
  // A variable declared with ARG or ENV is an ordinary variable (bashism-in-sh); a pin by a variable that only an ENV of
  // another stage sets is empty, unless an ARG declares it (os-package-unpinned).
  ARG: [
    'ARG W\nFROM debian:12 AS a\nENV V=1 W=2\nARG RANDOM\nRUN echo $RANDOM\n'
    + 'FROM debian:12\nARG V\nRUN apt-get install -y --no-install-recommends c=$V d=$W\n',
  ],
  ENV: ['FROM debian:12 AS a\nENV UID=1 V=2\nRUN echo $UID\nFROM debian:12\nRUN apt-get install -y --no-install-recommends c=$V\n'],
  // The WORKDIR the fix restores after the RUN, and whether a later one makes that unnecessary.
  WORKDIR: ['FROM debian:12\nWORKDIR /srv\nRUN cd /b && make\nWORKDIR /x\nRUN cd /c && make\n'],
};

const ALL_SAMPLES = Object.values(SAMPLES).flat();

function ruleOf(id: string): DockerfileRule {
  const rule = dockerfileRules.find((r) => r.meta.id === id);
  assert.ok(rule, id);
  return rule;
}

/** A linter that runs only these rules (every one enabled), keeping findings as the server does. */
function only(rules: readonly DockerfileRule[]): Linter {
  return linter({ enableAll: true }, { editing: true, rules });
}

function findingsOf(text: string, id: string): unknown[] {
  return (JSON.parse(fromScratch(text)) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === id);
}

describe('findings kept while typing in an instruction other than RUN: batch XA (reads)', () => {
  before(() => initEngine());

  it('each rule is checked RUN by RUN and declares the keywords it reads', () => {
    for (const [id, reads] of Object.entries(READS)) {
      const rule = ruleOf(id);
      assert.ok(rule.checkRun, `${id} is checked RUN by RUN`);
      assert.deepStrictEqual(rule.reads, reads, id);
    }
  });

  it('the samples make every rule report, and depend on the keywords', () => {
    for (const id of Object.keys(READS)) assert.ok(findingsOf(SAMPLES.SHELL[0].replace('shx', 'sh'), id).length > 0, `${id} reports`);
    for (const id of Object.keys(READS)) assert.deepStrictEqual(findingsOf(SAMPLES.SHELL[0], id), [], `${id} quiet under another shell`);
    assert.deepStrictEqual(findingsOf(SAMPLES.FROM[0], 'curl-pipe-to-shell'), []);
    assert.strictEqual(findingsOf(SAMPLES.FROM[0].replace('nanoserver', 'debian'), 'curl-pipe-to-shell').length, 1);
  });

  it('are those of a lint from scratch, typing or deleting at every offset of the samples', function () {
    this.timeout(300000);
    clearParseCache();
    const compared = compareAtEveryOffset(ALL_SAMPLES, ['x', ' ', '"'], only(Object.keys(READS).map(ruleOf)));
    assert.ok(compared > 3000, `${compared} compared`);
  });

  it('are those of a lint from scratch, snippets typed at every line end of the samples', function () {
    this.timeout(300000);
    clearParseCache();
    const compared = compareSnippetsAtLineEnds(ALL_SAMPLES, TYPED_ANYWHERE, only(Object.keys(READS).map(ruleOf)));
    assert.ok(compared > 1000, `${compared} compared`);
  });

  it('are those of a lint from scratch with every rule, snippets typed at every line end of the samples', function () {
    this.timeout(300000);
    clearParseCache();
    const compared = compareSnippetsAtLineEnds(ALL_SAMPLES, TYPED_ANYWHERE);
    assert.ok(compared > 1000, `${compared} compared`);
  });

  it('each declared keyword is needed: without it, typing in the samples keeps findings that no longer hold', function () {
    this.timeout(300000);
    for (const [id, reads] of Object.entries(READS)) {
      const rule = ruleOf(id) as { reads?: readonly string[] };
      for (const keyword of reads) {
        if (MASKED[id]?.includes(keyword)) continue;
        rule.reads = reads.filter((k) => k !== keyword);
        try {
          clearParseCache();
          assert.throws(() => compareAtEveryOffset(SAMPLES[keyword], ['x'], only([ruleOf(id)])), assert.AssertionError, `${id} without ${keyword}`);
        } finally {
          rule.reads = reads;
        }
      }
    }
  });
});
