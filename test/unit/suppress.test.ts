import * as assert from 'assert';
import { initEngine, lint, ignoreFixes, allRuleMetas } from '../../server/src/engine/engine';
import { applyFix } from '../../server/src/engine/fixes';
import { MemoryWorkspace } from '../../server/src/engine/workspace';

const PATH = '/p/Dockerfile';
/** Keeps these tests about suppression: only shell-form-cmd runs, every other rule is off. */
function onlyShellForm(): Record<string, 'off'> {
  const config: Record<string, 'off'> = {};
  for (const meta of allRuleMetas) if (meta.id !== 'shell-form-cmd') config[meta.id] = 'off';
  return config;
}
const findingsOf = (text: string) => lint({ path: PATH, text }, new MemoryWorkspace(), { rules: onlyShellForm() }).findings;
const rules = (text: string) => findingsOf(text).map((f) => `${f.rule}:${f.range.start.line}`);

describe('suppression comments', () => {
  before(initEngine);

  it('honours dockhand-ignore and hadolint ignore on the next instruction only, by id or equivalent', () => {
    assert.deepStrictEqual(rules('FROM a:1\n# dockhand-ignore=shell-form-cmd\nCMD a b\nCMD c d\n'), ['shell-form-cmd:3']);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint ignore=DL3025\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint ignore=DL3001,DL3025\nCMD a \\\n  b\n'), []);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint ignore=crazy\nCMD a b\n'), ['shell-form-cmd:2']);
    assert.deepStrictEqual(rules('# hadolint ignore=DL3025\nFROM a:1\nCMD a b\n'), ['shell-form-cmd:2']);
  });

  it('honours file-wide comments and the BuildKit check directive (file-wide at the top, next instruction below)', () => {
    assert.deepStrictEqual(rules('FROM a:1\nCMD a b\n# dockhand-ignore-file=shell-form-cmd\n'), []);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint global ignore=DL3025\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('# check=skip=JSONArgsRecommended\nFROM a:1\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a:1\nCMD a b\n'), []);
    // Below the directives, BuildKit reads `# check=skip=` for the next instruction only.
    assert.deepStrictEqual(rules('FROM a:1\n# check=skip=JSONArgsRecommended\nCMD a b\nCMD c d\n'), ['shell-form-cmd:3']);
    assert.deepStrictEqual(rules('FROM a:1\n# check=skip=all // local to this one\nCMD a b\nCMD c d\n'), ['shell-form-cmd:3']);
  });

  it('offers ignore actions that silence exactly that finding and keep parser directives first', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM a:1\nCMD a b\nCMD c d\n';
    const finding = findingsOf(text)[0];
    const [line, file] = ignoreFixes({ path: PATH, text }, finding);
    const apply = (fix: typeof line) => applyFix(fix, () => text).get(PATH) ?? '';
    const byLine = apply(line);
    assert.strictEqual(byLine, '# syntax=docker/dockerfile:1\nFROM a:1\n# dockhand-ignore=shell-form-cmd\nCMD a b\nCMD c d\n');
    assert.deepStrictEqual(rules(byLine), ['shell-form-cmd:4']);
    const byFile = apply(file);
    assert.strictEqual(byFile, '# syntax=docker/dockerfile:1\n# dockhand-ignore-file=shell-form-cmd\nFROM a:1\nCMD a b\nCMD c d\n');
    assert.deepStrictEqual(rules(byFile), []);
  });
});

/** Lints with only the given rules on. */
function only(ids: string[], text: string, enableAll = false) {
  const config: Record<string, 'off'> = {};
  for (const meta of allRuleMetas) if (!ids.includes(meta.id)) config[meta.id] = 'off';
  return lint({ path: PATH, text }, new MemoryWorkspace(), { rules: config, enableAll }).findings;
}

describe('suppression comments: peers\' directives in full', () => {
  before(initEngine);

  it('# check=error=true raises build-check findings to errors, and only those', () => {
    const text = '# check=error=true\nFROM a:1 as b\nCMD a b\nRUN sudo true\n';
    const findings = only(['from-as-casing', 'shell-form-cmd', 'sudo-in-run'], text);
    assert.strictEqual(findings.find((f) => f.rule === 'from-as-casing')?.severity, 'error');
    assert.strictEqual(findings.find((f) => f.rule === 'shell-form-cmd')?.severity, 'error');
    const plain = only(['from-as-casing'], 'FROM a:1 as b\n');
    assert.strictEqual(plain[0].severity, 'information');
  });

  it('# check=skip=all skips every build check but not an experimental one turned on by experimental=', () => {
    assert.deepStrictEqual(only(['from-as-casing', 'invalid-definition-description'], '# check=skip=all\n# bar\nARG foo=1\nFROM a:1 as b\n'), []);
    const text = '# check=skip=all;experimental=InvalidDefinitionDescription\n# bar\nARG foo=1\nFROM a:1 as b\n';
    assert.deepStrictEqual(only(['from-as-casing', 'invalid-definition-description'], text).map((f) => f.rule), ['invalid-definition-description']);
    assert.deepStrictEqual(only(['invalid-definition-description'], '# check=experimental=all\n# bar\nARG foo=1\nFROM a:1\n').length, 1);
  });

  it('# hadolint ignore= takes trailing comments and spaces, and is dropped whole when it names an unknown id', () => {
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint ignore=DL3025 # because\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint ignore=DL3001, DL3025\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint ignore=crazy,DL3025\nCMD a b\n'), ['shell-form-cmd:2']);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint ignore=shell-form-cmd\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('# hadolint global ignore = DL3023 , DL3025\nFROM a:1\nCMD a b\n'), []);
  });

  it('# hadolint stage ignore= covers the stage it precedes (or is in), not the others', () => {
    assert.deepStrictEqual(rules('# hadolint stage ignore=DL3025\nFROM a:1\nCMD a b\nFROM a:1\nCMD c d\n'), ['shell-form-cmd:4']);
    assert.deepStrictEqual(rules('FROM a:1\nCMD a b\n# hadolint stage ignore=DL3025\nFROM a:1\nCMD c d\n'), ['shell-form-cmd:1']);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint stage ignore=DL3025\nRUN true\nCMD a b\nFROM a:1\nCMD c d\n'), ['shell-form-cmd:5']);
  });

  it('# dockhand-ignore= and -file= accept our ids and any peer code, several at once', () => {
    assert.deepStrictEqual(rules('FROM a:1\n# dockhand-ignore=JSONArgsRecommended,no-root-user\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('# dockhand-ignore-file=DL3025\nFROM a:1\nCMD a b\n'), []);
  });

  it('# hadolint shell=powershell: RUN is not read as a POSIX shell, so shell rules stay quiet', () => {
    const run = 'RUN apt-get update && apt-get install -y curl\n';
    assert.ok(only(['package-cache-in-image'], `FROM debian:12\n${run}`).length > 0);
    assert.deepStrictEqual(only(['package-cache-in-image'], `# hadolint shell=powershell\nFROM debian:12\n${run}`), []);
    assert.deepStrictEqual(only(['package-cache-in-image'], `FROM debian:12\n# hadolint shell = powershell.exe # windows\n${run}`), []);
    assert.ok(only(['package-cache-in-image'], `# hadolint shell=bash\nFROM debian:12\n${run}`).length > 0);
  });
});
