import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'invalid-label-key';
const on = (dockerfile: string) => ({ dockerfile, config: { enableAll: true } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => {
    assertQuiet('FROM debian:12\nLABEL com.docker.x="y"\n', RULE);
  });

  it('fires on reserved namespaces and malformed keys, at the key', () => {
    const [finding] = assertFires(on('FROM debian:12\nLABEL com.docker.label="foo"\n'), RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 22 } });
    for (const key of ['io.docker.x', 'org.dockerproject.x', '.invalid', '-invalid', '1invalid', 'invalid..character', 'invalid--character', 'Maintainer', 'trailing.']) {
      assertFires(on(`FROM debian:12\nLABEL ${key}="foo"\n`), RULE, 1);
    }
  });

  it('is quiet for reverse-DNS keys and simple lowercase keys', () => {
    assertQuiet(on('FROM debian:12\nLABEL org.opencontainers.image.source="https://x" org.valid-key.label3="foo" validlabel="foo"\n'), RULE);
  });
});
