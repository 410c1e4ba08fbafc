import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'npm-version-unpinned';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => assertQuiet('FROM node:20\nRUN npm install -g typescript\n', RULE));

  it('fires on unpinned packages, scoped ones and git urls without a commit', () => {
    const [finding] = assertFires(on('FROM node:20\nRUN npm install --registry https://r.example express sax@0.1.1\n'), RULE, 1);
    assert.match(finding.message, /`express`/);
    assert.deepStrictEqual(finding.equivalents, ['DL3016']);
    assertFires(on('FROM node:20\nRUN npm i -g @angular/cli\n'), RULE, 1);
    assertFires(on('FROM node:20\nRUN npm install git+https://github.com/npm/npm.git\n'), RULE, 1);
  });

  it('is quiet for the project install, versions, tags, tarballs, folders and npm run', () => {
    for (const line of ['npm install', 'npm ci', 'npm install --production', 'npm install express@4.1.1', 'npm install @org/pkg@">=0.1.0"',
      'npm install -g npm@latest', 'npm install ./pkg.tgz', 'npm install ../lib', 'npm install git+https://x/y.git#v1', 'npm run --crazy install']) {
      assertQuiet(on(`FROM node:20\nRUN ${line}\n`), RULE);
    }
  });
});
