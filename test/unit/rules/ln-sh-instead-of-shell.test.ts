import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'ln-sh-instead-of-shell';

describe(RULE, () => {
  before(initEngine);

  it('fires on a symlink over /bin/sh, at the link name', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN ln -sfv /bin/bash /bin/sh\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 29 } });
    assert.deepStrictEqual(finding.equivalents, ['DL4005']);
  });

  it('is quiet for other links and for /bin/sh as a source', () => {
    assertQuiet('FROM debian:bookworm\nRUN ln -sf /bin/true /sbin/initctl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN ln -s /bin/sh /usr/local/bin/sh && echo /bin/sh\n', RULE);
  });
});
