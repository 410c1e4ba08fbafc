import * as assert from 'assert';
import { initEngine, lint } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { warmUpEngine } from '../../server/src/lsp/warm-up';
import { WARM_UP_DOCKERFILE } from '../../server/src/lsp/warm-up-samples';

/** The server's idle warm-up: it must run through, stop when told, and leave no trace in later lints. */

const FILE = '/project/Dockerfile';

function lintOnce(text: string): string {
  const workspace = new MemoryWorkspace({ [FILE]: text }, ['/project']);
  return JSON.stringify(lint({ path: FILE, text, kind: 'dockerfile' }, workspace, { enableAll: true }).findings);
}

describe('warm-up', () => {
  before(() => initEngine());

  it('lints the sample without a rule failing, and findings of many rules (their fixes too) are built', () => {
    const workspace = new MemoryWorkspace({ [FILE]: WARM_UP_DOCKERFILE }, ['/project']);
    const result = lint({ path: FILE, text: WARM_UP_DOCKERFILE, kind: 'dockerfile' }, workspace, { enableAll: true });
    assert.deepStrictEqual(result.failures, []);
    const fired = new Set(result.findings.map((f) => f.rule));
    assert.ok(fired.size >= 15, `only ${fired.size} rules fire on the sample: ${[...fired].join(', ')}`);
  });

  it('runs every round, then resolves', async () => {
    let turns = 0;
    const counter = setInterval(() => turns++, 0);
    await warmUpEngine(20).done;
    clearInterval(counter);
    // One lint per turn of the event loop: other work (here a timer) ran in between.
    assert.ok(turns > 0);
  });

  it('waits while the editor is busy', async () => {
    const busyUntil = performance.now() + 400;
    const started = performance.now();
    const warmUp = warmUpEngine(3, () => (performance.now() < busyUntil ? performance.now() : busyUntil));
    await warmUp.done;
    assert.ok(performance.now() - started >= 400, 'a round ran while the editor was sending');
  });

  it('stops early when told', async () => {
    const warmUp = warmUpEngine(1_000_000);
    setTimeout(() => warmUp.stop(), 20);
    await warmUp.done;
  });

  it('leaves no trace: a file linted after the warm-up gets the findings it got before', async () => {
    const text = WARM_UP_DOCKERFILE.replace('USER app', 'USER root');
    const before = lintOnce(text);
    await warmUpEngine(30).done;
    assert.strictEqual(lintOnce(text), before);
  });
});
