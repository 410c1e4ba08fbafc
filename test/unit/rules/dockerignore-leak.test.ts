import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'dockerignore-leak';

describe(RULE, () => {
  before(initEngine);

  it('fires when .dockerignore lets .env, .git, node_modules or keys through, and lists them', () => {
    const [finding] = assertFires({ dockerfile: 'FROM node:20\nCOPY . .\n', files: { 'package.json': '{}', '.dockerignore': 'node_modules\n.env\n' } }, RULE, 1);
    assert.match(finding.message, /\.git \(the whole history\), \.env\.\* files, \*\.pem keys, \*\.key files, SSH private keys/);
  });

  it('appends the missing patterns, handling a missing final newline', () => {
    const { files } = assertFixRoundTrip({ dockerfile: 'FROM node:20\nCOPY . .\n', files: { 'package.json': '{}', '.dockerignore': '.git\n*.pem\n*.key\nid_rsa*' } }, RULE);
    assert.strictEqual(files['.dockerignore'], '.git\n*.pem\n*.key\nid_rsa*\n# Added by Dockhand: keep secrets and local state out of the image\n.env\n.env.*\nnode_modules\n!.env.example\n');
  });

  it('is quiet when everything is excluded, including by wildcard, and without a whole-context copy', () => {
    const complete = '.git\n.env*\n!.env.example\nnode_modules\n*.pem\n*.key\nid_rsa*\n';
    assertQuiet({ dockerfile: 'FROM node:20\nCOPY . .\n', files: { 'package.json': '{}', '.dockerignore': complete } }, RULE);
    assertQuiet({ dockerfile: 'FROM node:20\nCOPY . .\n', files: { 'package.json': '{}', '.dockerignore': '*\n!src\n!package.json\n' } }, RULE);
    assertQuiet({ dockerfile: 'FROM node:20\nCOPY src ./src\n', files: { '.dockerignore': '' } }, RULE);
  });

  it('does not ask to exclude key files the Dockerfile copies by name', () => {
    const [finding] = assertFires({ dockerfile: 'FROM nginx:1\nCOPY certs/site.pem /etc/ssl/\nCOPY . .\n', files: { '.dockerignore': '.git\n.env*\nid_rsa*\n*.key\n' } }, RULE, 0).concat([undefined as never]);
    assert.strictEqual(finding, undefined);
  });
});
