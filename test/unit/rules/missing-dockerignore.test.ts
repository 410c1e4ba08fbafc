import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'missing-dockerignore';
const NODE = { 'package.json': '{}', 'package-lock.json': '{}', '.gitignore': 'node_modules/\n/coverage\n.cache\n' };

describe(RULE, () => {
  before(initEngine);

  it('fires on COPY . . without a .dockerignore, at the COPY', () => {
    const [finding] = assertFires({ dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\n', files: NODE }, RULE, 1);
    assert.strictEqual(finding.range.start.line, 2);
  });

  it('creates a project-aware .dockerignore that keeps what the Dockerfile copies by name', () => {
    const { files } = assertFixRoundTrip({ dockerfile: 'FROM node:20\nCOPY dist/ ./dist/\nCOPY . .\nCMD ["node", "dist/a.js"]\n', files: NODE }, RULE);
    const content = files['.dockerignore'];
    for (const line of ['.git', '.env', '.env.*', '!.env.example', 'node_modules', '*.pem', '**/.cache']) assert.ok(content.split('\n').includes(line), line);
    assert.ok(!content.split('\n').includes('dist'), 'dist is copied by name, so it must not be ignored');
  });

  it('is quiet with a .dockerignore or a <Dockerfile>.dockerignore, or without a whole-context copy', () => {
    assertQuiet({ dockerfile: 'FROM node:20\nCOPY . .\n', files: { ...NODE, '.dockerignore': '.git\n' } }, RULE);
    assertQuiet({ dockerfile: 'FROM node:20\nCOPY . .\n', dockerfilePath: 'api.Dockerfile', files: { ...NODE, 'api.Dockerfile.dockerignore': '.git\n' } }, RULE);
    assertQuiet({ dockerfile: 'FROM node:20\nCOPY package.json ./\n', files: NODE }, RULE);
  });
});
