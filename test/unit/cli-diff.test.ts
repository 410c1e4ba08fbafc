import * as assert from 'assert';
import * as fc from 'fast-check';
import { unifiedDiff } from '../../server/src/cli/diff';

/**
 * Applies a unified diff strictly (context and removed lines must match exactly, hunks in
 * order), the way `patch` does without fuzz: the oracle for the property below.
 */
function applyPatch(before: string, diff: string): string {
  if (diff === '') return before;
  const oldLines = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  const lines = diff.split('\n');
  assert.match(lines[0], /^--- /);
  assert.match(lines[1], /^\+\+\+ /);
  let cursor = 0;
  let i = 2;
  while (i < lines.length && lines[i] !== '') {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]);
    assert.ok(header, `bad hunk header: ${lines[i]}`);
    const oldStart = Number(header[1]);
    const oldCount = Number(header[2]);
    const start = oldCount === 0 ? oldStart : oldStart - 1;
    assert.ok(start >= cursor, 'hunks in order');
    out.push(...oldLines.slice(cursor, start));
    cursor = start;
    i++;
    let seenOld = 0;
    while (i < lines.length && /^[ +-]/.test(lines[i])) {
      const kind = lines[i][0];
      let text = lines[i].slice(1) + '\n';
      if (lines[i + 1] === '\\ No newline at end of file') {
        text = text.slice(0, -1);
        i++;
      }
      if (kind !== '+') {
        assert.strictEqual(oldLines[cursor], text, `line ${cursor + 1} should be ${JSON.stringify(text)}`);
        cursor++;
        seenOld++;
      }
      if (kind !== '-') out.push(text);
      i++;
    }
    assert.strictEqual(seenOld, oldCount, 'old line count in the header');
  }
  out.push(...oldLines.slice(cursor));
  return out.join('');
}

describe('unified diff', () => {
  it('prints a minimal hunk with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    assert.strictEqual(unifiedDiff('x', 'x', before, after), '--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
  });

  it('marks a missing final newline, and diffs a new file against /dev/null', () => {
    assert.strictEqual(unifiedDiff('x', 'x', 'a', 'a\n'), '--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n');
    assert.strictEqual(unifiedDiff(undefined, 'y', '', 'one\ntwo\n'), '--- /dev/null\n+++ b/y\n@@ -0,0 +1,2 @@\n+one\n+two\n');
    assert.strictEqual(unifiedDiff('x', 'x', 'same\n', 'same\n'), '');
  });

  it('splits distant changes into separate hunks', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}\n`);
    const after = [...lines];
    after[2] = 'changed 2\n';
    after[25] = 'changed 25\n';
    const diff = unifiedDiff('x', 'x', lines.join(''), after.join(''));
    assert.strictEqual(diff.match(/^@@/gm)?.length, 2);
    assert.strictEqual(applyPatch(lines.join(''), diff), after.join(''));
  });

  it('always produces a patch that turns the old text into the new one', () => {
    const text = fc.array(fc.constantFrom('FROM a\n', 'RUN x\n', 'RUN y\n', 'USER u\n', '\n', 'CMD z', 'CMD z\n', 'x\r\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        assert.strictEqual(applyPatch(before, unifiedDiff('f', 'f', before, after)), after);
      }),
      { numRuns: 500 },
    );
  });
});
