import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import type { LintConfig } from '../../server/src/engine/config';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { TYPED_ANYWHERE, compareAtEveryOffset, compareSnippetsAtLineEnds, linter, type Linter } from './rule-reuse-helpers';

/**
 * Batch XD: rules whose findings are on instructions other than RUN declare the keywords they read
 * (`reads`). Typing at every offset of a sample, and every snippet at every line end, must give the
 * findings of a lint from scratch. Each sample makes the rule's findings depend on every keyword it
 * declares (the instruction it reports on, and what it looks up: stages, variables, SHELL...), so
 * that leaving a keyword out of `reads` fails here. Each rule runs alone, so that another rule's
 * reads cannot hide or cause a difference.
 */

interface Case {
  id: string;
  reads: string[];
  config?: LintConfig;
  samples: string[];
  /** Characters typed at every offset (each character is also deleted). */
  chars?: string[];
}

const CASES: Case[] = [
  {
    id: 'invalid-port',
    reads: ['EXPOSE'],
    samples: ['FROM alpine:3.19\nEXPOSE 80 70000 8080-90000/tcp\nRUN echo hi\nEXPOSE 1 6553\n'],
    chars: ['x', ' ', '9'],
  },
  {
    id: 'legacy-key-value-format',
    reads: ['ARG', 'ENV', 'LABEL'],
    samples: ['FROM alpine:3.19\nENV A 1\nLABEL b c d\nARG x y\nENV C=1\nLABEL d=e\nARG z\nRUN echo $A\n'],
    chars: ['x', ' ', '='],
  },
  {
    id: 'maintainer-deprecated',
    reads: ['MAINTAINER'],
    samples: ['MAINTAINER early <e@x.io>\nFROM alpine:3.19\nMAINTAINER me <me@x.io>\nRUN echo hi\nMAINTAINER "a" $b\n'],
  },
  {
    // The label schema: stages covered by a labelled stage through FROM (a stage named by an ARG default) or COPY/ADD --from.
    id: 'missing-label',
    reads: ['ADD', 'ARG', 'COPY', 'FROM', 'LABEL'],
    config: { labelSchema: { version: 'text' } },
    samples: ['ARG B=base\nFROM alpine:3.19 AS base\nFROM ${B} AS mid\nFROM alpine:3.19 AS lone\nFROM alpine:3.19 AS other\nRUN echo hi\nFROM alpine:3.19\nCOPY --from=other /a /b\nADD --from=mid /a /b\nLABEL version=2\n'],
  },
  {
    // Reports the keyword, names the line of the instruction that wins, deletes whole lines (with a
    // neighbouring blank line): no text of any instruction, so it reads none. Instructions of other
    // keywords next to the blank lines, a continuation, a last line without a line break.
    id: 'multiple-instructions-disallowed',
    reads: [],
    samples: [
      'FROM alpine:3.19\nCMD a\n\nCMD ["b"]\nENTRYPOINT x\nENTRYPOINT y\nHEALTHCHECK NONE\nHEALTHCHECK CMD z\nFROM alpine:3.19\nCMD c\n',
      'FROM alpine:3.19\n\nCMD a\n\nENV X=1\nCMD b\nLABEL a=b\n\nCMD c \\\n  d\n\nUSER app\nENTRYPOINT e\n\nENTRYPOINT f',
    ],
  },
  {
    // Windows images (named through an ARG default) have no numeric users.
    id: 'non-numeric-user',
    reads: ['ARG', 'FROM', 'USER'],
    samples: ['ARG IMG=mcr.microsoft.com/windows/servercore:ltsc2022\nFROM ${IMG} AS win\nUSER app\nFROM win\nUSER other\nFROM alpine:3.19\nUSER root:root\nRUN echo hi\nUSER app:1\n'],
  },
  {
    // ONBUILD edits keep nothing (engine): the keyword is declared for what the rule reads, no test can miss it.
    id: 'onbuild-invalid-trigger',
    reads: ['ONBUILD'],
    samples: ['FROM alpine:3.19\nONBUILD FROM x\nRUN echo hi\nONBUILD MAINTAINER me\nONBUILD ONBUILD RUN x\n'],
  },
  {
    id: 'redundant-target-platform',
    reads: ['FROM'],
    samples: ['FROM --platform=$TARGETPLATFORM alpine:3.19\nRUN echo hi\nFROM --platform="${TARGETPLATFORM}"  node:20 AS b\nFROM --platform=$BUILDPLATFORM b\n'],
  },
  {
    id: 'reserved-stage-name',
    reads: ['FROM'],
    samples: ['FROM alpine:3.19 AS scratch\nRUN echo hi\nFROM alpine:3.19 AS Context\nFROM scratch AS contexts\n'],
  },
  {
    // A non-POSIX SHELL in a stage built on (through an ARG default) turns the rule off.
    id: 'shell-form-cmd',
    reads: ['ARG', 'CMD', 'ENTRYPOINT', 'FROM', 'HEALTHCHECK', 'SHELL'],
    samples: [
      'ARG B=base\nFROM alpine:3.19 AS base\nSHELL ["pwsh", "-c"]\nFROM ${B}\nCMD run app\nFROM alpine:3.19\nSHELL ["/bin/sh", "-c"]\nCMD echo $X\nENTRYPOINT ["x"\nHEALTHCHECK CMD curl x\nRUN echo hi\n',
      'CMD run app\nENTRYPOINT exec x\nHEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\nCMD a b\n',
    ],
  },
  {
    id: 'superfluous-label',
    reads: ['LABEL', 'ONBUILD'],
    config: { labelSchema: { a: 'text' }, strictLabels: true },
    samples: ['LABEL z=0\nFROM alpine:3.19\nLABEL a=1 b=2\nRUN echo hi\nONBUILD LABEL c=3\nLABEL "d e"=4 $v=5\n'],
  },
  {
    id: 'tls-verification-disabled-env',
    reads: ['ARG', 'ENV'],
    samples: ['ARG GIT_SSL_NO_VERIFY=1\nFROM alpine:3.19\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 GIT_SSL_NO_VERIFY=1\nRUN echo hi\nARG PIP_TRUSTED_HOST=pypi.org\nENV PYTHONHTTPSVERIFY 0\n'],
  },
  {
    id: 'undefined-arg-in-from',
    reads: ['ARG', 'FROM'],
    samples: ['ARG BASE=alpine\nARG TAG\nFROM ${BASE}:${TAG}\nRUN echo hi\nFROM $BAS AS b\nARG LATE\nFROM $LATE\n'],
  },
  {
    // Variables of every kind of instruction Docker expands, declared by ARG/ENV in a stage built on (FROM), a Windows root.
    id: 'undefined-var',
    reads: ['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'],
    samples: [
      'ARG G=1\nFROM alpine:3.19 AS a\nARG v=1\nENV w=2\nFROM a\nCOPY $v $w /x\nADD $x /y\nENV E=$v\nEXPOSE $p\nLABEL l=$q\nSTOPSIGNAL $s\nUSER $u\nVOLUME $vl\nWORKDIR $wd\nARG A=$G\nRUN echo $z\nCMD $y\n',
      'ARG IMG=mcr.microsoft.com/windows/servercore:ltsc2022\nFROM ${IMG}\nCOPY $x /y\nFROM scratch\nCOPY $X /y\n',
    ],
  },
  {
    id: 'unpinned-base-image',
    reads: ['ARG', 'FROM'],
    samples: ['ARG IMG=node\nFROM ${IMG}\nRUN echo hi\nFROM alpine:latest AS b\nFROM b\nFROM redis@sha256:' + 'a'.repeat(64) + '\n'],
  },
  {
    // An absolute WORKDIR in a stage built on (named through an ARG default) anchors the relative one.
    id: 'workdir-relative-path',
    reads: ['ARG', 'FROM', 'WORKDIR'],
    samples: [
      'ARG B=base\nFROM alpine:3.19 AS base\nWORKDIR /app\nFROM ${B}\nWORKDIR src\nFROM alpine:3.19\nWORKDIR "rel dir"\nRUN echo hi\nWORKDIR /abs\nWORKDIR again\n',
      'WORKDIR rel\nWORKDIR /abs\n',
    ],
  },
];

