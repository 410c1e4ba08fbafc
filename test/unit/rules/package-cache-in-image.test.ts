import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'package-cache-in-image';

describe(RULE, () => {
  before(initEngine);

  it('fires per offending command, at the command, with the manager\'s peer code', () => {
    const found = assertFires('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apk add git || true\n', RULE, 2);
    assert.deepStrictEqual(found.map((f) => f.equivalents[0]), ['DL3009', 'DL3019']);
    assert.deepStrictEqual(found[0].range, { start: { line: 1, character: 22 }, end: { line: 1, character: 69 } });
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
});
