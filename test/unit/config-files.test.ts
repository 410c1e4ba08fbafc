import * as assert from 'assert';
import { loadConfigFiles, mergeConfig } from '../../server/src/engine/config-files';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { initEngine, lint } from '../../server/src/engine/engine';
import type { LintConfig } from '../../server/src/engine/config';

describe('config files', () => {
  it('reads .hadolint.yaml: ignored, override levels, trusted registries, failure threshold', () => {
    const ws = new MemoryWorkspace({
      '/repo/.hadolint.yaml': 'ignored: [DL3008]\noverride:\n  error: [DL3002]\n  info: [DL3025]\n  style: [DL3059]\ntrustedRegistries:\n  - docker.io\nfailure-threshold: warning\n',
      '/repo/app/Dockerfile': 'FROM a\n',
    }, ['/repo']);
    const { config, sources, errors } = loadConfigFiles('/repo/app/Dockerfile', ws);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(sources, ['/repo/.hadolint.yaml']);
    assert.deepStrictEqual(config.rules, { DL3008: 'off', DL3002: 'error', DL3025: 'information', DL3059: 'hint' });
    assert.deepStrictEqual(config.trustedRegistries, ['docker.io']);
    assert.strictEqual(config.failLevel, 'warning');
  });

  it('lets the nearest .dockhand.yaml win over .hadolint.yaml, rule by rule', () => {
    const ws = new MemoryWorkspace({
      '/repo/.hadolint.yml': 'ignored: [DL3008, DL3025]\n',
      '/repo/svc/.dockhand.yaml': 'rules:\n  DL3025: error\n  no-root-user: off\nenable-all: true\n',
      '/repo/svc/Dockerfile': 'FROM a\n',
    }, ['/repo']);
    const { config } = loadConfigFiles('/repo/svc/Dockerfile', ws);
    assert.deepStrictEqual(config.rules, { DL3008: 'off', DL3025: 'error', 'no-root-user': 'off' });
    assert.strictEqual(config.enableAll, true);
  });

  it('does not look above the workspace roots', () => {
    const ws = new MemoryWorkspace({ '/outside/.dockhand.yaml': 'rules: {x: off}\n', '/outside/repo/Dockerfile': 'FROM a\n' }, ['/outside/repo']);
    assert.deepStrictEqual(loadConfigFiles('/outside/repo/Dockerfile', ws).sources, []);
  });

  it('reports broken files and bad values with what to do, and keeps the good parts', () => {
    const ws = new MemoryWorkspace({
      '/r/.dockhand.yaml': 'rules:\n  no-root-user: loud\n  DL3025: warning\n',
      '/r/.hadolint.yaml': 'ignored: [DL3008\n',
      '/r/Dockerfile': 'FROM a\n',
    }, ['/r']);
    const { config, errors } = loadConfigFiles('/r/Dockerfile', ws);
    assert.deepStrictEqual(config.rules, { DL3025: 'warning' });
    assert.strictEqual(errors.length, 2);
    assert.match(errors.find((e) => e.path.endsWith('.hadolint.yaml'))!.message, /fix the syntax/);
    assert.match(errors.find((e) => e.path.endsWith('.dockhand.yaml'))!.message, /`loud` is not a severity/);
  });

  it('merges settings over file config key by key', () => {
    assert.deepStrictEqual(mergeConfig({ rules: { a: 'off', b: 'error' }, enableAll: true }, { rules: { b: 'hint' } }),
      { rules: { a: 'off', b: 'hint' }, enableAll: true });
  });
});

describe('config files: label schema', () => {
  it('reads label-schema and strict-labels from .hadolint.yaml and .dockhand.yaml, and reports unknown kinds', () => {
    const ws = new MemoryWorkspace({
      '/r/.hadolint.yaml': 'label-schema:\n  author: text\n  url: Url\n  when: nonsense\nstrict-labels: true\n',
      '/r/Dockerfile': 'FROM a\n',
    }, ['/r']);
    const { config, errors } = loadConfigFiles('/r/Dockerfile', ws);
    assert.deepStrictEqual(config.labelSchema, { author: 'text', url: 'Url' });
    assert.strictEqual(config.strictLabels, true);
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0].message, /`nonsense` is not a label kind/);
    const ours = new MemoryWorkspace({ '/s/.dockhand.yaml': 'label-schema: {version: semver}\nstrict-labels: false\n', '/s/Dockerfile': 'FROM a\n' }, ['/s']);
    assert.deepStrictEqual(loadConfigFiles('/s/Dockerfile', ours).config.labelSchema, { version: 'semver' });
    assert.strictEqual(loadConfigFiles('/s/Dockerfile', ours).config.strictLabels, false);
  });
});

describe('config: peer codes judged finding by finding', () => {
  before(initEngine);
  const findings = (text: string, rules: LintConfig['rules']) =>
    lint({ path: '/p/Dockerfile', text }, new MemoryWorkspace({ '/p/Dockerfile': text }, ['/p']), { rules }).findings.filter((f) => f.rule === 'unpinned-base-image');

  it('turns off only the findings of an ignored code when a rule carries several (ignored: [DL3007])', () => {
    assert.strictEqual(findings('FROM node:latest\n', { DL3007: 'off' }).length, 0);
    assert.strictEqual(findings('FROM node\n', { DL3007: 'off' }).length, 1);
    assert.strictEqual(findings('FROM node\n', { DL3006: 'off', DL3007: 'off' }).length, 0);
    assert.strictEqual(findings('FROM node\n', { 'unpinned-base-image': 'off' }).length, 0);
  });

  it('re-levels only the findings of an overridden code, and the rule id wins over codes', () => {
    assert.strictEqual(findings('FROM node\n', { DL3006: 'error' })[0].severity, 'error');
    assert.strictEqual(findings('FROM node:latest\n', { DL3006: 'error' })[0].severity, 'warning');
    assert.strictEqual(findings('FROM node:latest\n', { DL3007: 'off', 'unpinned-base-image': 'information' })[0].severity, 'information');
  });

  it('turns on a rule that is off by default through a peer code', () => {
    const text = 'FROM debian:12\nUSER app\n';
    const on = lint({ path: '/p/Dockerfile', text }, new MemoryWorkspace({ '/p/Dockerfile': text }, ['/p']), { rules: { DL3066: 'warning' } }).findings;
    assert.deepStrictEqual(on.filter((f) => f.rule === 'non-numeric-user').map((f) => f.severity), ['warning']);
  });
});
