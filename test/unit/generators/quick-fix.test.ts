import * as assert from 'assert';
import * as path from 'path';
import { initEngine, lint } from '../../../server/src/engine/engine';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';
import { applyFix } from '../../../server/src/engine/fixes';
import { PROJECTS } from './fixtures';

const ROOT = path.resolve('/project');
const DOCKERFILE = path.join(ROOT, 'Dockerfile');

describe('single-stage-build offers a generated multi-stage Dockerfile', () => {
  before(initEngine);

  function setup(files: Record<string, string>, dockerfile: string) {
    const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([n, c]) => [path.join(ROOT, n), c])), [ROOT]);
    ws.set(DOCKERFILE, dockerfile);
    return ws;
  }

  it('as a second, non-preferred fix that yields a file with no finding', () => {
    const ws = setup(PROJECTS['node-ts-prisma'], 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n');
    ws.set(path.join(ROOT, '.dockerignore'), 'node_modules\n.git\n.env\n');
    const finding = lint({ path: DOCKERFILE, text: ws.readFile(DOCKERFILE)! }, ws, {}).findings.find((f) => f.rule === 'single-stage-build');
    assert.ok(finding);
    const generated = finding.fixes.find((f) => /generated from the project/.test(f.title));
    assert.ok(generated && !generated.isPreferred);
    assert.ok(finding.fixes.some((f) => f.isPreferred), 'the in-place split stays the preferred fix');
    const fixed = applyFix(generated, (f) => ws.readFile(f)).get(DOCKERFILE)!;
    assert.match(fixed, /^# syntax=docker\/dockerfile:1\n/);
    assert.deepStrictEqual(lint({ path: DOCKERFILE, text: fixed }, ws, {}).findings.filter((f) => f.rule !== 'dockerignore-leak').map((f) => f.rule), []);
  });

  it('not offered when the folder is no project the generator knows', () => {
    const ws = setup({}, 'FROM node:20\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/a.js"]\n');
    const finding = lint({ path: DOCKERFILE, text: ws.readFile(DOCKERFILE)! }, ws, {}).findings.find((f) => f.rule === 'single-stage-build');
    assert.ok(finding && !finding.fixes.some((f) => /generated/.test(f.title)));
  });
});

describe('compose-missing-file offers a generated Dockerfile for a missing build.dockerfile', () => {
  before(initEngine);

  it('as a non-preferred fix creating the file', () => {
    const compose = path.join(ROOT, 'compose.yaml');
    const text = 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n';
    const ws = new MemoryWorkspace(Object.fromEntries(Object.entries({ ...PROJECTS['go'], 'compose.yaml': text }).map(([n, c]) => [path.join(ROOT, n), c])), [ROOT]);
    const finding = lint({ path: compose, text }, ws, {}).findings.find((f) => f.rule === 'compose-missing-file');
    assert.ok(finding);
    const fix = finding.fixes.find((f) => /generated from the project/.test(f.title));
    assert.ok(fix && !fix.isPreferred);
    const created = applyFix(fix, (f) => ws.readFile(f)).get(path.join(ROOT, 'Dockerfile.prod'))!;
    assert.match(created, /FROM golang:1\.22 AS build/);
  });
});
