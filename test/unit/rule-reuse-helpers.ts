import * as assert from 'assert';
import { lint, type LintOptions } from '../../server/src/engine/engine';
import type { LintConfig } from '../../server/src/engine/config';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { clearParseCache, reuseAcrossVersions } from '../../server/src/engine/dockerfile/parse-cache';

/** Typing inside RUNs, linted keeping findings (dockerfile/rule-reuse) and from scratch, for tests that compare the two. */

export const PATH = '/project/Dockerfile';

export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Text typed into a RUN that changes what rules judge, in this RUN or in the RUNs after it. */
export const TYPED = [
  'x', ' ', '-', '"', "'", '$', '|', '&', ';', '`', '\\', '#', '{', '(', ')',
  ' -y', ' --no-install-recommends', ' && apt-get install curl', ' && apk add curl', ' && dnf install git',
  ' && echo "APT::Get::Assume-Yes \\"true\\";" > /etc/apt/apt.conf.d/90yes',
  ' && echo assumeyes=1 >> /etc/yum.conf', ' | sh', ' | bash', ' && curl -k https://x | sh',
  ' && pip install flask', ' && npm install -g yarn', ' && cd /app', ' && sudo make', ' $RANDOM', ' ${UNSET}',
  ' && useradd -u 123456 app', ' && wget http://x/y', ' && apt-get upgrade', ' && rm -rf /var/lib/apt/lists/*',
  ' && apt-get clean', ' && yum clean all', ' && ln -sf /bin/bash /bin/sh', ' [[ -f x ]]', ' 2>&1 |& tee',
];

export const SAMPLES = [
  // The apt configuration written by an earlier RUN answers later RUNs' prompts.
  'FROM debian:12\nRUN apt-get update\nRUN apt-get install curl\nRUN echo hi | grep h\nRUN apt-get install -y git \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["sh"]\n',
  // An image this file cannot name: the stage's package manager tells the OS family.
  'ARG BASE\nFROM ${BASE} AS build\nRUN set -e; make\nRUN apk add --no-cache curl\nRUN [[ -n "$X" ]] && echo $RANDOM\nFROM build\nSHELL ["/bin/bash", "-c"]\nRUN curl -s https://x | bash\nONBUILD RUN apt-get install x\nUSER app\nRUN sudo ls\n',
  // Heredocs, exec form, a RUN before FROM, a comment inside a continuation.
  'RUN echo before\nFROM alpine:3.19\nRUN <<EOF\napk add curl\ncurl https://x | sh\nEOF\nRUN ["apk", "add", "git"]\nRUN apk add \\\n# a comment\n    wget \\\n    && wget http://x\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
];

export interface Linter {
  /** The findings (and failed rules) of a lint of `text` at PATH, keeping findings between versions. */
  findings(text: string): string;
  /** The same, from scratch: nothing kept from an earlier version. */
  fromScratch(text: string): string;
}

export function linter(config: LintConfig = { enableAll: true }, options: LintOptions = {}): Linter {
  const findings = (text: string): string => {
    const workspace = new MemoryWorkspace({ [PATH]: text }, ['/project']);
    const result = lint({ path: PATH, text, kind: 'dockerfile' }, workspace, config, options);
    return JSON.stringify({ findings: result.findings, failures: result.failures.map((f) => f.rule) });
  };
  const fromScratch = (text: string): string => {
    reuseAcrossVersions.enabled = false;
    try {
      return findings(text);
    } finally {
      reuseAcrossVersions.enabled = true;
    }
  };
  return { findings, fromScratch };
}

const everyRule = linter();
export const findings = everyRule.findings;
export const fromScratch = everyRule.fromScratch;

