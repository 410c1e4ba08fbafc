import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'stage-name-casing';

describe(RULE, () => {
  before(initEngine);

  it('fires on a stage name with upper-case letters, at the name', () => {
    const [finding] = assertFires('FROM alpine:3.20 AS BuilderBase\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 0, character: 20 }, end: { line: 0, character: 31 } });
    assert.deepStrictEqual(finding.equivalents, ['StageNameCasing']);
  });

  it('is quiet for lower-case names and unnamed stages', () => {
    assertQuiet('FROM alpine:3.20 AS builder-base\nFROM alpine:3.20\n', RULE);
  });

  it('lowercases the name and every reference to it (FROM, COPY --from, RUN --mount from=)', () => {
    const { dockerfile } = assertFixRoundTrip(
      'FROM golang:1.22 AS Build\nRUN go build -o /app\nFROM Build AS Test\nRUN --mount=type=cache,from=BUILD,target=/x true\nFROM alpine:3.20\nCOPY --from=Build /app /app\n', RULE);
    assert.strictEqual(dockerfile,
      'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM build AS Test\nRUN --mount=type=cache,from=build,target=/x true\nFROM alpine:3.20\nCOPY --from=build /app /app\n');
  });
});