/** A linter running only this rule (at its own severity), with the case's configuration. */
function alone(id: string, config: LintConfig = {}): Linter {
  const rules = Object.fromEntries(dockerfileRules.map((r) => [r.meta.id, r.meta.id === id ? (r.meta.severity === 'hint' ? 'warning' : r.meta.severity) : 'off'] as const));
  return linter({ ...config, rules }, { editing: true });
}

describe('findings kept while typing inside other instructions: batch XD (reads of rules on non-RUN instructions)', () => {
  before(() => initEngine());

  it('declare the keywords they read', () => {
    for (const { id, reads } of CASES) {
      const rule = dockerfileRules.find((r) => r.meta.id === id);
      assert.ok(rule?.runIndependent, `${id} is runIndependent`);
      assert.deepStrictEqual(rule.reads, reads, id);
    }
  });

  for (const { id, config, samples, chars } of CASES) {
    describe(id, () => {
      const using = alone(id, config);

      it('fires on its samples', () => {
        for (const sample of samples) {
          const found = (JSON.parse(using.fromScratch(sample)) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === id);
          assert.ok(found.length > 0, `${id} fires on:\n${sample}`);
        }
      });

      it('keeps only what still holds, typing at every offset', () => {
        assert.ok(compareAtEveryOffset(samples, chars, using) > 0);
      });

      it('keeps only what still holds, typing snippets at every line end', () => {
        assert.ok(compareSnippetsAtLineEnds(samples, TYPED_ANYWHERE, using) > 0);
      });
    });
  }
});
