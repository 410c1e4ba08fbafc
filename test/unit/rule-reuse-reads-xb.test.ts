import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import type { DockerfileRule } from '../../server/src/engine/rule';
import { TYPED_ANYWHERE, compareAtEveryOffset, compareSnippetsAtLineEnds, linter, type Linter } from './rule-reuse-helpers';

/**
 * Batch XB of RUN-by-RUN rules declares the keywords of the other instructions it reads (`reads`):
 * typing inside an instruction of any other keyword keeps what the rule found. A character typed or
 * deleted at every offset of samples whose findings depend on each declared keyword must give the
 * findings of a lint from scratch; and without any one of the declared keywords, it must not.
 */

/** Typing inside `nanoserver` (or a SHELL's program) switches the RUNs after it between a POSIX shell and another. */
const WINDOWS = 'FROM nanoserver AS w\nRUN ssh x\nFROM debian:12\nSHELL ["/bin/sh", "-c"]\n';

/**
 * An ARG before the first FROM names the image (`FROM $IMG`): typing inside it switches the RUNs
 * of the stage between a POSIX shell and another, like typing inside the FROM.
 */
const globalArg = (run: string): string => `ARG IMG=nanoserver\nFROM $IMG\nRUN ${run}\n`;

/** Each rule, the keywords it reads, and samples where what it finds on a RUN that reads no other RUN depends on each of them. */
const CASES: { id: string; reads: string[]; samples: string[] }[] = [
  {
    id: 'copy-archive-then-extract',
    reads: ['COPY', 'FROM', 'SHELL'],
    samples: [
      // `app.tar.gzz` is no archive: deleting a `z` makes it one.
      'FROM alpine:3.19\nCOPY app.tar.gzz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n',
      'FROM nanoserver\nCOPY a.tgz /\nRUN tar -xf a.tgz\n',
      'ARG IMG=nanoserver\nFROM $IMG\nCOPY a.tgz /\nRUN tar -xf a.tgz\n',
      'FROM alpine:3.19\nSHELL ["/bin/shx", "-c"]\nCOPY a.tgz /\nRUN tar -xf a.tgz\n',
    ],
  },
  {
    id: 'dev-dependencies-in-image',
    reads: ['ARG', 'ENV', 'FROM', 'SHELL'],
    samples: [
      globalArg('npm install'),
      'FROM node:20 AS base\nENV NODE_ENV=production\nFROM base\nRUN npm install\n',
      'FROM node:20\nARG NODE_ENV=production\nRUN npm ci\n',
      'FROM nanoserver\nRUN npm install\n',
      'FROM node:20\nSHELL ["/bin/shx", "-c"]\nRUN npm install\n',
    ],
  },
  { id: 'pip-version-unpinned', reads: ['FROM', 'SHELL'], samples: [globalArg('pip install flask'), WINDOWS.replace('ssh x', 'pip install flask') + 'RUN pip install requests\n'] },
  {
    id: 'pipe-without-pipefail',
    reads: ['FROM', 'SHELL'],
    samples: [
      globalArg('curl x | tar x'),
      'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM a\nRUN curl -s https://x | tar -x\n',
      WINDOWS.replace('ssh x', 'curl x | tar x') + 'RUN curl y | tar x\n',
    ],
  },
  { id: 'pointless-command-in-run', reads: ['FROM', 'SHELL'], samples: [globalArg('service nginx start'), WINDOWS + 'RUN service nginx start\n'] },
  {
    id: 'sudo-in-run',
    reads: ['FROM', 'SHELL', 'USER'],
    samples: [
      globalArg('sudo ls'),
      'FROM debian:12\nRUN sudo ls\nUSER root\nRUN sudo make\n',
      WINDOWS.replace('ssh x', 'sudo ls') + 'RUN sudo make\n',
    ],
  },
  { id: 'tls-verification-disabled', reads: ['FROM', 'SHELL'], samples: [globalArg('curl -k x'), WINDOWS.replace('ssh x', 'curl -k x') + 'RUN wget --no-check-certificate y\n'] },
  {
    id: 'undefined-variable-in-run',
    reads: ['ARG', 'ENV', 'FROM', 'SHELL'],
    samples: [
      'FROM alpine:3.19 AS base\nENV A=1\nARG B\nFROM base\nARG C\nRUN echo $A $B $C $D\n',
      WINDOWS.replace('ssh x', 'echo $X') + 'RUN echo $Y\n',
    ],
  },
  { id: 'update-without-install', reads: ['FROM', 'SHELL'], samples: [
    'FROM nanoserver\nRUN apt-get update\nRUN apt-get install -y x\n',
    'ARG IMG=nanoserver\nFROM $IMG\nRUN apt-get update\nRUN apt-get install -y x\n',
    'FROM debian:12\nSHELL ["/bin/shx", "-c"]\nRUN apt-get update\nRUN apt-get install -y x\n',
  ] },
  { id: 'useradd-high-uid', reads: ['FROM', 'SHELL'], samples: [globalArg('useradd -u 123456 a'), WINDOWS.replace('ssh x', 'useradd -u 123456 a') + 'RUN useradd -u 1234567 b\n'] },
  { id: 'wget-without-progress', reads: ['FROM', 'SHELL'], samples: [globalArg('wget http://x'), WINDOWS.replace('ssh x', 'wget http://x') + 'RUN wget http://y\n'] },
  { id: 'package-upgrade-in-build', reads: ['FROM', 'SHELL'], samples: [globalArg('apt-get dist-upgrade'), WINDOWS.replace('ssh x', 'apt-get upgrade') + 'RUN apt-get dist-upgrade\n'] },
];

const ruleOf = (id: string): DockerfileRule => {
  const rule = dockerfileRules.find((r) => r.meta.id === id);
  assert.ok(rule, id);
  return rule;
};

/** A linter running the one rule (the same rule list each time, so that findings are kept between versions). */
const linters = new Map<string, Linter>();
function only(id: string): Linter {
  let found = linters.get(id);
  if (!found) linters.set(id, (found = linter({ enableAll: true }, { editing: true, rules: [ruleOf(id)] })));
  return found;
}

describe('findings kept while typing inside other instructions: batch XB declares what it reads', () => {
  before(() => initEngine());

  it('each rule is checked RUN by RUN and declares the keywords it reads', () => {
    for (const { id, reads } of CASES) {
      const rule = ruleOf(id);
      assert.ok(rule.checkRun, id);
      assert.deepStrictEqual(rule.reads, reads, id);
    }
  });

  for (const { id, samples } of CASES) {
    it(`${id}: a character typed or deleted at every offset, and each snippet at every line end, gives the findings of a lint from scratch`, function () {
      this.timeout(300000);
      assert.ok(compareAtEveryOffset(samples, ['x', ' ', '"'], only(id)) > 100);
      assert.ok(compareSnippetsAtLineEnds(samples, TYPED_ANYWHERE, only(id)) > 100);
    });
  }

  for (const { id, reads, samples } of CASES) {
    it(`${id}: without any one of its keywords, some edit keeps a finding that no longer holds`, function () {
      this.timeout(300000);
      const rule = ruleOf(id) as { reads?: readonly string[] };
      const declared = rule.reads;
      try {
        for (const keyword of reads) {
          rule.reads = reads.filter((k) => k !== keyword);
          assert.throws(() => compareAtEveryOffset(samples, ['x', ' ', '"'], only(id)), assert.AssertionError, `${id} without ${keyword}`);
        }
      } finally {
        rule.reads = declared;
      }
    });
  }
});
