import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'apt-install-recommends';

describe(RULE, () => {
  before(initEngine);

  it('fires on apt-get install without --no-install-recommends', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN apt-get -y install curl\n', RULE, 1);
    assert.deepStrictEqual(finding.equivalents.slice(0, 1), ['DL3015']);
    assert.strictEqual(finding.severity, 'information');
    assertFires('FROM debian:bookworm\nONBUILD RUN apt-get install -y curl\n', RULE, 1);
  });

  it('is quiet with the flag, the -o option, an apt config that turns recommends off, or no install', () => {
    assertQuiet('FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends curl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN apt-get update && apt-get remove -y curl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "apt-get install curl"\n', RULE);
  });

  it('adds --no-install-recommends after install', () => {
    assert.strictEqual(assertFixRoundTrip('FROM debian:bookworm\nRUN apt-get update \\\n && apt-get install -y curl\n', RULE).dockerfile,
      'FROM debian:bookworm\nRUN apt-get update \\\n && apt-get install --no-install-recommends -y curl\n');
  });
});
