import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'package-cache-in-image';

describe(RULE, () => {
  before(initEngine);

  it('fires per offending command, at the command, with the manager\'s peer code', () => {
    const found = assertFires('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apk add git || true\n', RULE, 2);
    assert.deepStrictEqual(found.map((f) => f.equivalents[0]), ['DL3009', 'DL3019']);
    // The lists are written by `apt-get update`.
    assert.deepStrictEqual(found[0].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 18 } });
  });

  it('adds the clean-up or the flag to the same RUN', () => {
    assert.strictEqual(assertFixRoundTrip('FROM debian:bookworm-slim\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl\n', RULE).dockerfile,
      'FROM debian:bookworm-slim\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n');
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nRUN apk add curl\n', RULE).dockerfile, 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    assert.strictEqual(assertFixRoundTrip('FROM python:3.12-slim\nRUN python -m pip install -r requirements.txt\n', RULE).dockerfile,
      'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -r requirements.txt\n');
    assert.strictEqual(assertFixRoundTrip('FROM node:20-slim\nRUN npm ci --omit=dev && node -v\n', RULE).dockerfile,
      'FROM node:20-slim\nRUN npm ci --omit=dev && npm cache clean --force && node -v\n');
    assert.strictEqual(assertFixRoundTrip('FROM node:20-slim\nRUN yarn install --production\n', RULE).dockerfile,
      'FROM node:20-slim\nRUN yarn install --production && yarn cache clean\n');
  });

  it('is quiet with a clean-up, a flag, a cache mount or PIP_NO_CACHE_DIR', () => {
    assertQuiet('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n', RULE);
    assertQuiet('FROM alpine:3\nRUN apk add --no-cache curl\n', RULE);
    assertQuiet('FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n', RULE);
    assertQuiet('FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\n', RULE);
    assertQuiet('FROM node:20\nRUN npm ci && npm cache clean --force\n', RULE);
  });

  it('ignores builder stages the final image does not build on, and commands that are not commands', () => {
    assertQuiet('FROM node:20 AS build\nRUN npm ci\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n', RULE);
    assertQuiet('FROM alpine:3\nRUN echo "apk add curl" > notes.txt\n', RULE);
    assertQuiet('FROM alpine:3\nRUN cat <<EOF > /x.sh\napk add curl\nEOF\n', RULE);
  });

  it('reads heredoc scripts', () => {
    assertFires('FROM alpine:3\nRUN <<EOF\napk add curl\nEOF\n', RULE, 1);
  });

  it('covers yum, dnf/microdnf and zypper: one finding per RUN, fixed by one clean-up after the last command', () => {
    const [yum] = assertFires('FROM centos:7\nRUN yum install -y a-1 && yum install -y b-1\n', RULE, 1);
    assert.deepStrictEqual(yum.equivalents.slice(0, 2), ['DL3032', 'DS015']);
    assert.strictEqual(assertFixRoundTrip('FROM centos:7\nRUN yum install -y a-1 && yum install -y b-1\n', RULE).dockerfile,
      'FROM centos:7\nRUN yum install -y a-1 && yum install -y b-1 && yum clean all\n');
    assert.strictEqual(assertFires('FROM fedora:40\nRUN dnf -y upgrade\n', RULE, 1)[0].equivalents[0], 'DL3040');
    assert.strictEqual(assertFixRoundTrip('FROM ubi9-minimal\nRUN microdnf install -y httpd\n', RULE).dockerfile,
      'FROM ubi9-minimal\nRUN microdnf install -y httpd && microdnf clean all\n');
    assert.strictEqual(assertFixRoundTrip('FROM opensuse/leap:15\nRUN zypper -n install httpd\n', RULE).dockerfile,
      'FROM opensuse/leap:15\nRUN zypper -n install httpd && zypper clean --all\n');
    // A clean-up before the install, or by another tool, does not count.
    assertFires('FROM fedora:40\nRUN dnf clean all && dnf install -y x-1\n', RULE, 1);
    assertFires('FROM fedora:40\nRUN dnf install -y x-1 && microdnf clean all\n', RULE, 1);
    assertQuiet('FROM fedora:40\nRUN dnf install -y x-1 && rm -rf /var/cache/dnf\n', RULE);
    assertQuiet('FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y x-1\n', RULE);
    assertQuiet('FROM opensuse/leap:15\nRUN zypper -n install httpd && zypper cc\n', RULE);
  });

  it('counts cache and tmpfs mounts only where they cover the cache', () => {
    assertQuiet('FROM alpine:3\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n', RULE);
    assertFires('FROM alpine:3\nRUN --mount=type=cache,target=/var/cache/foo apk add curl\n', RULE, 1);
    assertQuiet('FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n', RULE);
    // With the docker-clean hook removed, the .deb archives stay unless /var/cache/apt is a mount too.
    assertFires('FROM debian:bookworm\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n', RULE, 1);
    assertFires('FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n', RULE, 1);
  });

  it('reads PIP_NO_CACHE_DIR as pip does: truthy values only, from ENV, the command prefix or an export', () => {
    assertQuiet('FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n', RULE);
    assertQuiet('FROM python:3.12\nRUN PIP_NO_CACHE_DIR=on pip3 install flask\n', RULE);
    assertFires('FROM python:3.12\nRUN PIP_NO_CACHE_DIR=0 pip install flask\n', RULE, 1);
    assertFires('FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n', RULE, 1);
    assertFires('FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=false && pip install flask\n', RULE, 1);
    assertFires('FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask\n', RULE, 1);
    assertQuiet('FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n', RULE);
    assertQuiet('FROM python:3.12\nRUN pipx install black && pipenv install\n', RULE);
    assertQuiet('FROM python:3.12\nRUN pip config set global.no-cache-dir true\nRUN pip install flask\n', RULE);
    assertFires('FROM python:3.12\nRUN pip config set global.no-cache-dir false\nRUN pip install flask\n', RULE, 1);
  });

  it('counts ONBUILD triggers wherever they are: they run in every image built from this one', () => {
    assertFires('FROM node:20 AS base\nONBUILD RUN yarn install\nFROM nginx:1.27\nCOPY --from=base /a /b\n', RULE, 1);
  });

  it('stays quiet where the corpus showed false alarms', () => {
    // `apk add --no-network` fetches no index; old npm spelled the clean-up `cache clear`.
    assertQuiet('FROM alpine:3\nRUN apk add --no-network --virtual .rundeps $runDeps\n', RULE);
    assertQuiet('FROM node:20\nRUN npm install -g npm@10 && npm cache clear\n', RULE);
    // `yarn --version` is a smoke test, not an install.
    assertQuiet('FROM node:20\nRUN yarn --version\n', RULE);
    // A clean-up script of the project after the install may remove the lists: unknown, so quiet.
    assertQuiet('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && /scripts/cleanup.sh\n', RULE);
    // An inline `# comment` in backticks does not hide the clean-up after it.
    assertQuiet('FROM debian:bookworm\nRUN apt-get update \\\n  && apt-get install -y libxslt1-dev `# for lxml` \\\n  curl \\\n  && rm -rf /var/lib/apt/lists/*\n', RULE);
    // …and a script that only reads well without it is still checked (a parse error would make the rule quiet).
    assertFires('FROM debian:bookworm\nRUN apt-get update \\\n  && apt-get install -y libxslt1-dev `# for lxml` \\\n  curl\n', RULE, 1);
  });
});
