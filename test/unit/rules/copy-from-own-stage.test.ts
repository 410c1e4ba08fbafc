import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-from-own-stage';

describe(RULE, () => {
  before(initEngine);

  it('fires when --from names the stage it is in, by name or index', () => {
    const [finding] = assertFires('FROM node:20 AS Build\nCOPY --from=build /a /b\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 17 } });
    assertFires('FROM node:20\nCOPY --from=0 /a /b\n', RULE, 1);
  });

  it('is quiet for other stages and images', () => {
    assertQuiet('FROM node:20 AS build\nRUN make\nFROM nginx:1.27 AS run\nCOPY --from=build /a /b\nCOPY --from=0 /c /d\nCOPY --from=nginx:1.27 /e /f\n', RULE);
  });
});
