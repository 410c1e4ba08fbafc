import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'no-empty-continuation';

describe(RULE, () => {
  before(initEngine);

  it('fires on an empty line inside a continued instruction, at that line', () => {
    const [finding] = assertFires('FROM alpine:3.20\nEXPOSE \\\n\n80\n', RULE, 1);
    assert.strictEqual(finding.range.start.line, 2);
  });

  it('is quiet for comment lines inside continuations and for heredocs', () => {
    assertQuiet('FROM alpine:3.20\nEXPOSE \\\n# Port\n80\n', RULE);
    assertQuiet('FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n', RULE);
  });

  it('removes the empty lines', () => {
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nRUN echo a \\\n\n  && echo b\n', RULE).dockerfile, 'FROM alpine:3.20\nRUN echo a \\\n  && echo b\n');
  });
});
