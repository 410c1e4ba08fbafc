import * as assert from 'assert';
import { initEngine } from '../../server/src/engine/engine';
import { dockerfileRules } from '../../server/src/engine/dockerfile/rules';
import { TYPED, compareSnippetsAtRunLineEnds, fromScratch } from './rule-reuse-helpers';

/**
 * RUN rules checked RUN by RUN (perRun). Three of them read other RUNs for a RUN that has a
 * candidate of its own: pipe-without-pipefail (the stage's first piped RUN, where the fix puts
 * SHELL), update-without-install (a later install), copy-archive-then-extract (an earlier RUN that
 * already extracted the archive). wget-and-curl stays a whole-file check (see its file). The
 * samples put those other RUNs before and after the reported ones, and the snippets create or
 * remove what they look for; the findings must be those of a lint from scratch.
 */

const CONVERTED = [
  'package-upgrade-in-build', 'pip-version-unpinned', 'pointless-command-in-run', 'sudo-in-run', 'tls-verification-disabled',
  'undefined-variable-in-run', 'useradd-high-uid', 'wget-without-progress', 'update-without-install', 'pipe-without-pipefail',
  'copy-archive-then-extract',
];

const SAMPLES = [
  // An image this file cannot name (the RUNs tell the family, hence the fix's shell); a RUN that a
  // typed `set -o pipefail` takes out of the pipes, so the SHELL fix of the later pipes moves.
  'ARG BASE\n' +
  'FROM ${BASE} AS build\n' +
  'RUN echo start\n' +
  'RUN true \\\n    && curl -s https://x | sh\n' +
  'RUN apt-get update\n' +
  'RUN echo between\n' +
  'RUN wget https://x/y.tgz | tar -xz\n' +
  'COPY app.tar.gz /tmp/\n' +
  'RUN echo before-extract\n' +
  'RUN tar -xzf /tmp/app.tar.gz\n' +
  'RUN tar xf /tmp/app.tar.gz && curl -k https://y\n' +
  'ONBUILD RUN curl -s https://z | bash\n' +
  'FROM build\n' +
  'USER app\n' +
  'RUN sudo ls && useradd -u 123456 svc\n' +
  'RUN apt-get install -y git \\\n    && echo $UNDEFINED\n',
  // Official image, USER root: sudo is fixable; updates before installs; upgrades; pip; pointless commands.
  'RUN wget http://before/from\n' +
  'FROM debian:12\n' +
  'RUN apt-get update\n' +
  'RUN apt-get install -y curl && curl -fsSL https://x -o /x\n' +
  'RUN echo plain\n' +
  'RUN apt-get dist-upgrade -y && apt-get upgrade -y\n' +
  'RUN pip install flask && service nginx start\n' +
  'RUN sudo apt-get install -y vim \\\n    && GIT_SSL_NO_VERIFY=1 git clone https://x\n' +
  'RUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm install\n' +
  'RUN wget https://x/z\n',
  // A known image: only the stage's first piped RUN decides where the fix puts SHELL.
  'FROM alpine:3.19\n' +
  'RUN echo a\n' +
  'RUN echo b | tr b c\n' +
  'RUN true\n' +
  'RUN wget -qO- https://x | sh\n' +
  'RUN curl -s https://y | tar -x\n',
  // No FROM at all: one scope for the whole file.
  'COPY tools.tar /opt/\n' +
  'RUN echo one\n' +
  'RUN tar -xf /opt/tools.tar\n' +
  'RUN cat /etc/os-release | grep ID\n' +
  'RUN curl -o /x https://x\n',
];

/** Typed at line ends besides the usual snippets: each creates or removes what a rule reads in other RUNs. */
const SNIPPETS = [
  ...TYPED,
  ' && set -o pipefail', ' && cat x | grep y', ' && tar -xzf /tmp/app.tar.gz', ' && tar xf /opt/tools.tar',
  ' && curl -fsSL https://x -o /y', ' && apt-get update', ' && apt-get install -y make', ' && apk update',
  ' && apk add git', ' && dnf install -y git',
];

describe('RUN rules checked RUN by RUN give the findings of a lint from scratch while typing (RB)', () => {
  before(() => initEngine());

  it('are checked RUN by RUN, and each fires in the samples', () => {
    for (const id of CONVERTED) assert.ok(dockerfileRules.find((r) => r.meta.id === id)?.checkRun, `${id} has checkRun`);
    const fired = new Set(SAMPLES.flatMap((s) => (JSON.parse(fromScratch(s)) as { findings: { rule: string }[] }).findings.map((f) => f.rule)));
    for (const id of CONVERTED) assert.ok(fired.has(id), `${id} fires in the samples`);
  });

  it('each snippet typed at the end of each RUN line gives the findings of a lint from scratch', function () {
    this.timeout(600000);
    const compared = compareSnippetsAtRunLineEnds(SAMPLES, SNIPPETS);
    assert.ok(compared > 1000, `${compared} compared`);
  });
});
