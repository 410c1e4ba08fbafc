import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { folder, requireCli, run } from './cli/run';

/** The launcher's cache folder when the temporary folder is `tmp`. */
function cacheFolder(tmp: string): string {
  return path.join(tmp, `dockhand-code-cache-${process.getuid?.() ?? 'user'}`);
}

function cacheFiles(tmp: string): string[] {
  const dir = cacheFolder(tmp);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')).map((f) => path.join(dir, f)) : [];
}

describe('CLI code cache', function () {
  this.timeout(60000);
  before(requireCli);

  const project = () => folder({ Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD node a.js\n', 'compose.yaml': 'services:\n  a:\n    build: .\n' });
  const lint = (dir: string, tmp: string, env: NodeJS.ProcessEnv = {}) => run(['lint', '.', '--format', 'json'], dir, { env: { TMPDIR: tmp, ...env } });

  it('is written by a lint run, used by the next, and changes nothing in the output', () => {
    const dir = project();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-tmp-'));
    assert.strictEqual(run(['--version'], dir, { env: { TMPDIR: tmp } }).code, 0);
    assert.deepStrictEqual(cacheFiles(tmp), [], 'only a lint run writes the cache');
    const first = lint(dir, tmp);
    const [cache] = cacheFiles(tmp);
    assert.ok(cache, 'the first lint run should leave a cache');
    assert.strictEqual(fs.statSync(cache).mode & 0o077, 0, 'the cache should be private');
    const written = fs.statSync(cache).mtimeMs;
    const second = lint(dir, tmp);
    assert.deepStrictEqual(second, first);
    assert.strictEqual(fs.statSync(cache).mtimeMs, written, 'an accepted cache is not rewritten');
    assert.deepStrictEqual(lint(dir, tmp, { DOCKHAND_CODE_CACHE: '0' }), first);
    assert.ok(first.stdout.includes('"shell-form-cmd"'));
  });

  it('replaces a corrupt cache and ignores a folder others can write to', () => {
    const dir = project();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-tmp-'));
    const expected = lint(dir, tmp, { DOCKHAND_CODE_CACHE: '0' });
    lint(dir, tmp);
    const [cache] = cacheFiles(tmp);
    fs.writeFileSync(cache, Buffer.alloc(4096, 7));
    assert.deepStrictEqual(lint(dir, tmp), expected);
    assert.notDeepStrictEqual(fs.readFileSync(cache), Buffer.alloc(4096, 7), 'a rejected cache is written again');

    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-tmp-'));
    fs.mkdirSync(cacheFolder(shared));
    fs.chmodSync(cacheFolder(shared), 0o777);
    assert.deepStrictEqual(lint(dir, shared), expected);
    assert.deepStrictEqual(cacheFiles(shared), []);
  });

  it('keeps the newest few caches of other versions and no stale temporary files', () => {
    const dir = project();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-tmp-'));
    const folderPath = cacheFolder(tmp);
    fs.mkdirSync(folderPath, { mode: 0o700 });
    const old = Date.now() / 1000 - 3600;
    for (let i = 0; i < 6; i++) {
      const file = path.join(folderPath, `cli-${'0'.repeat(19)}${i}.bin`);
      fs.writeFileSync(file, 'other version');
      fs.utimesSync(file, old + i, old + i);
    }
    fs.writeFileSync(path.join(folderPath, 'cli-0.bin.123.tmp'), 'crashed run');
    fs.utimesSync(path.join(folderPath, 'cli-0.bin.123.tmp'), old, old);
    lint(dir, tmp);
    const left = fs.readdirSync(folderPath).sort();
    assert.strictEqual(left.length, 4, left.join(', '));
    assert.ok(!left.some((name) => name.endsWith('.tmp')));
    assert.ok(left.includes(`cli-${'0'.repeat(19)}5.bin`) && left.includes(`cli-${'0'.repeat(19)}3.bin`), 'the newest other caches are kept');
  });

  it('runs without a cache when the temporary folder cannot be used', () => {
    const dir = project();
    const expected = lint(dir, fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-tmp-')), { DOCKHAND_CODE_CACHE: '0' });
    const missing = path.join(os.tmpdir(), 'dockhand-no-such-folder', 'file-not-folder');
    fs.mkdirSync(path.dirname(missing), { recursive: true });
    fs.writeFileSync(missing, '');
    assert.deepStrictEqual(lint(dir, missing), expected);
  });
});
