import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { SERVER_NODE_FLAGS } from '../../client/src/server-flags';

describe('server node flags', () => {
  it('are accepted by node (an unknown flag would stop the server from starting)', () => {
    const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    assert.strictEqual(run.stderr, '');
    assert.strictEqual(run.status, 0);
    assert.strictEqual(run.stdout, 'ok');
  });
});