/** Offsets inside RUN instructions (after their keyword), where typing keeps every line break. */
export function runOffsets(text: string): number[] {
  const offsets: number[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let inRun = false;
  lines.forEach((line, index) => {
    const starts = /^\s*(?:ONBUILD\s+)?RUN\s/i.test(line);
    if (starts) inRun = true;
    else if (/^\s*[A-Za-z]+(\s|$)/.test(line) && !/\\\s*$/.test(lines[index - 1] ?? '')) inRun = false;
    if (inRun) for (let c = starts ? line.search(/RUN\s/i) + 4 : 0; c <= line.replace(/\r$/, '').length; c++) offsets.push(offset + c);
    offset += line.length + 1;
  });
  return offsets;
}

export function typeInRun(text: string, random: () => number): string {
  const offsets = runOffsets(text);
  if (offsets.length === 0) return text;
  const at = offsets[Math.floor(random() * offsets.length)];
  if (random() < 0.25) {
    const lineEnd = text.slice(at).search(/\r?\n|$/);
    const length = Math.min(lineEnd, 1 + Math.floor(random() * 6));
    return text.slice(0, at) + text.slice(at + length);
  }
  return text.slice(0, at) + TYPED[Math.floor(random() * TYPED.length)] + text.slice(at);
}

/**
 * Lints `original` (opened, then linted again: from then on its findings are kept between
 * versions), then `edited`: the findings must be those of a lint of `edited` from scratch.
 */
export function compareAfterEdit(original: string, edited: string, what: string, using: Linter = everyRule): void {
  clearParseCache();
  using.findings(original);
  using.findings(original);
  assert.strictEqual(using.findings(edited), using.fromScratch(edited), `${what}:\n${edited}`);
}

/** Each snippet typed at each of `offsets` of `original`, compared (see compareAfterEdit); returns how many. */
function compareSnippetsAt(original: string, offsets: readonly number[], typed: readonly string[], using: Linter): number {
  for (const at of offsets) {
    for (const snippet of typed) compareAfterEdit(original, original.slice(0, at) + snippet + original.slice(at), `typed ${JSON.stringify(snippet)} at ${at}`, using);
  }
  return offsets.length * typed.length;
}

/**
 * Types each snippet at the end of each line of each RUN of each sample, one edit at a time after
 * linting the sample: the findings must be those of a lint from scratch. Returns how many it compared.
 */
export function compareSnippetsAtRunLineEnds(samples: readonly string[], typed: readonly string[] = TYPED, using: Linter = everyRule): number {
  return samples.reduce((sum, original) => sum + compareSnippetsAt(original, runOffsets(original).filter((at) => original.charAt(at) === '\n'), typed, using), 0);
}

/**
 * Types each snippet at the end of every line of each sample (inside RUNs and every other
 * instruction; where it leaves the file to a full parse, nothing is kept and the comparison is
 * trivial), one edit at a time after linting the sample: the findings must be those of a lint from
 * scratch. Returns how many it compared.
 */
export function compareSnippetsAtLineEnds(samples: readonly string[], typed: readonly string[], using: Linter = everyRule): number {
  return samples.reduce((sum, original) => {
    const lineEnds: number[] = [];
    for (let at = original.indexOf('\n'); at >= 0; at = original.indexOf('\n', at + 1)) if (at === 0 || original.charAt(at - 1) !== '\r') lineEnds.push(at);
    return sum + compareSnippetsAt(original, lineEnds, typed, using);
  }, 0);
}

/** Typed at the end of lines of any instruction: what FROM, ARG, ENV, COPY, LABEL, EXPOSE, USER, WORKDIR, SHELL, CMD… rules judge. */
export const TYPED_ANYWHERE = [
  'x', ' ', '1', ':latest', '@sha256:' + 'a'.repeat(64), ' AS Build', ' as base', ' --platform=linux/amd64', ' --platform=$BUILDPLATFORM',
  '=1', ' B=2', ' $UNDEFINED', ' ${HOME:-x}', ' PASSWORD=hunter2', ' API_TOKEN', ' 22', '/TCP', '-9000', ' root', ' 0:0', ' /abs', ' rel/dir',
  ' --chown=app:app', ' --from=build', ' *.tar.gz /x/', ' . .', ' a b c', ' "json", "form"]', ' maintainer=me', ' org.opencontainers.image.version=1',
  ' -y', ' && apt-get install curl', ' | sh', ' /bin/bash', ' ["/bin/bash", "-o", "pipefail", "-c"]', ' \\', ' # comment', ' --chmod=755',
];

/**
 * Types each of `chars` at every offset of each sample, and deletes the character there, one edit
 * at a time after linting the sample: the findings must be those of a lint from scratch. Edits
 * inside instructions keep findings (and catch a rule that does not declare a keyword it reads);
 * the others leave the file to a full parse. Returns how many it compared.
 */
export function compareAtEveryOffset(samples: readonly string[], chars: readonly string[] = ['x', ' ', '"'], using: Linter = everyRule): number {
  let compared = 0;
  for (const original of samples) {
    for (let at = 0; at < original.length; at++) {
      const deleted = original.charAt(at) === '\n' || original.charAt(at) === '\r' ? [] : [original.slice(0, at) + original.slice(at + 1)];
      for (const text of [...chars.map((ch) => original.slice(0, at) + ch + original.slice(at)), ...deleted]) {
        compareAfterEdit(original, text, `edit at ${at}`, using);
        compared++;
      }
    }
  }
  return compared;
}

/** Samples where what a RUN rule finds depends on instructions other than RUN: FROM (the stage chain, the image), SHELL, ARG/ENV, USER, WORKDIR. */
export const CONTEXT_SAMPLES = [
  // An apt configuration written in the base stage answers the prompt of a RUN in the stage built on it.
  'FROM debian:12 AS base\nRUN echo "APT::Get::Assume-Yes \\"true\\";" > /etc/apt/apt.conf.d/90yes\nFROM base\nRUN apt-get install curl\nFROM alpine:3.19\nRUN apt-get install git\n',
  // A global ARG names the image: a Windows one has no POSIX shell to read the RUN with.
  'ARG IMG=nanoserver\nFROM $IMG\nRUN zypper install curl && sudo ls\n',
  // The SHELL in effect, the user, the variables and the working directory before a RUN.
  'FROM ubuntu:22.04\nARG VERSION=1\nENV PIP_NO_CACHE_DIR=1\nUSER root\nWORKDIR /app\nSHELL ["/bin/sh", "-c"]\nRUN curl -s https://x | sh && echo $VERSION && pip install flask && sudo ls && cd /x && make\nRUN zypper install curl\n',
];
