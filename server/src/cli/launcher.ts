import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { isMainThread } from 'worker_threads';

/**
 * `dist/cli.js`: runs the CLI bundle (`dist/cli-bundle.js`) through V8's code cache. Node 20
 * compiles a script's functions the first time they run, every time the CLI starts; a lint run
 * leaves the bytecode of every function it ran in a cache file, so the next run skips compiling
 * them. The cache is keyed by the bundle's content, Node's version and the architecture (V8
 * itself only checks the source's length), lives in a folder only this user can write, and
 * without it (unwritable, rejected, DOCKHAND_CODE_CACHE=0) the CLI runs as it would anyway.
 */

const BUNDLE = path.join(__dirname, 'cli-bundle.js');

/**
 * V8's defaults suit long-lived processes. In a lint run of a few seconds, re-compiling the hot
 * functions of tree-sitter's wasm with the optimizing compiler costs about as much CPU (on other
 * cores) as the whole lint, and never pays back; baseline (Liftoff) code is kept. Set before
 * anything is compiled (the code cache records the flags it was made with).
 */
const V8_FLAGS = ['--liftoff-only'];

function cacheFolder(): string | undefined {
  if (process.env.DOCKHAND_CODE_CACHE === '0') return undefined;
  const folder = path.join(os.tmpdir(), `dockhand-code-cache-${process.getuid?.() ?? 'user'}`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(folder);
    // Bytecode from a cache file runs as it is: only trust a folder nobody else can write to.
    const ours = process.getuid === undefined || stat.uid === process.getuid();
    return stat.isDirectory() && ours && (stat.mode & 0o022) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written through a temporary file and a rename, so a CLI starting meanwhile never reads half of it. */
function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    pruneCaches(path.dirname(file));
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** Caches of other versions (other bundles, other Node versions) kept besides the newest. */
const KEPT_CACHES = 4;
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** Keeps the cache folder bounded: the newest caches, and no temporary file a crashed run left. */
function pruneCaches(folder: string): void {
  const entries = fs.readdirSync(folder).map((name) => {
    const file = path.join(folder, name);
    return { name, file, modified: fs.statSync(file).mtimeMs };
  });
  const caches = entries.filter((e) => /^cli-[0-9a-f]+\.bin$/.test(e.name)).sort((a, b) => b.modified - a.modified);
  const stale = entries.filter((e) => e.name.endsWith('.tmp') && Date.now() - e.modified > STALE_TEMPORARY_MS);
  for (const entry of [...caches.slice(KEPT_CACHES), ...stale]) fs.rmSync(entry.file, { force: true });
}

function launch(): void {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
  const bytes = fs.readFileSync(BUNDLE);
  const folder = cacheFolder();
  const key = createHash('sha1').update(bytes).update(process.version).update(process.arch).digest('hex').slice(0, 20);
  const cacheFile = folder === undefined ? undefined : path.join(folder, `cli-${key}.bin`);
  const cachedData = readCache(cacheFile);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  const script = new vm.Script(wrapper, { filename: BUNDLE, cachedData });
  // Only a lint run makes a cache worth keeping (it has compiled the engine); worker threads share the main thread's.
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected) && isMainThread && process.argv[2] === 'lint') {
    process.once('exit', () => writeCache(cacheFile, script.createCachedData()));
  }
  // The bundle runs as this module: `require.main === module` holds, and lint worker threads start this file.
  script.runInThisContext()(module.exports, require, module, __filename, __dirname);
}

launch();
