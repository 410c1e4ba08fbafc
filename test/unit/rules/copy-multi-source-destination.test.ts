import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-multi-source-destination';

describe(RULE, () => {
  before(initEngine);

  it('fires when several sources go to a destination without a trailing slash', () => {
    const [finding] = assertFires('FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./app\n', RULE, 1);
    assert.deepStrictEqual(finding.range.start, { line: 2, character: 36 });
    assertFires('FROM node:20\nCOPY a b "baz"\n', RULE, 1);
  });

  it('warns only (not an error) for `.`, which BuildKit reads as a folder but the legacy builder refuses', () => {
    const [dot] = assertFires('FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum .\n', RULE, 1);
    assert.strictEqual(dot.severity, 'warning');
    const [plain] = assertFires('FROM golang:1.22\nCOPY go.mod go.sum /src\n', RULE, 1);
    assert.strictEqual(plain.severity, 'error');
    assert.strictEqual(assertFixRoundTrip('FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum .\n', RULE).dockerfile, 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\n');
  });

  it('is quiet for one source, a trailing slash, or a variable destination', () => {
    assertQuiet('FROM node:20\nCOPY a /app\nCOPY a b /app/\nCOPY a b "baz/"\nCOPY a b $DEST\n', RULE);
  });

  it('adds the slash, inside quotes too', () => {
    assert.strictEqual(assertFixRoundTrip('FROM node:20\nCOPY a b /app\n', RULE).dockerfile, 'FROM node:20\nCOPY a b /app/\n');
    assert.strictEqual(assertFixRoundTrip('FROM node:20\nCOPY a b "/srv/app"\n', RULE).dockerfile, 'FROM node:20\nCOPY a b "/srv/app/"\n');
    assert.strictEqual(assertFixRoundTrip('FROM node:20\nCOPY ["a", "b", "/app"]\n', RULE).dockerfile, 'FROM node:20\nCOPY ["a", "b", "/app/"]\n');
  });
});
