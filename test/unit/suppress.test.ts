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

  it('honours file-wide comments and the BuildKit check directive at the top only', () => {
    assert.deepStrictEqual(rules('FROM a:1\nCMD a b\n# dockhand-ignore-file=shell-form-cmd\n'), []);
    assert.deepStrictEqual(rules('FROM a:1\n# hadolint global ignore=DL3025\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('# check=skip=JSONArgsRecommended\nFROM a:1\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a:1\nCMD a b\n'), []);
    assert.deepStrictEqual(rules('FROM a:1\n# check=skip=JSONArgsRecommended\nCMD a b\n'), ['shell-form-cmd:2']);
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
