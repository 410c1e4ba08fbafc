import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { initEngine } from '../engine/engine';
import type { LintConfig } from '../engine/config';
import { DiskWorkspace } from '../engine/workspace';
import { readText } from './files';
import { lintOutcome, type LintOutcome, type LintTarget } from './lint-outcome';

/**
 * Linting many files on several threads: this thread and worker threads take small batches of
 * files from one queue, so a slow file does not hold up the rest, and the outcomes come back in
 * the files' order, so the output is the same as linting them one after the other. Only plain
 * linting of files on disk runs here; `--fix` stays on one thread (each fix sees the fixes before
 * it). A worker that fails hands its files back to the queue.
 */

const WORKER_MARK = 'dockhandLintWorker';

export interface PoolJob {
  target: LintTarget;
  /** Index into the configurations handed to every worker once. */
  config: number;
  /** Linted on this thread only: a worker would spend more warming up for it than it saves. */
  here?: boolean;
}

interface WorkerJob extends PoolJob {
  index: number;
}

interface WorkerResult {
  index: number;
  outcome: LintOutcome;
}

/** Each worker has this many batches queued, so it never waits for this (busy) thread to hand it more. */
const BATCHES_IN_FLIGHT = 2;
const MAX_BATCH = 16;

export async function lintInParallel(
  jobs: readonly PoolJob[],
  configs: readonly LintConfig[],
  workerCount: number,
  /** Lints a file on this thread; without it this thread only hands out the files to the workers. */
  lintHere?: (job: PoolJob) => LintOutcome,
): Promise<LintOutcome[]> {
  const outcomes: (LintOutcome | undefined)[] = new Array(jobs.length);
  /** Files handed back by a worker that failed, linted before the rest. */
  const returned: number[] = [];
  let done = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const shared: number[] = [];
  const hereOnly: number[] = [];
  jobs.forEach((job, index) => (job.here && lintHere ? hereOnly : shared).push(index));
  let next = 0;
  const take = (): number[] => {
    if (returned.length > 0) return returned.splice(0, MAX_BATCH);
    const size = Math.max(1, Math.min(MAX_BATCH, Math.floor((shared.length - next) / ((workerCount + 1) * 4))));
    const end = Math.min(shared.length, next + size);
    const batch = shared.slice(next, end);
    next = end;
    return batch;
  };
  /** This thread's next files: those only it lints first (the workers are starting meanwhile), then the shared queue. */
  const takeHere = (): number[] => (hereOnly.length > 0 ? hereOnly.splice(0, MAX_BATCH) : take());

  const pool: PoolWorker[] = [];
  for (let i = 0; i < workerCount; i++) {
    try {
      pool.push(new PoolWorker(new Worker(__filename, { workerData: { [WORKER_MARK]: true, configs } })));
    } catch {
      break;
    }
  }
  const feedAll = () => {
    for (const member of pool) member.feed(take, jobs);
  };
  for (const member of pool) {
    member.onResults = (results) => {
      for (const { index, outcome } of results) {
        outcomes[index] = outcome;
        done++;
      }
      member.feed(take, jobs);
      notify();
    };
    member.onFailure = (inFlight) => {
      returned.push(...inFlight);
      feedAll();
      notify();
    };
  }
  feedAll();

  try {
    while (done < jobs.length) {
      const batch = lintHere ? takeHere() : [];
      if (batch.length === 0) {
        if (!lintHere && pool.every((member) => member.failed)) throw new Error('no lint worker thread could run');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      for (const index of batch) {
        outcomes[index] = lintHere!(jobs[index]);
        done++;
      }
      // Lets the workers' results in, and gives them more, before this thread takes its next batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    await Promise.all(pool.map((member) => member.worker.terminate()));
  }
  return outcomes as LintOutcome[];
}

/** A worker thread with the files it has been given and not yet returned. */
class PoolWorker {
  failed = false;
  onResults: (results: WorkerResult[]) => void = () => {};
  onFailure: (inFlight: number[]) => void = () => {};
  private readonly inFlight = new Set<number>();
  private batches = 0;

  constructor(readonly worker: Worker) {
    worker.on('message', (results: WorkerResult[]) => {
      if (this.failed) return;
      this.batches--;
      for (const { index } of results) this.inFlight.delete(index);
      this.onResults(results);
    });
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  feed(take: () => number[], jobs: readonly PoolJob[]): void {
    while (!this.failed && this.batches < BATCHES_IN_FLIGHT) {
      const batch = take();
      if (batch.length === 0) return;
      for (const index of batch) this.inFlight.add(index);
      this.batches++;
      this.worker.postMessage(batch.map((index): WorkerJob => ({ index, ...jobs[index] })));
    }
  }

  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    const inFlight = [...this.inFlight];
    this.inFlight.clear();
    this.onFailure(inFlight);
  }
}

async function serveLintJobs(): Promise<void> {
  const configs = (workerData as { configs: LintConfig[] }).configs;
  await initEngine();
  const workspace = new DiskWorkspace([]);
  parentPort!.on('message', (jobs: WorkerJob[]) => {
    const results = jobs.map((job): WorkerResult => ({ index: job.index, outcome: lintOutcome(job.target, readText(job.target.path), workspace, configs[job.config]) }));
    parentPort!.postMessage(results);
  });
}

/** True in a lint worker thread, whose script is the CLI's own: the CLI must not run its command there. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARK] === true;
}

if (isLintWorker()) void serveLintJobs();
