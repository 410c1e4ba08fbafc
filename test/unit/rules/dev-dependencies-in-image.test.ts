import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'dev-dependencies-in-image';

describe(RULE, () => {
  before(initEngine);

  it('fires on npm ci / yarn install / pnpm install in the final image', () => {
    assertFires('FROM node:20-slim\nRUN npm ci\nCMD ["node", "a.js"]\n', RULE, 1);
    assertFires('FROM node:20-slim\nRUN yarn install --frozen-lockfile\n', RULE, 1);
    assertFires('FROM node:20-slim\nRUN corepack enable && pnpm install --frozen-lockfile\n', RULE, 1);
  });

  it('adds the production flag after the subcommand', () => {
    assert.strictEqual(assertFixRoundTrip('FROM node:20-slim\nRUN npm ci && npm cache clean --force\n', RULE).dockerfile,
      'FROM node:20-slim\nRUN npm ci --omit=dev && npm cache clean --force\n');
    assert.strictEqual(assertFixRoundTrip('FROM node:20-slim\nRUN pnpm install --frozen-lockfile\n', RULE).dockerfile,
      'FROM node:20-slim\nRUN pnpm install --prod --frozen-lockfile\n');
  });

  it('is quiet with the flags, NODE_ENV=production, before a build or prune, and in builder stages', () => {
    assertQuiet('FROM node:20\nRUN npm ci --omit=dev\n', RULE);
    assertQuiet('FROM node:20\nRUN npm install --production\n', RULE);
    assertQuiet('FROM node:20\nENV NODE_ENV=production\nRUN npm ci\n', RULE);
    assertQuiet('FROM node:20\nRUN NODE_ENV=production npm ci\n', RULE);
    assertQuiet('FROM node:20\nRUN npm ci\nCOPY . .\nRUN npm run build\n', RULE);
    assertQuiet('FROM node:20\nRUN npm ci && npm run build && npm prune --omit=dev\n', RULE);
    assertQuiet('FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\n', RULE);
    assertQuiet('FROM node:20\nRUN npm install -g pm2\n', RULE);
  });
});
