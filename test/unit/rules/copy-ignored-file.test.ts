import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-ignored-file';

describe(RULE, () => {
  before(initEngine);

  it('fires on each COPY/ADD source that .dockerignore excludes, at the source', () => {
    const findings = assertFires({ dockerfile: 'FROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n', files: { '.dockerignore': '\nDockerfile\n' } }, RULE, 2);
    assert.deepStrictEqual(findings[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 15 } });
    assertFires({ dockerfile: 'FROM scratch\nCOPY ./secrets/app.conf /etc/\n', files: { '.dockerignore': 'secrets\n' } }, RULE, 1);
  });

  it('is quiet for COPY --from, the context root, re-included files, globs and without .dockerignore', () => {
    const ignore = { '.dockerignore': '**\n!Dockerfile\n' };
    assertQuiet({ dockerfile: 'FROM scratch\nCOPY ./Dockerfile .\n', files: ignore }, RULE);
    assertQuiet({ dockerfile: 'FROM scratch\nCOPY . .\n', files: { '.dockerignore': '.*\n' } }, RULE);
    assertQuiet({ dockerfile: 'FROM scratch AS base\nCOPY Dockerfile /foobar\nFROM base\nCOPY --from=base /foobar /x\n', files: { '.dockerignore': 'foobar\n' } }, RULE);
    assertQuiet({ dockerfile: 'FROM scratch\nCOPY *.txt /\n', files: { '.dockerignore': 'a.txt\n' } }, RULE);
    assertQuiet('FROM scratch\nCOPY Dockerfile .\n', RULE);
  });
});
