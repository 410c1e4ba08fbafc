import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-archive-then-extract';

describe(RULE, () => {
  before(initEngine);

  it('fires at the copied archive when a later RUN extracts it with tar', () => {
    const [finding] = assertFires('FROM debian:bookworm\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 15 } });
    assert.deepStrictEqual(finding.equivalents, ['DL3010']);
    assertFires('FROM debian:bookworm\nCOPY dist/app.tgz /app.tgz\nWORKDIR /opt\nRUN tar xf /app.tgz\n', RULE, 1);
  });

  it('is quiet for COPY --from, zip files (ADD does not extract them), archives never extracted, and other stages', () => {
    assertQuiet('FROM debian:bookworm\nCOPY --from=build /out/app.tar /tmp/\nRUN tar -xf /tmp/app.tar\n', RULE);
    assertQuiet('FROM debian:bookworm\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n', RULE);
    assertQuiet('FROM debian:bookworm\nCOPY app.tar /tmp/\nRUN tar -tf /tmp/app.tar\n', RULE);
    assertQuiet('FROM debian:bookworm AS a\nCOPY app.tar /tmp/\nFROM debian:bookworm\nRUN tar -xf /tmp/app.tar\n', RULE);
  });
});
