import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'cd-instead-of-workdir';

describe(RULE, () => {
  before(initEngine);

  it('fires when a RUN starts with cd, at the cd', () => {
    const [finding] = assertFires('FROM alpine:3.20\nRUN cd /src && make && cd / && rm -rf /src\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
    assert.deepStrictEqual(finding.equivalents, ['DL3003', 'DS013', 'DS-0013']);
  });

  it('leaves a cd later in a build script alone (deliberately quieter than DL3003)', () => {
    assertQuiet('FROM alpine:3.20\nRUN wget x.tgz && tar -xzf x.tgz && cd x && make\n', RULE);
    assertQuiet('FROM alpine:3.20\nRUN set -eux; cd /usr/src; make\n', RULE);
  });

  it('ignores cd in quotes, comments and heredocs handed to another program', () => {
    assertQuiet('FROM alpine:3.20\nRUN echo "cd /x" # cd /y\n', RULE);
    assertQuiet('FROM alpine:3.20\nRUN cat <<EOF > /run.sh\ncd /app\nEOF\n', RULE);
    assertFires('FROM alpine:3.20\nRUN <<EOF\ncd /app\nmake\nEOF\n', RULE, 1);
  });

  it('moves a leading cd into WORKDIR and restores the previous WORKDIR for later instructions', () => {
    const { dockerfile } = assertFixRoundTrip('FROM alpine:3.20\nWORKDIR /app\nRUN cd /tmp && \\\n    wget x\nCOPY . .\n', RULE);
    assert.strictEqual(dockerfile, 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR /tmp\nRUN wget x\nWORKDIR /app\nCOPY . .\n');
  });

  it('needs no restore when the next step sets an absolute WORKDIR; keeps RUN flags', () => {
    const { dockerfile } = assertFixRoundTrip('FROM alpine:3.20\r\nRUN --mount=type=cache,target=/root/.cache cd /src && make\r\nWORKDIR /app\r\n', RULE);
    assert.strictEqual(dockerfile, 'FROM alpine:3.20\r\nWORKDIR /src\r\nRUN --mount=type=cache,target=/root/.cache make\r\nWORKDIR /app\r\n');
  });

  it('offers no fix when the previous working directory is unknown, the cd is not first, or is relative', () => {
    for (const text of ['FROM alpine:3.20\nRUN cd /src && make\nCMD ["x"]\n',
      'FROM alpine:3.20\nWORKDIR /a\nRUN cd src && make\nWORKDIR /b\n', 'FROM alpine:3.20\nWORKDIR /a\nRUN cd /b || exit 1\nWORKDIR /b\n']) {
      const [finding] = assertFires(text, RULE, 1);
      assert.deepStrictEqual(finding.fixes, []);
    }
  });
});
