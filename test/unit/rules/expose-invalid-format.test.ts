import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'expose-invalid-format';

describe(RULE, () => {
  before(initEngine);

  it('fires on each IP address or host-port mapping, at the port', () => {
    const findings = assertFires('FROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n', RULE, 3);
    assert.deepStrictEqual(findings[0].range, { start: { line: 1, character: 7 }, end: { line: 1, character: 22 } });
  });

  it('is quiet for container ports with or without protocol, and variables', () => {
    assertQuiet('FROM alpine:3.20\nEXPOSE 80 443/tcp ${PORT}\n', RULE);
  });

  it('keeps the container port', () => {
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nEXPOSE 80:8080\n', RULE).dockerfile, 'FROM alpine:3.20\nEXPOSE 8080\n');
  });
});
