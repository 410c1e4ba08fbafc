import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine, lintFixture } from '../helpers';

const RULE = 'missing-healthcheck';

describe(RULE, () => {
  before(initEngine);

  it('fires on a service image (CMD and EXPOSE) without HEALTHCHECK, at the final FROM', () => {
    const [finding] = assertFires('FROM nginx:1.27-alpine\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n', RULE, 1);
    assert.strictEqual(finding.range.start.line, 0);
  });

  it('probes with busybox wget on Alpine, before CMD', () => {
    assert.strictEqual(assertFixRoundTrip('FROM nginx:1.27-alpine\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n', RULE).dockerfile,
      'FROM nginx:1.27-alpine\nEXPOSE 80\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD wget -q --spider http://127.0.0.1:80/ || exit 1\nCMD ["nginx", "-g", "daemon off;"]\n');
  });

  it('uses node itself on node images and resolves the port through ENV', () => {
    const { dockerfile } = assertFixRoundTrip('FROM node:20-slim\nENV PORT=8080\nEXPOSE $PORT\nUSER node\nCMD ["node", "server.js"]\n', RULE);
    assert.match(dockerfile, /HEALTHCHECK .* CMD \["node", "-e", "require\('http'\)\.get\('http:\/\/127\.0\.0\.1:8080\/'/);
  });

  it('uses curl when a RUN installs it, python on python images', () => {
    assert.match(assertFixRoundTrip('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nEXPOSE 9000\nCMD ["app"]\n', RULE).dockerfile,
      /CMD curl -fsS http:\/\/127\.0\.0\.1:9000\/ > \/dev\/null \|\| exit 1\n/);
    assert.match(assertFixRoundTrip('FROM python:3.12-slim\nEXPOSE 8000\nCMD ["gunicorn", "app:app"]\n', RULE).dockerfile, /CMD \["python", "-c", "import sys, urllib\.request/);
  });

  it('offers no fix where no probe tool is known (distroless) or the port is unknown', () => {
    const [distroless] = lintFixture('FROM gcr.io/distroless/static-debian12\nEXPOSE 8080\nCMD ["/app"]\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(distroless.fixes, []);
    const [unknown] = lintFixture('FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\nCMD ["app"]\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(unknown.fixes, []);
  });

  it('is quiet with a HEALTHCHECK (own, inherited or NONE), without EXPOSE or CMD, or when Compose defines one', () => {
    assertQuiet('FROM alpine:3.20\nEXPOSE 80\nHEALTHCHECK CMD true\nCMD ["app"]\n', RULE);
    assertQuiet('FROM alpine:3.20 AS base\nHEALTHCHECK NONE\nFROM base\nEXPOSE 80\nCMD ["app"]\n', RULE);
    assertQuiet('FROM alpine:3.20\nCMD ["app"]\n', RULE);
    assertQuiet('FROM alpine:3.20\nEXPOSE 80\n', RULE);
    assertQuiet({
      dockerfile: 'FROM alpine:3.20\nEXPOSE 80\nCMD ["app"]\n',
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    healthcheck:\n      test: ["CMD", "true"]\n' },
    }, RULE);
  });
});
