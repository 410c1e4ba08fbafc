import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'pipe-without-pipefail';

describe(RULE, () => {
  before(initEngine);

  it('fires on a pipe under the default shell, at the piped commands', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN curl -fsSL https://x/y.tgz | tar -xz -C /opt\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 48 } });
    assert.deepStrictEqual(finding.equivalents, ['DL4006']);
    assertFires('FROM debian:bookworm\nRUN cat x 2>/dev/null | grep y > /z\n', RULE, 1);
    assertFires('FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', RULE, 1);
  });

  it('is quiet with a pipefail SHELL (inherited from a base stage), set -o pipefail, || lists, and non-POSIX shells', () => {
    assertQuiet('FROM debian:bookworm\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n', RULE);
    assertQuiet('FROM debian:bookworm AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n', RULE);
    assertQuiet('FROM debian:bookworm\nSHELL ["/bin/bash", "-c"]\nRUN set -euo pipefail; a | b\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN a || b && echo "x | y"\n', RULE);
    assertQuiet('FROM mcr.microsoft.com/powershell:latest\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object y\n', RULE);
  });

  it('leaves out pipes fed by echo/printf and pipes inside $(…)', () => {
    assertQuiet('FROM debian:bookworm\nRUN echo "$SHA  x.tgz" | sha256sum -c - && printf "a" | tee /f\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN v="$(cat /v | tr -d x)" && echo "$v"\n', RULE);
    assertFires('FROM debian:bookworm\nRUN echo x | sha256sum -c && curl -fsSL x | tar -xz\n', RULE, 1);
  });

  it('fires again when a later SHELL drops pipefail or a new stage starts', () => {
    assertFires('FROM debian:bookworm\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n', RULE, 1);
    assertFires('FROM debian:bookworm AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM debian:bookworm\nRUN a | b\n', RULE, 1);
  });

  it('adds a pipefail SHELL once per stage: bash on Debian, ash on Alpine', () => {
    const { dockerfile } = assertFixRoundTrip('FROM debian:bookworm\nRUN a | b\nRUN c | d\n', RULE);
    assert.strictEqual(dockerfile, 'FROM debian:bookworm\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nRUN c | d\n');
    const alpine = assertFixRoundTrip('FROM alpine:3.20\r\nRUN a | b\r\n', RULE);
    assert.strictEqual(alpine.dockerfile, 'FROM alpine:3.20\r\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\r\nRUN a | b\r\n');
  });

  it('offers the same SHELL line on every piped RUN of the stage, and tells an unknown image by its package manager', () => {
    const findings = assertFires('FROM debian:bookworm\nRUN a | b\nRUN c | d\n', RULE, 2);
    assert.deepStrictEqual(findings[1].fixes, findings[0].fixes);
    const { dockerfile } = assertFixRoundTrip('FROM example/app:1\nRUN apk add --no-cache curl\nRUN curl -fsSL x | tar -xz\n', RULE);
    assert.strictEqual(dockerfile, 'FROM example/app:1\nRUN apk add --no-cache curl\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN curl -fsSL x | tar -xz\n');
  });

  it('offers no fix where bash may be missing', () => {
    assert.deepStrictEqual(assertFires('FROM gcr.io/distroless/base\nRUN a | b\n', RULE, 1)[0].fixes, []);
  });
});
