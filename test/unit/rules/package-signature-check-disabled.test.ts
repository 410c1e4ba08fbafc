import * as assert from 'assert';
import { applyFix, preferredFix } from '../../../server/src/engine/fixes';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'package-signature-check-disabled';

describe(RULE, () => {
  before(initEngine);

  it('fires on each flag that skips signature checks, at the flag, with the Checkov id', () => {
    const cases: [string, string][] = [
      ['FROM debian:bookworm\nRUN apt-get install -y --allow-unauthenticated curl\n', 'CKV2_DOCKER_8'],
      ['FROM debian:bookworm\nRUN apt-get install --force-yes curl\n', 'CKV2_DOCKER_11'],
      ['FROM alpine:3.20\nRUN apk add --allow-untrusted curl\n', 'CKV2_DOCKER_7'],
      ['FROM fedora:40\nRUN dnf install -y --nogpgcheck httpd\n', 'CKV2_DOCKER_9'],
      ['FROM centos:7\nRUN yum --nogpgcheck install -y httpd\n', 'CKV2_DOCKER_9'],
      ['FROM centos:7\nRUN rpm -i --nosignature https://example.com/x.rpm\n', 'CKV2_DOCKER_10'],
    ];
    for (const [dockerfile, code] of cases) {
      const [finding] = assertFires(dockerfile, RULE, 1);
      assert.deepStrictEqual(finding.equivalents, [code], dockerfile);
      assert.strictEqual(finding.severity, 'warning');
    }
    const [flag] = assertFires('FROM alpine:3.20\nRUN apk add --allow-untrusted curl\n', RULE, 1);
    assert.deepStrictEqual(flag.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 29 } });
  });

  it('reports local package files at information only', () => {
    const [finding] = assertFires('FROM alpine:3.20\nCOPY --from=build /out/app.apk /tmp/\nRUN apk add --allow-untrusted /tmp/app.apk\n', RULE, 1);
    assert.strictEqual(finding.severity, 'information');
  });

  it('is quiet for verified installs and for flags in text', () => {
    assertQuiet('FROM alpine:3.20\nRUN apk add --no-cache curl\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "apt-get --allow-unauthenticated" > /notes\n', RULE);
    assertQuiet('FROM fedora:40\nRUN dnf install -y httpd --setopt=gpgcheck=1\n', RULE);
  });

  it('offers removing the flag, not as the preferred fix (it can fail a build that relies on it)', () => {
    const [finding] = assertFires('FROM alpine:3.20\nRUN apk add --allow-untrusted curl\n', RULE, 1);
    assert.strictEqual(preferredFix(finding), undefined);
    const changed = applyFix(finding.fixes[0], () => 'FROM alpine:3.20\nRUN apk add --allow-untrusted curl\n');
    assert.strictEqual([...changed.values()][0], 'FROM alpine:3.20\nRUN apk add curl\n');
    const [force] = assertFires('FROM debian:bookworm\nRUN apt-get install --force-yes curl\n', RULE, 1);
    assert.strictEqual([...applyFix(force.fixes[0], () => 'FROM debian:bookworm\nRUN apt-get install --force-yes curl\n').values()][0],
      'FROM debian:bookworm\nRUN apt-get install -y curl\n');
  });
});
