import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, lintFixture } from '../helpers';

const RULE = 'os-package-unpinned';
const on = (dockerfile: string) => ({ dockerfile, config: { rules: { [RULE]: 'information' as const } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => {
    assert.deepStrictEqual(lintFixture('FROM debian:bookworm\nRUN apt-get install -y curl\n').filter((f) => f.rule === RULE), []);
  });

  it('fires on each unpinned package, at the package, with the manager\'s code', () => {
    const found = assertFires(on('FROM debian:bookworm\nRUN apt-get install -y curl=7.88.1-10 git\n'), RULE, 1);
    assert.deepStrictEqual(found[0].range, { start: { line: 1, character: 38 }, end: { line: 1, character: 41 } });
    assert.strictEqual(found[0].equivalents[0], 'DL3008');
    assert.strictEqual(assertFires(on('FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps flex=2.6.4-r1 libffi\n'), RULE, 1)[0].equivalents[0], 'DL3018');
    assert.strictEqual(assertFires(on('FROM centos:7\nRUN yum install -y tomcat java-1.8.0-openjdk\n'), RULE, 2)[0].equivalents[0], 'DL3033');
    assert.strictEqual(assertFires(on('FROM fedora:40\nRUN dnf install -y rpm-sign\n'), RULE, 1)[0].equivalents[0], 'DL3041');
    assert.strictEqual(assertFires(on('FROM opensuse/leap:15\nRUN zypper install -y tomcat\n'), RULE, 1)[0].equivalents[0], 'DL3037');
    assert.match(assertFires(on('FROM fedora:40\nRUN dnf module install -y nodejs\n'), RULE, 1)[0].message, /<module>:<stream>/);
  });

  it('accepts each manager\'s pin syntax', () => {
    assertQuiet(on('FROM debian:bookworm\nRUN apt-get install -y -t bookworm-backports git=1:2.39.* curl=7.88.1-10\n'), RULE);
    assertQuiet(on('FROM alpine:3.20\nRUN apk add --repository https://x/edge -X https://y flex=2.6.4-r1 "libffi>=3.2" git~2.45\n'), RULE);
    assertQuiet(on('FROM centos:7\nRUN yum install -y gcc-c++-1.1.1 openssl-1:1.1.1k git-core-2.51.0-2.fc42\n'), RULE);
    assertQuiet(on('FROM opensuse/leap:15\nRUN zypper install -y tomcat=9.0.39 tomcat\\>=9.0 tomcat-9.0.39-1.rpm\n'), RULE);
    assertQuiet(on('FROM fedora:40\nRUN dnf -y group install "Development Tools" && dnf module install -y nodejs:20\n'), RULE);
  });

  it('takes version pins given as variables (ARG, ENV, base image, script) as pins', () => {
    assertQuiet(on('FROM debian:bookworm\nARG CURL_VERSION\nRUN apt-get install -y curl=${CURL_VERSION} "git=$GIT_VERSION"\n'), RULE);
    assertQuiet(on('FROM fedora:40\nENV version=2.51.0\nRUN dnf -y install git-core-${version}\n'), RULE);
    assertQuiet(on('ARG V=1\nFROM alpine:3.20 AS a\nFROM alpine:3.20\nRUN apk add curl=$V\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN apt-get install -y $PACKAGES\n'), RULE);
  });

  it('reports a variable pin whose variable is only set in an unrelated stage', () => {
    const [finding] = assertFires(on('FROM fedora:40 AS build\nENV version=2.51.0\nFROM fedora:40\nRUN dnf -y install git-core-${version}\n'), RULE, 1);
    assert.match(finding.message, /not set in this stage/);
  });

  it('does not read .deb/.rpm/.apk files and local paths as package names', () => {
    assertQuiet(on('FROM debian:bookworm\nRUN apt-get install -y ./wkhtmltox_0.12.5-1.bionic_amd64.deb /tmp/x.deb\n'), RULE);
    assertQuiet(on('FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkgs/app.apk\n'), RULE);
    assertQuiet(on('FROM fedora:40\nRUN dnf install -y https://example.com/x.rpm\n'), RULE);
  });

  it('ignores packages in quotes, comments and heredoc bodies handed to another program', () => {
    assertQuiet(on('FROM debian:bookworm\nRUN echo "apt-get install curl" > /notes\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN cat <<EOF > /setup.sh\napt-get install -y curl\nEOF\n'), RULE);
    assertQuiet(on('FROM debian:bookworm\nRUN true \\\n# apt-get install curl\n && true\n'), RULE);
  });
});
