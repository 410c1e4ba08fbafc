import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'inline-ignore-pragma';
const on = (dockerfile: string) => ({ dockerfile, config: { enableAll: true } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => {
    assertQuiet('FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n', RULE);
  });

  it('fires on hadolint and dockhand next-instruction ignores, also at the top of the file', () => {
    const [finding] = assertFires(on('# hadolint ignore=DL3003\nFROM debian:12\n'), RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 24 } });
    assertFires(on('FROM debian:12\n  # dockhand-ignore=no-root-user\nUSER root\n'), RULE, 1);
  });

  it('is quiet for other comments, shell pragmas, file-level ignores and heredoc bodies', () => {
    assertQuiet(on('# hadolint shell=powershell\nFROM debian:12\n# just a note\nRUN true\n'), RULE);
    assertQuiet(on('# hadolint global ignore=DL3008\nFROM debian:12\n'), RULE);
    assertQuiet(on('FROM debian:12\nCOPY <<EOF /etc/notes\n# hadolint ignore=DL3008\nEOF\n'), RULE);
  });
});
