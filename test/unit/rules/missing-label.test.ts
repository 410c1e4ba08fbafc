import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'missing-label';
const schema = (dockerfile: string) => ({ dockerfile, config: { labelSchema: { 'org.opencontainers.image.source': 'url' } } });

describe(RULE, () => {
  before(initEngine);

  it('does nothing without a label schema', () => {
    assertQuiet('FROM debian:12\n', RULE);
  });

  it('fires on each image without the label, at its FROM', () => {
    const [finding] = assertFires(schema('FROM debian:12\nRUN true\n'), RULE, 1);
    assert.deepStrictEqual(finding.range.start, { line: 0, character: 0 });
    assertFires(schema('FROM debian:12 AS a\nFROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x.org\n'), RULE, 1);
  });

  it('counts labels inherited through FROM, and stages only used by a labelled image', () => {
    assertQuiet(schema('FROM debian:12 AS base\nLABEL org.opencontainers.image.source=https://x.org\nFROM base\n'), RULE);
    assertQuiet(schema('FROM golang:1.22 AS build\nFROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x.org\nCOPY --from=build /a /a\n'), RULE);
  });
});
