import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-relative-without-workdir';

describe(RULE, () => {
  before(initEngine);

  it('fires on a relative destination with no WORKDIR before it, at the destination', () => {
    const [finding] = assertFires('FROM python:3.12\nCOPY app.py app.py\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 18 } });
    assertFires('FROM python:3.12\nCOPY app.py app/\nWORKDIR /srv\n', RULE, 1);
  });

  it('ignores a WORKDIR of an unrelated stage but follows the FROM chain', () => {
    assertFires('FROM debian:12 AS one\nWORKDIR /usr\nFROM debian:12\nCOPY foo bar\n', RULE, 1);
    assertQuiet('FROM debian:12 AS base\nWORKDIR /usr\nFROM base AS two\nRUN foo\nFROM two\nCOPY foo bar\n', RULE);
    assertQuiet('FROM debian:12\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\nCOPY a b\n', RULE);
  });

  it('is quiet in artifact stages built FROM scratch', () => {
    assertQuiet('FROM golang:1.22 AS build\nWORKDIR /src\nRUN go build -o /out/app\nFROM scratch AS dist\nCOPY --from=build /out/app app\n', RULE);
  });

  it('is quiet for absolute Linux and Windows destinations and variables', () => {
    assertQuiet('FROM debian:12\nCOPY a /usr/local/bin/a\nCOPY b c:\\system32\\b\nCOPY c "d:\\mypath\\c"\nCOPY d d:/x/d\nCOPY e $DEST\nCOPY f "${DEST}"\n', RULE);
  });
});
