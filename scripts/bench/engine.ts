import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { validate as dockerfileUtilsValidate } from 'dockerfile-utils';
import { lint } from '../../server/src/engine/engine';
import { clearShellCache } from '../../server/src/engine/dockerfile/shell';
import { clearParseCache } from '../../server/src/engine/dockerfile/parse-cache';
import { MemoryWorkspace, type Workspace } from '../../server/src/engine/workspace';
import { corpusWorkspace } from '../../test/corpus/corpus';
import { corpusFiles, generateCompose, generateDockerfile, typingLine } from './inputs';
import { timePasses, type PassTimes } from './corpus-passes';
import { type Recorder, now, summary, sum, percentile } from './stats';

/** In-process figures: the engine over the corpus and per keystroke, beside dockerfile-utils and dockerfile-ast. */

const ALL_RULES = { enableAll: true };

/**
 * The corpus at its original paths, listed the way the server's disk workspace lists folders (once,
 * then from its cache): the tests' in-memory workspace scans every file for each listing, which
 * would be measured as Dockhand's time. Same answers otherwise, every /corpus path included.
 */
class IndexedCorpus implements Workspace {
  readonly roots = ['/corpus'];
  private readonly files = new Map<string, string>();
  private readonly dirs = new Map<string, string[]>();

  constructor(layout: ReturnType<typeof corpusWorkspace>) {
    for (const virtual of layout.originalPath.values()) {
      const key = path.resolve(virtual);
      const text = layout.workspace.readFile(key);
      if (text === undefined) continue;
      this.files.set(key, text);
      for (let child = key, dir = path.dirname(key); child !== dir; child = dir, dir = path.dirname(dir)) {
        const entries = this.dirs.get(dir) ?? [];
        if (entries.length === 0) this.dirs.set(dir, entries);
        const name = path.basename(child);
        if (entries.includes(name)) break;
        entries.push(name);
      }
    }
  }

  readFile(file: string): string | undefined {
    return this.files.get(path.resolve(file));
  }

  exists(file: string): boolean {
    const key = path.resolve(file);
    return this.files.has(key) || this.dirs.has(key) || key.startsWith('/corpus/');
  }

  listDir(dir: string): string[] | undefined {
    return this.dirs.get(path.resolve(dir));
  }
}

export function benchEngineCorpus(rec: Recorder, passes: number): void {
  const layout = { ...corpusWorkspace() };
  layout.workspace = new IndexedCorpus(layout) as unknown as MemoryWorkspace;
  const texts = corpusFiles('dockerfiles').map((file) => ({ file, text: fs.readFileSync(file, 'utf8'), virtual: layout.originalPath.get(file) }));
  const lintOne = ({ file, text, virtual }: (typeof texts)[number]) => {
    lint({ path: virtual ?? file, text, kind: 'dockerfile', onDisk: virtual !== undefined }, layout.workspace, ALL_RULES);
  };
  const times = timePasses({ dockhand: lintOne }, texts, passes, clearCaches);
  for (const [tool, peer] of Object.entries(peerPasses(passes))) times.set(tool, peer);
  const totals = new Map([...times].map(([tool, t]) => [tool, t.totals]));
  for (const [tool, t] of times) {
    const medians = t.perFile.map((samples) => percentile(samples, 50));
    rec.measure({
      name: 'engine.corpus-dockerfiles.per-file', tool, unit: 'ms', ...summary(medians),
      extra: { totalMedianMs: round1(percentile(t.totals, 50)), firstPassMs: round1(t.first), passes },
      note: NOTES[tool],
    });
  }
  const ours = percentile(totals.get('dockhand')!, 50);
  rec.ratio({ name: 'engine.corpus-dockerfiles.total', ratio: ours / percentile(totals.get('dockerfile-utils')!, 50), of: 'dockhand', peer: 'dockerfile-utils', target: '<= 1.0', pass: ours <= percentile(totals.get('dockerfile-utils')!, 50) });
  rec.ratio({ name: 'engine.corpus-dockerfiles.total', ratio: ours / percentile(totals.get('dockerfile-ast')!, 50), of: 'dockhand', peer: 'dockerfile-ast' });
  const floor = percentile(totals.get('parsers-only')!, 50);
  rec.ratio({ name: 'engine.corpus-dockerfiles.total', ratio: floor / percentile(totals.get('dockerfile-utils')!, 50), of: 'parsers-only', peer: 'dockerfile-utils' });

  const composeTexts = corpusFiles('compose').map((file) => ({ file, text: fs.readFileSync(file, 'utf8'), virtual: layout.originalPath.get(file) }));
  const lintCompose = ({ file, text, virtual }: (typeof composeTexts)[number]) => {
    lint({ path: virtual ?? file, text, kind: 'compose', onDisk: virtual !== undefined }, layout.workspace, ALL_RULES);
  };
  const compose = timePasses({ dockhand: lintCompose }, composeTexts, passes, clearCaches).get('dockhand')!;
  rec.measure({
    name: 'engine.corpus-compose.per-file', tool: 'dockhand', unit: 'ms', ...summary(compose.perFile.map((s) => percentile(s, 50))),
    extra: { totalMedianMs: round1(percentile(compose.totals, 50)), passes }, note: 'schema validation and every rule on',
  });
}

