import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'consecutive-run';
const on = (dockerfile: string) => ({ dockerfile, config: { enableAll: true } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => {
    assertQuiet('FROM debian:12\nRUN a\nRUN b\n', RULE);
  });

  it('fires on single-command RUNs in a row, also across comments, at the second RUN', () => {
    const [finding] = assertFires(on('FROM debian:12\nRUN /foo.sh\n# a comment\nRUN /bar.sh\n'), RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
    assertFires(on('FROM debian:12\nRUN foo && bar\nRUN foo\nRUN bar\n'), RULE, 1);
    assertFires(on('FROM debian:12\nRUN --mount=type=secret,id=a /a.sh\nRUN --mount=type=secret,id=a /b.sh\n'), RULE, 1);
  });

  it('is quiet across other instructions, different mounts, and RUNs that already chain commands', () => {
    assertQuiet(on('FROM debian:12\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n'), RULE);
    assertQuiet(on('FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n'), RULE);
    assertQuiet(on('FROM debian:12\nRUN foo && bar\nRUN foobar\nRUN foo; bar\n'), RULE);
    assertQuiet(on('FROM debian:12 AS a\nRUN a\nFROM debian:12\nRUN b\n'), RULE);
  });

  it('joins the second RUN onto the first with &&', () => {
    const { dockerfile } = assertFixRoundTrip(on('FROM debian:12\r\nRUN apt-get update\r\n\r\nRUN ./configure\r\n'), RULE);
    assert.strictEqual(dockerfile, 'FROM debian:12\r\nRUN apt-get update && \\\r\n    ./configure\r\n');
  });
});
