import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { clearParseCache } from '../../server/src/engine/dockerfile/parse-cache';
import { compareSnippetsAtRunLineEnds, fromScratch } from './rule-reuse-helpers';

/**
 * The RUN rules checked RUN by RUN (perRun) of this batch keep their findings on the RUNs that were
 * not edited only where those findings cannot change: typing into any other RUN (before or after,
 * first or last of a stage, right before the instruction a fix looks at) must give the findings of a
 * lint from scratch.
 */

const RULES = [
  'apt-install-recommends', 'apt-instead-of-apt-get', 'bashism-in-sh', 'cd-instead-of-workdir', 'chpasswd-literal-password',
  'curl-pipe-to-shell', 'gem-version-unpinned', 'go-install-unpinned', 'ln-sh-instead-of-shell', 'npm-version-unpinned',
  'os-package-unpinned', 'package-signature-check-disabled',
];

const SAMPLES = [
  // Images this file cannot name: the OS family (bashism-in-sh) comes from the package manager the stage's RUNs use.
  'ARG BASE\nFROM ${BASE} AS build\nRUN echo start\nRUN [[ -f /x ]] && echo $RANDOM && source /etc/profile \\\n    && echo ${X//a/b}\n'
    + 'RUN apt-get install curl && apt install vim\nRUN cd /src && make\nRUN make install\n'
    + 'FROM build AS final\nRUN echo -e "a\\tb" && source x\nRUN cd /opt && echo ok\n',
  // apt configuration written by an earlier RUN (apt-install-recommends), ENV pins in another stage, a cd before COPY.
  'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nRUN cd /app && ./configure\nCOPY . /app\n'
    + "RUN echo 'root:secret' | chpasswd && curl https://get.example.sh | sh\n"
    + 'RUN gem install rails && go install example.com/t@latest && npm install -g typescript\nRUN ln -sf /bin/bash /bin/sh\n'
    + 'RUN apt-get install -y --allow-unauthenticated --force-yes pkg=${V}\nENV V=1\n'
    + 'FROM debian:12 AS other\nENV W=2\nRUN apt-get install -y --no-install-recommends lib=$V tool=$W\nRUN cd /tmp && make\n',
  // A RUN before FROM, WORKDIR restored after a cd, ONBUILD, rpm/zypper families, a cd as the last instruction.
  'RUN cd /x && ls\nFROM alpine:3.19\nWORKDIR /srv\nRUN cd /build && make\nRUN apk add --allow-untrusted ./local.apk curl\n'
    + 'ONBUILD RUN cd /y && make\nFROM fedora:40\nRUN dnf install -y --nogpgcheck httpd && rpm -i --nosignature x.rpm\n'
    + 'RUN zypper --no-gpg-checks install -y a\nRUN wget -qO- http://x/i.sh | bash && cd /z && make\nRUN cd /z && make\n',
];

/** Typed into RUNs: each changes what one of the rules finds, in its own RUN or (through the OS family or the apt configuration) in others. */
const TYPED = [
  'x', ';', '"', '\\', ' #',
  ' && apk add curl', ' && dnf install -y git', ' && apt-get install -y x',
  " && echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norec",
  ' && cd /app', ' [[ -f x ]]', ' $RANDOM', ' && echo root:pw | chpasswd', ' | sh', ' && curl http://x | bash',
  ' && gem install rails', ' && go install x.io/y@latest', ' && npm i -g yarn', ' && ln -sf /bin/bash /bin/sh',
  ' && apt-get install --allow-unauthenticated z', ' && apt install vim',
];

function ruleFindings(text: string, id: string): unknown[] {
  return (JSON.parse(fromScratch(text)) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === id);
}

describe('findings kept while typing inside a RUN: batch RA (perRun rules)', () => {
  before(() => initEngine());

  it('are converted to checks of one RUN', () => {
    for (const id of RULES) {
      const rule = dockerfileRules.find((r) => r.meta.id === id);
      assert.ok(rule?.checkRun, `${id} is checked RUN by RUN`);
    }
  });

  it('the samples exercise every rule, and typing in another RUN changes what some find', () => {
    const all = SAMPLES.join('\n');
    for (const id of RULES) assert.ok(ruleFindings(all, id).length > 0, `${id} finds something in the samples`);
    // The OS family of an unnamed image comes from another RUN of the stage.
    const rhel = SAMPLES[0].replace('RUN echo start', 'RUN echo start && dnf install -y git');
    assert.notDeepStrictEqual(ruleFindings(rhel, 'bashism-in-sh'), ruleFindings(SAMPLES[0], 'bashism-in-sh'));
    // apt configured by an earlier RUN.
    const configured = SAMPLES[1].replace('RUN apt-get update', "RUN apt-get update && echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norec");
    assert.notDeepStrictEqual(ruleFindings(configured, 'apt-install-recommends'), ruleFindings(SAMPLES[1], 'apt-install-recommends'));
  });

  it('are exactly those of a lint from scratch, each snippet typed at the end of each RUN line of the samples', function () {
    this.timeout(300000);
    clearParseCache();
    const compared = compareSnippetsAtRunLineEnds(SAMPLES, TYPED);
    assert.ok(compared > 400, `${compared} compared`);
  });
});