/** The peers' passes, run by engine-peers.js in a process of their own (see there why). */
function peerPasses(passes: number): Record<string, PassTimes> {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'engine-peers.js'), String(passes)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`engine-peers.js exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, PassTimes>;
}

const NOTES: Record<string, string | undefined> = {
  dockhand: 'every rule on (enableAll), corpus neighbours visible, shell-parse and previous-version caches emptied before each pass',
  'parsers-only': 'dockerfile-ast parse + tree-sitter-bash parse of each shell-form RUN, nothing read, no rule: the floor under Dockhand',
};

/** Each pass starts cold: no shell parse and no previous version of any file is remembered. */
function clearCaches(): void {
  clearShellCache();
  clearParseCache();
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Inserts `ch` at a position of `text` given as line/character. */
export function insertAt(text: string, position: { line: number; character: number }, ch: string): string {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  offset += position.character;
  return text.slice(0, offset) + ch + text.slice(offset);
}

export const TYPED = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz';

/** One keystroke after another at the end of a line, the whole file re-linted each time, as the server does. */
export function benchEngineKeystrokes(rec: Recorder, sizes: { dockerfiles: number[]; compose: number[] }, edits: number): void {
  const dir = '/bench';
  const inputs = [
    ...sizes.dockerfiles.map((lines) => ({ id: `dockerfile-${lines}`, kind: 'dockerfile' as const, file: path.join(dir, `df${lines}`, 'Dockerfile'), text: generateDockerfile(lines) })),
    ...sizes.compose.map((count) => ({ id: `compose-${count}`, kind: 'compose' as const, file: path.join(dir, `compose${count}`, 'compose.yaml'), text: generateCompose(count) })),
  ];
  for (const input of inputs) {
    const workspace = new MemoryWorkspace({ [input.file]: input.text }, [dir]);
    const at = typingLine(input.text, input.kind);
    const texts: string[] = [];
    let text = input.text;
    // A 1,000-service Compose file takes seconds a lint in-process here; the server figures type 50 times in it.
    const count = input.text.length > 300000 ? Math.min(edits, 10) : edits;
    for (let i = 0; i < count; i++) {
      text = insertAt(text, { line: at.line, character: at.character + i }, TYPED[i % TYPED.length]);
      texts.push(text);
    }
    const runs: Record<string, (t: string) => void> = {
      dockhand: (t) => {
        lint({ path: input.file, text: t, kind: input.kind }, workspace, ALL_RULES);
      },
    };
    if (input.kind === 'dockerfile') runs['dockerfile-utils'] = (t) => void dockerfileUtilsValidate(t);
    const medians = new Map<string, number>();
    for (const [tool, run] of Object.entries(runs)) {
      run(input.text); // opened: the first lint is not a keystroke
      const samples = texts.map((t) => {
        const t0 = now();
        run(t);
        return now() - t0;
      });
      const m = rec.measure({ name: `engine.keystroke.${input.id}`, tool, unit: 'ms', ...summary(samples), extra: { lines: input.text.split('\n').length - 1, totalMs: Math.round(sum(samples)) } });
      medians.set(tool, m.p95);
    }
    if (medians.has('dockerfile-utils')) {
      rec.ratio({ name: `engine.keystroke.${input.id}.p95`, ratio: medians.get('dockhand')! / medians.get('dockerfile-utils')!, of: 'dockhand', peer: 'dockerfile-utils' });
    }
  }
}
