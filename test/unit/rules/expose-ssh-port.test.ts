import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'expose-ssh-port';

describe(RULE, () => {
  before(initEngine);

  it('fires on port 22, with a protocol or in a range, at the port', () => {
    const [finding] = assertFires('FROM debian:12\nEXPOSE 80 22\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } });
    assert.ok(finding.equivalents.includes('CKV_DOCKER_1'));
    assertFires('FROM debian:12\nEXPOSE 22/tcp\n', RULE, 1);
    assertFires('FROM debian:12\nEXPOSE 20-25\n', RULE, 1);
  });

  it('is quiet for other ports and variables', () => {
    assertQuiet('FROM debian:12\nEXPOSE 2222 220 8022 ${SSH_PORT}\n', RULE);
  });
});
