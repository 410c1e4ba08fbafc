import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine } from '../helpers';

const RULE = 'shell-form-cmd';

describe(RULE, () => {
  before(initEngine);

  it('fires on CMD and ENTRYPOINT in shell form', () => {
    const [finding] = assertFires('FROM node:20\nCMD node server.js\n', RULE, 1);
    assert.deepStrictEqual(finding.range.start, { line: 1, character: 0 });
    assert.deepStrictEqual(finding.equivalents, ['DL3025', 'JSONArgsRecommended']);
    assertFires('FROM node:20\nENTRYPOINT node server.js\n', RULE, 1);
  });

  it('fires on a compound shell command but offers no rewrite that would change its meaning', () => {
    const [finding] = assertFires('FROM alpine:3.20\nCMD ./migrate && ./serve | tee log\n', RULE, 1);
    assert.deepStrictEqual(finding.fixes, []);
  });

  it('is quiet for exec form, `exec`-prefixed shell form and malformed JSON-looking forms that are exec', () => {
    assertQuiet('FROM node:20\nCMD ["node", "server.js"]\n', RULE);
    assertQuiet('FROM node:20\nCMD exec node server.js --port "$PORT"\n', RULE);
    assertQuiet('FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "a.js"]\n', RULE);
  });

  it('rewrites literal words into exec form, unquoting them', () => {
    const { dockerfile } = assertFixRoundTrip("FROM nginx:1.27\nCMD nginx -g 'daemon off;'\n", RULE);
    assert.strictEqual(dockerfile, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n');
  });

  it('joins continuation lines when rewriting', () => {
    const { dockerfile } = assertFixRoundTrip('FROM node:20\r\nCMD node \\\r\n  server.js\r\n', RULE);
    assert.strictEqual(dockerfile, 'FROM node:20\r\nCMD ["node", "server.js"]\r\n');
  });

  it('prefixes `exec` when the command needs the shell for an expansion', () => {
    const { dockerfile } = assertFixRoundTrip('FROM node:20\nCMD node server.js --port $PORT\n', RULE);
    assert.strictEqual(dockerfile, 'FROM node:20\nCMD exec node server.js --port $PORT\n');
  });
});

describe(`${RULE}: broken JSON`, () => {
  before(initEngine);

  it('explains that an invalid JSON array silently becomes shell form', () => {
    const [stray] = assertFires('FROM mcr.microsoft.com/dotnet/sdk:8.0\nCMD ["dotnet", "run"]]\n', RULE, 1);
    assert.match(stray.message, /not a valid JSON array/);
    const [single] = assertFires("FROM node:20\nCMD ['node', 'a.js']\n", RULE, 1);
    assert.match(single.message, /double quotes/);
  });
});

describe(`${RULE}: other shells and HEALTHCHECK`, () => {
  before(initEngine);

  it('is quiet when SHELL switched to a non-POSIX shell in the stage or a parent stage', () => {
    assertQuiet('FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n', RULE);
    assertQuiet('FROM scratch AS base\nSHELL ["pwsh", "-Command"]\nFROM base\nENTRYPOINT mycommand\n', RULE);
    assertFires('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD mycommand\n', RULE, 1);
  });

  it('reports HEALTHCHECK CMD in shell form as information for DL3025, with an exec-form rewrite', () => {
    const [finding] = assertFires('FROM node:20\nHEALTHCHECK --interval=5s CMD node check.js\nCMD ["node", "a.js"]\n', RULE, 1);
    assert.strictEqual(finding.severity, 'information');
    assert.deepStrictEqual(finding.equivalents, ['DL3025']);
    const { dockerfile } = assertFixRoundTrip('FROM node:20\nHEALTHCHECK --interval=5s CMD node check.js\nCMD ["node", "a.js"]\n', RULE);
    assert.strictEqual(dockerfile, 'FROM node:20\nHEALTHCHECK --interval=5s CMD ["node", "check.js"]\nCMD ["node", "a.js"]\n');
    assertQuiet('FROM node:20\nHEALTHCHECK CMD [ "foobar" ]\nHEALTHCHECK NONE\nCMD ["node", "a.js"]\n', RULE);
    assertQuiet('FROM node:20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["node", "a.js"]\n', RULE);
  });
});
