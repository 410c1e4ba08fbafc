import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'env-self-reference';

describe(RULE, () => {
  before(initEngine);

  it('fires when a value uses a variable set earlier in the same ENV, at the value', () => {
    const [finding] = assertFires('FROM debian:12\nENV BLA="blubb" BLUBB="$BLA/blubb"\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 34 } });
    assertFires('FROM debian:12\nENV PATH=/a:${PATH} PATH=/b:${PATH}\n', RULE, 1);
  });

  it('is quiet for variables set before, its own old value, similar names and literal dollars', () => {
    assertQuiet('FROM debian:12\nARG BLA\nENV BLA=${BLA}\nENV PATH=/bla:${PATH}\n', RULE);
    assertQuiet('FROM debian:12\nENV BLA="blubb" BLUBB="${BLAFOO}/blubb" C=$FOOBLA\n', RULE);
    assertQuiet("FROM debian:12\nENV A=1 B='$A' C=\\$A\n", RULE);
  });

  it('splits the ENV where a value needs the variable set before it', () => {
    const { dockerfile } = assertFixRoundTrip('FROM debian:12\nENV HOME_DIR=/opt/app DATA=$HOME_DIR/data LOGS=${HOME_DIR}/logs\n', RULE);
    assert.strictEqual(dockerfile, 'FROM debian:12\nENV HOME_DIR=/opt/app\nENV DATA=$HOME_DIR/data LOGS=${HOME_DIR}/logs\n');
  });
});
