import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'package-manager-prompt';

describe(RULE, () => {
  before(initEngine);

  it('fires on installs that would ask for a confirmation, at the command and its action, with the manager\'s code', () => {
    const [apt] = assertFires('FROM debian:bookworm\nRUN apt-get update && apt-get install curl\n', RULE, 1);
    assert.deepStrictEqual(apt.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 37 } });
    assert.ok(apt.equivalents.includes('DL3014'));
    assert.deepStrictEqual(assertFires('FROM centos:7\nRUN yum install httpd && yum clean all\n', RULE, 1)[0].equivalents[0], 'DL3030');
    assert.deepStrictEqual(assertFires('FROM fedora:40\nRUN dnf install httpd\n', RULE, 1)[0].equivalents[0], 'DL3038');
    assert.deepStrictEqual(assertFires('FROM opensuse/leap:15\nRUN zypper install httpd\n', RULE, 1)[0].equivalents[0], 'DL3034');
    assertFires('FROM debian:bookworm\nRUN apt-get install -q curl\n', RULE, 1);
    assertFires('FROM debian:bookworm\nRUN sudo apt-get remove curl\n', RULE, 1);
    assertFires('FROM debian:bookworm\nRUN sh -c "apt-get install curl"\n', RULE, 1);
    assertFires('FROM debian:bookworm\nONBUILD RUN apt-get install curl\n', RULE, 1);
  });

  it('reports microdnf at information: microdnf 3 assumes yes, the dnf5-based one asks', () => {
    const [finding] = assertFires('FROM redhat/ubi9-minimal\nRUN microdnf install httpd\n', RULE, 1);
    assert.strictEqual(finding.severity, 'information');
  });

  it('is quiet with -y, --yes, --assume-yes, -qq, -q=2, zypper -n/--non-interactive, an apt/yum config that says yes', () => {
    for (const run of ['apt-get install -y curl', 'apt-get -yq install curl', 'apt-get --yes install curl', 'apt-get --assume-yes install curl',
      'apt-get install -qq curl', 'apt-get install -q -q curl', 'apt-get install -q=2 curl', 'apt-get install --quiet --quiet curl',
      'apt-get -o APT::Get::Assume-Yes=true install curl', 'apt-get update', 'yum install -y httpd', 'dnf -y install httpd',
      'zypper -n install httpd', 'zypper --non-interactive install httpd', 'zypper install -y httpd', 'zypper install --no-confirm httpd']) {
      assertQuiet(`FROM debian:bookworm\nRUN ${run}\n`, RULE);
    }
    assertQuiet('FROM debian:bookworm\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n', RULE);
    assertQuiet('FROM centos:7\nRUN echo "assumeyes=1" >> /etc/yum.conf && yum install httpd\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN yes | apt-get install curl\n', RULE);
    assertQuiet('FROM opensuse/leap:15\nRUN echo y | zypper install httpd\n', RULE);
    assertFires('FROM debian:bookworm\nRUN yes && apt-get install curl\n', RULE, 1);
  });

  it('ignores commands that are not commands: quoted text, comments, heredoc bodies handed to another program', () => {
    assertQuiet('FROM debian:bookworm\nRUN echo "apt-get install curl" > /notes\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN cat <<EOF > /setup.sh\napt-get install curl\nEOF\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN true \\\n# apt-get install curl\n && echo done\n', RULE);
  });

  it('adds -y after the action (zypper: -n after the command)', () => {
    assert.strictEqual(assertFixRoundTrip('FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends curl\n', RULE).dockerfile,
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n');
    assert.strictEqual(assertFixRoundTrip('FROM fedora:40\nRUN dnf module install nodejs:20\n', RULE).dockerfile, 'FROM fedora:40\nRUN dnf module install -y nodejs:20\n');
    assert.strictEqual(assertFixRoundTrip('FROM opensuse/leap:15\nRUN zypper install httpd\n', RULE).dockerfile, 'FROM opensuse/leap:15\nRUN zypper -n install httpd\n');
  });
});
