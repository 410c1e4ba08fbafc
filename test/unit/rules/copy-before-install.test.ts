import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine, lintFixture } from '../helpers';

const RULE = 'copy-before-install';
const PKG = { 'package.json': '{"name":"a","scripts":{"start":"node server.js"}}', 'package-lock.json': '{}' };

describe(RULE, () => {
  before(initEngine);

  it('fires on COPY . . before npm install, at the COPY', () => {
    const [finding] = assertFires('FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n', RULE, 1);
    assert.strictEqual(finding.range.start.line, 2);
  });

  it('copies the manifests that exist in the context first, then the rest after the install', () => {
    const { dockerfile } = assertFixRoundTrip({ dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n', files: PKG }, RULE);
    assert.strictEqual(dockerfile, 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node . .\nCMD ["node", "server.js"]\n');
  });

  it('falls back to lockfile-tolerant globs when the context is unknown', () => {
    assert.strictEqual(assertFixRoundTrip('FROM node:20\nCOPY . /app\nWORKDIR /app\nRUN yarn install --frozen-lockfile\n', RULE).dockerfile,
      'FROM node:20\nCOPY package.json yarn.lock* /app/\nWORKDIR /app\nRUN yarn install --frozen-lockfile\nCOPY . /app\n');
  });

  it('copies pip requirement files into their folders', () => {
    assert.strictEqual(assertFixRoundTrip('FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install --no-cache-dir -r requirements/prod.txt\n', RULE).dockerfile,
      'FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements/prod.txt ./requirements/\nRUN pip install --no-cache-dir -r requirements/prod.txt\nCOPY . .\n');
    assert.strictEqual(assertFixRoundTrip('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app\n', RULE).dockerfile,
      'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app\n');
  });

  it('reports without a fix when moving the copy could change the build', () => {
    const [buildsToo] = lintFixture('FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(buildsToo.fixes, []);
    const [runBetween] = lintFixture('FROM node:20\nCOPY . .\nRUN ./prepare.sh\nRUN npm ci\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(runBetween.fixes, []);
    const [cargo] = lintFixture('FROM rust:1\nCOPY . .\nRUN cargo build --release\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(cargo.fixes, []);
  });

  it('is quiet when manifests come first, for copies from stages, and without an install', () => {
    assertQuiet('FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n', RULE);
    assertQuiet('FROM node:20 AS build\nFROM node:20\nCOPY --from=build . .\nRUN npm ci\n', RULE);
    assertQuiet('FROM node:20\nCOPY . .\nRUN npm run build\n', RULE);
    assertQuiet('FROM node:20\nCOPY . .\nRUN echo "npm ci"\n', RULE);
    assertQuiet('FROM node:20\nCOPY . .\nRUN npm install express\n', RULE);
  });
});
