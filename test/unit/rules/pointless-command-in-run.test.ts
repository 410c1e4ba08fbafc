import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'pointless-command-in-run';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => assertQuiet('FROM debian:bookworm\nRUN service nginx start\n', RULE));

  it('fires on service, vim, shutdown and the like, at the command', () => {
    const [finding] = assertFires(on('FROM debian:bookworm\nRUN apt-get install -y nginx && service nginx start\n'), RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 32 }, end: { line: 1, character: 39 } });
    assert.deepStrictEqual(finding.equivalents, ['DL3001']);
    assertFires(on('FROM debian:bookworm\nRUN sudo vim /etc/hosts\n'), RULE, 1);
  });

  it('is quiet for installs of those tools, arguments and quoted words', () => {
    assertQuiet(on('FROM debian:bookworm\nRUN apt-get install -y ssh vim procps\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN echo "ps aux" && ssh-keygen -A\n'), RULE);
  });
});
