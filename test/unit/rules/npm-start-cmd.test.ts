import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine, lintFixture } from '../helpers';

const RULE = 'npm-start-cmd';
const pkg = (start: string) => ({ 'package.json': JSON.stringify({ name: 'a', scripts: { start } }) });

describe(RULE, () => {
  before(initEngine);

  it('fires on npm/yarn/pnpm start in exec or shell form', () => {
    assertFires('FROM node:20\nCMD npm start\n', RULE, 1);
    assertFires('FROM node:20\nCMD ["npm", "run", "start"]\n', RULE, 1);
    assertFires('FROM node:20\nENTRYPOINT ["yarn", "start"]\n', RULE, 1);
  });

  it('replaces it with the node command the start script runs', () => {
    assert.strictEqual(assertFixRoundTrip({ dockerfile: 'FROM node:20\nCMD npm start\n', files: pkg('node dist/server.js --port 3000') }, RULE).dockerfile,
      'FROM node:20\nCMD ["node", "dist/server.js", "--port", "3000"]\n');
    assert.strictEqual(assertFixRoundTrip({ dockerfile: 'FROM node:20\nCMD ["npm", "start"]\n', files: { 'package.json': '{"main":"index.js"}' } }, RULE).dockerfile,
      'FROM node:20\nCMD ["node", "index.js"]\n');
  });

  it('offers no fix when the start script is not plain node', () => {
    const [finding] = lintFixture({ dockerfile: 'FROM node:20\nCMD ["npm", "start"]\n', files: pkg('next start') }).filter((f) => f.rule === RULE);
    assert.deepStrictEqual(finding.fixes, []);
    const [withEnv] = lintFixture({ dockerfile: 'FROM node:20\nCMD ["npm", "start"]\n', files: pkg('NODE_ENV=production node a.js && echo') }).filter((f) => f.rule === RULE);
    assert.deepStrictEqual(withEnv.fixes, []);
  });

  it('is quiet for node, other scripts, and builder stages', () => {
    assertQuiet('FROM node:20\nCMD ["node", "server.js"]\n', RULE);
    assertQuiet('FROM node:20\nCMD ["npm", "run", "migrate"]\n', RULE);
    assertQuiet('FROM node:20 AS dev\nCMD ["npm", "start"]\nFROM node:20-slim\nCMD ["node", "a.js"]\n', RULE);
  });
});
