import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { initEngine } from '../engine/engine';
import type { LintConfig } from '../engine/config';
import { DiskWorkspace } from '../engine/workspace';
import { readText } from './files';
import { lintOutcome, type LintOutcome, type LintTarget } from './lint-outcome';

/**
 * Linting many files on several threads: this thread and worker threads take the files one at a
 * time from one queue (a counter in shared memory, so a worker never waits for this busy thread
 * to hand it more, and a slow file holds up nobody), and the outcomes are put back in the files'
 * order, so the output is the same as linting them one after the other. Only plain linting of
 * files on disk runs here; `--fix` stays on one thread (each fix sees the fixes before it). The
 * files of a worker that fails are linted here.
 */

const WORKER_MARK = 'dockhandLintWorker';

export interface PoolJob {
  target: LintTarget;
  /** Index into the configurations handed to every worker. */
  config: number;
  /** Linted on this thread only: a worker would spend more warming up for it than it saves. */
  here?: boolean;
}

interface WorkerData {
  [WORKER_MARK]: true;
  configs: readonly LintConfig[];
  /** The queue's files; `next[0]` is the position of the next one to take. */
  jobs: readonly PoolJob[];
  next: Int32Array;
}

type WorkerMessage = { position: number; outcome: LintOutcome } | { finished: true };

export async function lintInParallel(
  jobs: readonly PoolJob[],
  configs: readonly LintConfig[],
  workerCount: number,
  /** Linting on this thread too, once `ready` (the workers start meanwhile); without it this thread only waits for the workers. */
  here?: { ready?: Promise<void>; lint: (job: PoolJob) => LintOutcome },
): Promise<LintOutcome[]> {
  const lintHere = here?.lint;
  const outcomes: (LintOutcome | undefined)[] = new Array(jobs.length);
  const hereOnly: number[] = [];
  const queue: number[] = [];
  jobs.forEach((job, index) => (job.here && lintHere ? hereOnly : queue).push(index));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const data: WorkerData = { [WORKER_MARK]: true, configs, jobs: queue.map((index) => jobs[index]), next };

  const workers: Worker[] = [];
  const stopped: Promise<void>[] = [];
  for (let i = 0; i < workerCount; i++) {
    let worker: Worker;
    try {
      worker = new Worker(__filename, { workerData: data });
    } catch {
      break;
    }
    workers.push(worker);
    stopped.push(
      new Promise<void>((resolve) => {
        worker.on('message', (message: WorkerMessage) => {
          if ('finished' in message) resolve();
          else outcomes[queue[message.position]] = message.outcome;
        });
        // A worker that fails stops taking files; the ones it took and did not return are linted below.
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
      }),
    );
  }

  try {
    if (lintHere) {
      await here?.ready;
      for (const index of hereOnly) outcomes[index] = lintHere(jobs[index]);
      takeEach(next, queue.length, (position) => (outcomes[queue[position]] = lintHere(jobs[queue[position]])));
    }
    await Promise.all(stopped);
    if (jobs.some((_, index) => outcomes[index] === undefined)) {
      if (!lintHere) throw new Error('a lint worker thread failed');
      jobs.forEach((job, index) => (outcomes[index] ??= lintHere(job)));
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes as LintOutcome[];
}

async function serveLintJobs(): Promise<void> {
  const { configs, jobs, next } = workerData as WorkerData;
  await initEngine();
  const workspace = new DiskWorkspace([]);
  takeEach(next, jobs.length, (position) => {
    const { target, config } = jobs[position];
    const message: WorkerMessage = { position, outcome: lintOutcome(target, readText(target.path), workspace, configs[config]) };
    parentPort!.postMessage(message);
  });
  parentPort!.postMessage({ finished: true } satisfies WorkerMessage);
}

/** Takes the queue's positions one at a time, whichever thread takes each, until none is left. */
function takeEach(next: Int32Array, length: number, take: (position: number) => void): void {
  for (let position = Atomics.add(next, 0, 1); position < length; position = Atomics.add(next, 0, 1)) take(position);
}

/** True in a lint worker thread, whose script is the CLI's own: the CLI must not run its command there. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.[WORKER_MARK] === true;
}

if (isLintWorker()) void serveLintJobs();
