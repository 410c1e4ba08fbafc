import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'apt-instead-of-apt-get';

describe(RULE, () => {
  before(initEngine);

  it('fires on apt, at the word apt', () => {
    const [finding] = assertFires('FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n', RULE, 2)
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } });
    assert.ok(finding.equivalents.includes('DL3027'));
  });

  it('is quiet for apt-get, apt-cache and apt in text', () => {
    assertQuiet('FROM ubuntu:24.04\nRUN apt-get update && apt-cache policy curl\n', RULE);
    assertQuiet('FROM ubuntu:24.04\nRUN echo "apt install curl" && ls /etc/apt\n', RULE);
  });

  it('rewrites to apt-get or apt-cache, renaming actions apt-get spells differently', () => {
    assert.strictEqual(assertFixRoundTrip('FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n', RULE).dockerfile,
      'FROM ubuntu:24.04\nRUN apt-get update && apt install -y curl\n');
    assert.strictEqual(assertFixRoundTrip('FROM ubuntu:24.04\nRUN apt search curl\n', RULE).dockerfile, 'FROM ubuntu:24.04\nRUN apt-cache search curl\n');
    assert.strictEqual(assertFixRoundTrip('FROM ubuntu:24.04\nRUN apt full-upgrade -y\n', RULE).dockerfile, 'FROM ubuntu:24.04\nRUN apt-get dist-upgrade -y\n');
  });

  it('offers no rewrite for apt commands apt-get does not have', () => {
    const [finding] = assertFires('FROM ubuntu:24.04\nRUN apt list --installed\n', RULE, 1);
    assert.deepStrictEqual(finding.fixes, []);
  });
});
