import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'package-upgrade-in-build';

describe(RULE, () => {
  before(initEngine);

  it('reports distribution upgrades at information, with the peers\' codes', () => {
    const [zypper] = assertFires('FROM opensuse/leap:15\nRUN zypper -n dup\n', RULE, 1);
    assert.deepStrictEqual(zypper.equivalents, ['DL3035']);
    assert.strictEqual(zypper.severity, 'information');
    const [apt] = assertFires('FROM debian:bookworm\nRUN apt-get update && apt-get dist-upgrade -y\n', RULE, 1);
    assert.ok(apt.equivalents.includes('DS024'));
    assert.deepStrictEqual(apt.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 42 } });
  });

  it('reports a plain upgrade of every package as a hint only', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN apt-get update && apt-get upgrade -y\n', RULE, 1);
    assert.strictEqual(finding.severity, 'hint');
  });

  it('is quiet for upgrades of named packages and for text', () => {
    assertQuiet('FROM fedora:40\nRUN dnf upgrade -y openssl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN apt-get install -y --only-upgrade openssl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "zypper dup"\n', RULE);
  });
});
