import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'chpasswd-literal-password';

describe(RULE, () => {
  before(initEngine);

  it('fires at a literal password piped into chpasswd or passwd --stdin', () => {
    const [finding] = assertFires("FROM debian:bookworm\nRUN echo 'root:hunter2' | chpasswd\n", RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 23 } });
    assert.deepStrictEqual(finding.equivalents, ['CKV2_DOCKER_17']);
    assertFires('FROM debian:bookworm\nRUN echo "$USER:changeme" | chpasswd\n', RULE, 1);
    assertFires('FROM fedora:40\nRUN echo hunter2 | passwd --stdin root\n', RULE, 1);
  });

  it('is quiet when the password comes from a variable or secret, and for quoted text', () => {
    assertQuiet('FROM debian:bookworm\nRUN echo "root:$ROOT_PASSWORD" | chpasswd\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN --mount=type=secret,id=pw chpasswd < /run/secrets/pw\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "echo root:x | chpasswd"\n', RULE);
  });
});
