import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'no-root-user';

describe(RULE, () => {
  before(initEngine);

  it('fires when the final stage has no USER, on its FROM line', () => {
    const [finding] = assertFires('FROM node:20-slim\nCOPY . .\nCMD ["node", "a.js"]\n', RULE, 1);
    assert.strictEqual(finding.range.start.line, 0);
    assert.match(finding.message, /No USER instruction/);
  });

  it('fires on an explicit final USER root (DL3002), there', () => {
    const [finding] = assertFires('FROM alpine:3.20\nUSER app\nRUN id\nUSER root\nCMD ["app"]\n', RULE, 1);
    assert.strictEqual(finding.range.start.line, 3);
  });

  it('uses the image\'s own user for node images, before CMD', () => {
    const { dockerfile } = assertFixRoundTrip('FROM node:20-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "a.js"]\n', RULE);
    assert.strictEqual(dockerfile, 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nUSER node\nCMD ["node", "a.js"]\n');
  });

  it('creates a user with the Alpine or Debian tools, and switches back to an earlier user', () => {
    assert.strictEqual(assertFixRoundTrip('FROM python:3.12-alpine\nCOPY . .\nCMD ["python", "app.py"]\n', RULE).dockerfile,
      'FROM python:3.12-alpine\nCOPY . .\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["python", "app.py"]\n');
    assert.strictEqual(assertFixRoundTrip('FROM python:3.12-slim\r\nCOPY . .\r\nCMD ["python", "app.py"]\r\n', RULE).dockerfile,
      'FROM python:3.12-slim\r\nCOPY . .\r\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\r\nUSER app\r\nCMD ["python", "app.py"]\r\n');
    assert.strictEqual(assertFixRoundTrip('FROM alpine:3.20\nUSER app\nUSER root\nRUN apk add --no-cache curl\nCMD ["app"]\n', RULE).dockerfile,
      'FROM alpine:3.20\nUSER app\nUSER root\nRUN apk add --no-cache curl\nUSER app\nCMD ["app"]\n');
    assert.strictEqual(assertFixRoundTrip('FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', RULE).dockerfile,
      'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nUSER 65534:65534\nENTRYPOINT ["/app"]\n');
  });

  it('looks through the stages the final stage is built on', () => {
    assertQuiet('FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node", "a.js"]\n', RULE);
    assertFires('FROM node:20 AS base\nUSER node\nFROM base\nUSER root\nCMD ["node", "a.js"]\n', RULE, 1);
  });

  it('is quiet where running as root is deliberate or unknowable', () => {
    assertQuiet('FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n', RULE);
    assertQuiet('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n', RULE);
    assertQuiet('FROM alpine:3.20\nRUN apk add --no-cache su-exec\nCMD ["redis-server"]\n', RULE);
    assertQuiet('FROM debian:bookworm\nCMD ["bash"]\n', RULE);
    assertQuiet('FROM python:3.12\nRUN pip install poetry\n', RULE);
    assertQuiet('FROM docker:27-dind\nCMD ["dockerd"]\n', RULE);
    assertQuiet('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n', RULE);
    assertQuiet('FROM mcr.microsoft.com/dotnet/framework/runtime:4.8.1\nENTRYPOINT ["app.exe"]\n', RULE);
  });
});

describe(`${RULE}: Compose build target`, () => {
  before(initEngine);
  const dockerfile = 'FROM node:20-slim AS prod\nUSER node\nCMD ["node", "a.js"]\nFROM node:20-slim AS dev\nCMD ["node", "a.js"]\n';
  it('judges the stage the Compose service builds, not the last one', () => {
    assertQuiet({ dockerfile, files: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: prod\n' } }, RULE);
    assertFires({ dockerfile, files: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: dev\n' } }, RULE, 1);
    assertFires(dockerfile, RULE, 1);
  });
});
