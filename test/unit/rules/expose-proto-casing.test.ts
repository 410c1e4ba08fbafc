import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'expose-proto-casing';

describe(RULE, () => {
  before(initEngine);

  it('fires on an upper-case protocol, at the protocol', () => {
    const [finding] = assertFires('FROM alpine:3.20\nEXPOSE 80/TcP 53/udp\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 13 } });
  });

  it('is quiet for lower-case protocols and bare ports', () => {
    assertQuiet('FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 8080\n', RULE);
  });

  it('lowercases the protocol', () => {
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nEXPOSE 80/TCP\n', RULE).dockerfile, 'FROM alpine:3.20\nEXPOSE 80/tcp\n');
  });
});
