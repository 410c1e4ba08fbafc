import * as assert from 'assert';
import * as fs from 'fs';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { clearParseCache, lineStartsOf, parseDockerfileText, reuseAcrossVersions } from '../../server/src/engine/dockerfile/parse-cache';
import { corpusAvailable, corpusFiles } from '../corpus/corpus';

/**
 * The server lints each version of a file reusing what the previous version parsed (unchanged
 * instructions, RUN scripts). Whatever the edit, the findings must be exactly those of linting the
 * same text from scratch.
 */

const PATH = '/project/Dockerfile';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Typing, deleting, new lines, line continuations, heredocs, quotes, escape directives, all at random places. */
const INSERTS = ['x', 'a', ' ', '\n', '\\', '\\\n', '"', "'", '#', '$', '<<EOF\n', '\nEOF\n', '\r\n', 'RUN ', 'FROM alpine AS b\n', 'SHELL ["/bin/bash", "-c"]\n', '# escape=`\n', 'ARG V=1\n', 'ENV A=$V\n'];

function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  // Mostly typing within a line, where the previous version's instructions are reused.
  if (random() < 0.5) return text.slice(0, at) + 'abc-$ "\'{'.charAt(Math.floor(random() * 10)) + text.slice(at);
  if (random() < 0.3 && text.length > 0) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 8)));
  return text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
}

function findings(text: string, path: string): string {
  const workspace = new MemoryWorkspace({ [path]: text }, ['/project']);
  const result = lint({ path, text, kind: 'dockerfile' }, workspace, { enableAll: true });
  return JSON.stringify({ findings: result.findings, failures: result.failures.map((f) => f.rule) });
}

/** What the parser built, in full: every instruction's keyword, ranges, arguments, flags and heredocs, and the comments. */
function parsed(text: string): string {
  const ast = parseDockerfileText(PATH, text);
  const range = (r: unknown) => JSON.stringify(r);
  const instructions = ast.getInstructions().map((i) => [
    i.getKeyword(), range(i.getRange()), range(i.getInstructionRange()), i.getArgumentsContent(),
    i.getArguments().map((a) => [a.getValue(), range(a.getRange())]),
    i.getVariables().map((v) => [v.getName(), range(v.getRange()), v.isDefined(), v.isBuildVariable()]),
    (i as unknown as { getHeredocs(): { getName(): string; getContentRange(): unknown }[] }).getHeredocs().map((h) => [h.getName(), range(h.getContentRange())]),
    'getFlags' in i ? (i as unknown as { getFlags(): { getName(): string; getValue(): string | null }[] }).getFlags().map((f) => [f.getName(), f.getValue()]) : [],
    'getImageNameRange' in i ? [range((i as unknown as { getImageNameRange(): unknown }).getImageNameRange()), range((i as unknown as { getImageTagRange(): unknown }).getImageTagRange())] : [],
  ]);
  return JSON.stringify({ instructions, comments: ast.getComments().map((c) => [c.getContent(), range(c.getRange())]), escape: ast.getEscapeCharacter(), lines: lineStartsOf(ast) });
}

function parsedFromScratch(text: string): string {
  reuseAcrossVersions.enabled = false;
  try {
    return parsed(text);
  } finally {
    reuseAcrossVersions.enabled = true;
  }
}

function fromScratch(text: string): string {
  reuseAcrossVersions.enabled = false;
  try {
    return findings(text, PATH);
  } finally {
    reuseAcrossVersions.enabled = true;
  }
}

const SAMPLES = [
  'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install \\\n    && npm cache clean --force\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nCMD node server.js\n',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host `\n  hello\n',
  'ARG BASE=debian:12\nFROM ${BASE} AS build\nRUN apt-get update && apt-get install -y gcc\nFROM build\nONBUILD RUN echo hi\nUSER 1000\n',
];

/** Directives after a BOM, CRLF, a comment and a trailing blank in a continuation, a heredoc, ONBUILD. */
const CRLF_SAMPLE =
  '\ufeff# syntax=docker/dockerfile:1\r\n# check=skip=all\r\nFROM alpine\r\nRUN apk add \\\r\n# a comment in a continuation\r\n    curl \\ \r\n    git\r\nCOPY <<EOF /etc/x\r\nbody line\r\nEOF\r\nONBUILD COPY . /src\r\nENV A=1 B="two words"\r\n';

/** A character typed or deleted inside a line: the edit the parser handles without parsing the whole file again. */
function typeWithinLine(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.3) {
    const ch = text.charAt(at);
    return ch === '\n' || ch === '\r' || ch === '' ? text : text.slice(0, at) + text.slice(at + 1);
  }
  return text.slice(0, at) + 'x \\`<#"-$E'.charAt(Math.floor(random() * 11)) + text.slice(at);
}

describe('incremental Dockerfile parsing', () => {
  before(() => initEngine());

  it('builds exactly what a parse from scratch builds, edit after edit', function () {
    this.timeout(120000);
    const random = seeded(11);
    for (const original of SAMPLES) {
      clearParseCache();
      let text = original;
      parsed(text);
      for (let step = 0; step < 200; step++) {
        text = edit(text, random);
        assert.strictEqual(parsed(text), parsedFromScratch(text), `after edit ${step}:\n${text}`);
      }
    }
  });

  it('builds exactly what a parse from scratch builds, typing within lines', function () {
    this.timeout(120000);
    const random = seeded(5);
    // Longer than the blocks the edited span is first looked for in.
    const long = SAMPLES.join('').repeat(30);
    for (const original of [...SAMPLES, CRLF_SAMPLE, long]) {
      clearParseCache();
      let text = original;
      parsed(text);
      for (let step = 0; step < (original === long ? 100 : 400); step++) {
        text = typeWithinLine(text, random);
        assert.strictEqual(parsed(text), parsedFromScratch(text), `after edit ${step}:\n${text}`);
      }
    }
  });

  it('builds exactly what a parse from scratch builds, one character typed or deleted at every offset', function () {
    this.timeout(120000);
    for (const original of [...SAMPLES, CRLF_SAMPLE]) {
      for (let at = 0; at <= original.length; at++) {
        const typed = ['x', ' ', '\\', '`', '<', '#'].map((ch) => original.slice(0, at) + ch + original.slice(at));
        for (const text of [...typed, original.slice(0, at) + original.slice(at + 1)]) {
          clearParseCache();
          parsed(original);
          assert.strictEqual(parsed(text), parsedFromScratch(text), `at ${at}:\n${text}`);
        }
      }
    }
  });

  it('finds exactly what a lint from scratch finds, edit after edit', function () {
    this.timeout(120000);
    const texts = [...SAMPLES];
    if (corpusAvailable()) {
      const files = corpusFiles('dockerfiles');
      for (let i = 0; i < files.length; i += 37) texts.push(fs.readFileSync(files[i], 'utf8'));
    }
    const random = seeded(7);
    let compared = 0;
    for (const original of texts) {
      clearParseCache();
      let text = original;
      findings(text, PATH);
      for (let step = 0; step < 16; step++) {
        text = edit(text, random);
        const incremental = findings(text, PATH);
        const expected = fromScratch(text);
        assert.strictEqual(incremental, expected, `after edit ${step} of a ${original.length}-character file:\n${text}`);
        compared++;
      }
    }
    assert.ok(compared >= SAMPLES.length * 16);
  });
});
