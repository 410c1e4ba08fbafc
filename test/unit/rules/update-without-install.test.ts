import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'update-without-install';

describe(RULE, () => {
  before(initEngine);

  it('fires on an index refresh in its own RUN when a later RUN installs from it', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 18 } });
    assert.ok(finding.equivalents.includes('CKV_DOCKER_5'));
    assertFires('FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n', RULE, 1);
    assertFires('FROM debian:bookworm AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl\n', RULE, 1);
  });

  it('is quiet when the refresh and the install share a RUN, or nothing installs later from that index', () => {
    assertQuiet('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN apt-get update && apt-get upgrade -y\nRUN apt-get install -y curl\n', RULE);
    assertQuiet('FROM debian:bookworm AS a\nRUN apt-get update\nFROM debian:bookworm\nRUN apt-get install -y curl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "apt-get update"\nRUN apt-get install -y curl\n', RULE);
  });

  it('merges the refresh into the RUN right after it', () => {
    assert.strictEqual(assertFixRoundTrip('FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl\n', RULE).dockerfile,
      'FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y curl\n');
    assert.strictEqual(assertFixRoundTrip('# escape=`\r\nFROM debian:bookworm\r\nRUN apt-get update\r\nRUN apt-get install -y curl\r\n', RULE).dockerfile,
      '# escape=`\r\nFROM debian:bookworm\r\nRUN apt-get update `\r\n    && apt-get install -y curl\r\n');
  });

  it('offers no merge across comments, other instructions or flags it would drop', () => {
    assert.deepStrictEqual(assertFires('FROM debian:bookworm\nRUN apt-get update\n# tools\nRUN apt-get install -y curl\n', RULE, 1)[0].fixes, []);
    assert.deepStrictEqual(assertFires('FROM debian:bookworm\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n', RULE, 1)[0].fixes, []);
    assert.deepStrictEqual(assertFires('FROM debian:bookworm\nRUN apt-get update\nENV A=1\nRUN apt-get install -y curl\n', RULE, 1)[0].fixes, []);
  });
});
