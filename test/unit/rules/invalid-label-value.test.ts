import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'invalid-label-value';
const SCHEMA = { title: 'text', source: 'url', created: 'rfc3339', licenses: 'spdx', revision: 'hash', version: 'semver', authors: 'email' };
const labelled = (labels: string) => ({ dockerfile: `FROM debian:12\nLABEL ${labels}\n`, config: { labelSchema: SCHEMA } });

describe(RULE, () => {
  before(initEngine);

  it('does nothing without a label schema', () => {
    assertQuiet('FROM debian:12\nLABEL source="not a url"\n', RULE);
  });

  it('fires on values that do not fit their kind, with the matching hadolint code', () => {
    const cases: [string, string][] = [
      ['title=""', 'DL3051'], ['source="not-url"', 'DL3052'], ['created="yesterday"', 'DL3053'], ['licenses="not-spdx"', 'DL3054'],
      ['revision="not-git-hash"', 'DL3055'], ['version="not-sem-ver"', 'DL3056'], ['authors="not-email"', 'DL3058'],
    ];
    for (const [label, code] of cases) {
      const [finding] = assertFires(labelled(label), RULE, 1);
      assert.deepStrictEqual(finding.equivalents, [code], label);
    }
  });

  it('is quiet for valid values, other labels and build-time variables', () => {
    assertQuiet(labelled('title="App" source="https://example.com/repo" created="2021-03-10T10:26:33.564595127+01:00" licenses="MIT OR Apache-2.0" revision="2dbfae9" version="2.0.1-rc1" authors="abcd@google.com" other=""'), RULE);
    assertQuiet(labelled('revision=$GIT_SHA created="${BUILD_DATE}"'), RULE);
  });
});
