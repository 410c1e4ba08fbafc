import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'gem-version-unpinned';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => assertQuiet('FROM ruby:3.3\nRUN gem install bundler\n', RULE));

  it('fires on gems without a version', () => {
    const [finding] = assertFires(on('FROM ruby:3.3\nRUN gem install --no-document bundler:2.5.1 rails\n'), RULE, 1);
    assert.match(finding.message, /`rails`/);
    assert.deepStrictEqual(finding.equivalents, ['DL3028']);
    assertFires(on('FROM ruby:3.3\nRUN gem i bundler\n'), RULE, 1);
  });

  it('is quiet for name:version, -v/--version, build flags after -- and local .gem files', () => {
    for (const line of ['gem install bundler:2.5.1', "gem install bundler -v '2.5.1'", 'gem install bundler --version=2.5.1',
      'gem install nokogiri:1.16 -- --use-system-libraries true', 'gem install nokogiri:1.16 --use-system-libraries true', 'gem install ./my.gem']) {
      assertQuiet(on(`FROM ruby:3.3\nRUN ${line}\n`), RULE);
    }
  });
});
