import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'wget-and-curl';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => assertQuiet('FROM debian:bookworm\nRUN wget x\nRUN curl y\n', RULE));

  it('fires on each use once both appeared in a stage', () => {
    const findings = assertFires(on('FROM debian:bookworm\nRUN wget x\nRUN curl y\nRUN echo hi\nRUN wget z\n'), RULE, 2);
    assert.deepStrictEqual(findings.map((f) => f.range.start.line), [2, 4]);
    assert.deepStrictEqual(findings[0].equivalents, ['DL4001', 'DS014', 'DS-0014']);
  });

  it('judges each stage on its own and ignores installs and quoted words', () => {
    assertQuiet(on('FROM debian:bookworm AS a\nRUN wget x\nFROM debian:bookworm\nRUN curl y\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN apt-get install -y curl wget && curl x && echo "wget y"\n'), RULE);
  });
});
