import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'sudo-in-run';

describe(RULE, () => {
  before(initEngine);

  it('fires on sudo, at the word, also before FROM and in ONBUILD', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN apt-get update && sudo apt-get install -y curl\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 26 } });
    assert.deepStrictEqual(finding.equivalents, ['DL3004', 'CKV2_DOCKER_1', 'DS010', 'DS-0010']);
    assertFires('RUN sudo apt-get update\n', RULE, 1);
    assertFires('FROM debian:bookworm\nONBUILD RUN sudo make install\n', RULE, 1);
  });

  it('is quiet when sudo is a package, a word in quotes or a comment, or in a heredoc handed to a file', () => {
    assertQuiet('FROM debian:bookworm\nRUN apt-get install -y sudo\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "sudo make" # sudo x\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN cat <<EOF > /usr/local/bin/x\nsudo make\nEOF\n', RULE);
    assertFires('FROM debian:bookworm\nRUN <<EOF\nsudo make\nEOF\n', RULE, 1);
  });

  it('reads continuations with the # escape= character and stays quiet under # hadolint shell=powershell', () => {
    assertFires('# escape=`\nFROM debian:bookworm\nRUN apt-get update && `\n    sudo apt-get install -y curl\n', RULE, 1);
    assertQuiet('# hadolint shell=powershell\nFROM debian:bookworm\nRUN sudo x\n', RULE);
  });

  it('drops sudo when the step runs as root', () => {
    const { dockerfile } = assertFixRoundTrip('FROM debian:bookworm\nRUN sudo apt-get update\n', RULE);
    assert.strictEqual(dockerfile, 'FROM debian:bookworm\nRUN apt-get update\n');
    assertFixRoundTrip('FROM example/app:1\nUSER root\nRUN sudo make install\n', RULE);
  });

  it('is information, with other advice, when the user is not known to be root or sudo switches user', () => {
    const [unknown] = assertFires('FROM gitpod/workspace-full\nRUN sudo mkdir /x\n', RULE, 1);
    assert.strictEqual(unknown.severity, 'information');
    assert.match(unknown.message, /USER root/);
    const [other] = assertFires('FROM debian:bookworm\nRUN sudo -u app bundle install\n', RULE, 1);
    assert.strictEqual(other.severity, 'information');
    assert.match(other.message, /USER app/);
    assert.strictEqual(assertFires('FROM debian:bookworm\nRUN sudo make\n', RULE, 1)[0].severity, 'warning');
  });

  it('offers no fix when the user is not root or unknown, or sudo has options', () => {
    for (const text of ['FROM debian:bookworm\nUSER app\nRUN sudo make install\n', 'FROM circleci/node:20\nRUN sudo make install\n',
      'FROM debian:bookworm\nRUN sudo -u app make\n']) {
      assert.deepStrictEqual(assertFires(text, RULE, 1)[0].fixes, []);
    }
  });
});
