import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'non-numeric-user';
const on = (dockerfile: string) => ({ dockerfile, config: { enableAll: true } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => {
    assertQuiet('FROM node:20\nUSER node\n', RULE);
  });

  it('fires on user names, with or without a group', () => {
    assertFires(on('FROM node:20\nUSER node\n'), RULE, 1);
    assertFires(on('FROM node:20\nUSER 1000:staff\n'), RULE, 1);
  });

  it('is quiet for numeric ids, variables and Windows images', () => {
    assertQuiet(on('FROM node:20\nUSER 10001\nUSER 1234:5678\nUSER ${APP_UID}\n'), RULE);
    assertQuiet(on('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n'), RULE);
  });

  it('writes root as 0, the one name whose number is known', () => {
    assert.strictEqual(assertFixRoundTrip(on('FROM node:20\nUSER root:root\n'), RULE).dockerfile, 'FROM node:20\nUSER 0:0\n');
    assert.deepStrictEqual(assertFires(on('FROM node:20\nUSER node\n'), RULE, 1)[0].fixes, []);
  });
});
