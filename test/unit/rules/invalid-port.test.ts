import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'invalid-port';

describe(RULE, () => {
  before(initEngine);

  it('fires on a port above 65535, at the port', () => {
    const [finding] = assertFires('FROM nginx:1.27\nEXPOSE 80 80000/tcp\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 19 } });
    assert.deepStrictEqual(finding.equivalents, ['DL3011', 'DS008', 'DS-0008']);
    assertFires('FROM nginx:1.27\nEXPOSE 8000-70000\n', RULE, 1);
  });

  it('is quiet for valid ports, ranges and variables', () => {
    assertQuiet('FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 40000-60000/tcp 65535\n', RULE);
    assertQuiet('FROM nginx:1.27\nEXPOSE ${PORT}\nEXPOSE $PORT/udp\n', RULE);
  });
});
