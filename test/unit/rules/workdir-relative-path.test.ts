import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'workdir-relative-path';

describe(RULE, () => {
  before(initEngine);

  it('fires on a relative WORKDIR with no absolute one before it in the stage chain, at the path', () => {
    const [finding] = assertFires('FROM nginx:1.27\nWORKDIR usr/share/nginx/html\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 28 } });
    assert.ok(finding.equivalents.includes('DL3000'));
    assertFires("FROM nginx:1.27\nWORKDIR 'relative/dir'\n", RULE, 1);
  });

  it('is quiet for absolute, variable and Windows paths, and after an absolute WORKDIR (also in a parent stage)', () => {
    assertQuiet('FROM nginx:1.27\nWORKDIR /usr/share\nWORKDIR html\n', RULE);
    assertQuiet('FROM scratch AS a\nWORKDIR /app\nFROM a AS b\nWORKDIR subdir/\n', RULE);
    assertQuiet('FROM alpine:3.20\nWORKDIR "${dir}"\n', RULE);
    assertQuiet("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR 'C:\\'\nWORKDIR C:/app\n", RULE);
  });

  it('makes the path absolute, inside quotes too', () => {
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nWORKDIR app/\n', RULE).dockerfile, 'FROM alpine:3.20\nWORKDIR /app/\n');
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nWORKDIR "my app"\n', RULE).dockerfile, 'FROM alpine:3.20\nWORKDIR "/my app"\n');
  });
});
