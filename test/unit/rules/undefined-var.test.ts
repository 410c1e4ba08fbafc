import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';
import { variableReferences } from '../../../server/src/engine/dockerfile/rules/undefined-var';

const RULE = 'undefined-var';

describe(RULE, () => {
  before(initEngine);

  it('fires on a variable nothing defines, at the variable', () => {
    const [finding] = assertFires('FROM alpine:3.20 AS base\nCOPY $foo .\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
  });

  it('suggests the name meant for a typo, even in upper case on an image this file cannot see', () => {
    const [finding] = assertFires('FROM alpine:3.20\nENV PATH=$PAHT:/tmp/bin\n', RULE, 1);
    assert.match(finding.message, /Did you mean `\$PATH`/);
  });

  it('explains that a global ARG must be re-declared in the stage', () => {
    const [finding] = assertFires('ARG VERSION=1\nFROM alpine:3.20\nLABEL version=$VERSION\n', RULE, 1);
    assert.match(finding.message, /add `ARG VERSION` in this stage/);
  });

  it('is quiet for ARG/ENV in scope (parent stages too), defaults, escapes, RUN, and upper-case names the base image may set', () => {
    assertQuiet('FROM alpine:3.20\nARG foo\nCOPY Dockerfile${foo} .\n', RULE);
    assertQuiet('FROM alpine:3.20 AS base\nARG foo=Dockerfile\nFROM base\nCOPY $foo .\n', RULE);
    assertQuiet('FROM alpine:3.20\nRUN echo $PATH $whatever\n', RULE);
    assertQuiet('FROM alpine:3.20\nCOPY ${foo:-a} \\$bar .\n', RULE);
    assertQuiet('FROM python:3.12 AS base\nARG VERSION=$PYTHON_VERSION\n', RULE);
    assertQuiet('FROM golang:1.22\nWORKDIR $GOPATH/src/app\n', RULE);
    assertQuiet('FROM alpine:3.20\nCOPY <<EOF /usr/local/bin/run.sh\ndir="$(pwd)"\necho "$dir"\nEOF\n', RULE);
    assertQuiet('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV PSCORE="$ProgramFiles\\PowerShell\\pwsh.exe"\n', RULE);
  });

  it('fires on upper-case names too when the stage is built from scratch', () => {
    assertFires('FROM scratch\nCOPY $APP_DIR /app\n', RULE, 1);
  });
});

describe(`${RULE}: reading references`, () => {
  it('skips escaped and single-quoted references and comment lines, and notes modifiers', () => {
    const refs = variableReferences(` $a \\$b '$c' "$d" \${e:-x}\n# $f\n $g`, '\\');
    assert.deepStrictEqual(refs.map((r) => [r.name, r.hasDefault]), [['a', false], ['d', false], ['e', true], ['g', false]]);
    assert.deepStrictEqual(variableReferences('`$a $b', '`').map((r) => r.name), ['b']);
  });
});
