import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'undefined-variable-in-run';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => assertQuiet('FROM debian:bookworm\nRUN rm -rf "$PREFIX/"\n', RULE));

  it('fires once per variable no ARG, ENV or earlier command sets, at its first use', () => {
    const [finding] = assertFires(on('FROM debian:bookworm\nRUN rm -rf "$PREFIX/lib" "$PREFIX/bin"\n'), RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 19 } });
    assert.deepStrictEqual(finding.equivalents, ['shellcheck', 'SC2154']);
    // An ARG before FROM is not visible in RUN unless declared again in the stage.
    assertFires(on('ARG VERSION=1\nFROM debian:bookworm\nRUN echo "$VERSION"\n'), RULE, 1);
  });

  it('is quiet for ARG/ENV of the stage chain, script assignments, defaults, proxies and shell variables', () => {
    assertQuiet(on('ARG VERSION=1\nFROM debian:bookworm AS base\nARG VERSION\nENV APP=/app\nFROM base\nRUN echo "$VERSION $APP"\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN x=1; export Y=2; read -r z; for i in 1; do echo "$x $Y $z $i $1 $HOME ${UNSET:-d} $HTTP_PROXY"; done\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN echo \'$SINGLE\' # $COMMENT\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN ["echo", "$EXEC_FORM"]\n'), RULE);
  });
});
