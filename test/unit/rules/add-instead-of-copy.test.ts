import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'add-instead-of-copy';

describe(RULE, () => {
  before(initEngine);

  it('fires on ADD of local files and folders, at the keyword', () => {
    const [finding] = assertFires('FROM node:20\nADD package.json /app/\n', RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.ok(finding.equivalents.includes('DL3020') && finding.equivalents.includes('CKV_DOCKER_4'));
    assertFires('FROM node:20\nADD file.zip /app/\n', RULE, 1);
  });

  it('is quiet for archives to unpack, URLs and git sources', () => {
    assertQuiet('FROM debian:12\nADD rootfs.tar.gz /\nADD "file.tgz" /x/\nADD data.xz /d/\n', RULE);
    assertQuiet('FROM debian:12\nADD https://example.com/a.txt /a\nADD git@github.com:a/b.git /src\nADD --checksum=sha256:abc https://x.org/f /f\n', RULE);
  });

  it('replaces ADD with COPY, keeping flags', () => {
    const { dockerfile } = assertFixRoundTrip('FROM node:20\nADD --chown=node:node . /app\n', RULE);
    assert.strictEqual(dockerfile, 'FROM node:20\nCOPY --chown=node:node . /app\n');
  });

  it('offers no rewrite when an archive or URL is among the sources', () => {
    const [finding] = assertFires('FROM debian:12\nADD conf.ini app.tar.gz /opt/\n', RULE, 1);
    assert.deepStrictEqual(finding.fixes, []);
  });
});
