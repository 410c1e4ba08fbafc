import { lint } from '../engine/engine';
import { MemoryWorkspace } from '../engine/workspace';
import { WARM_UP_DOCKERFILE } from './warm-up-samples';

/**
 * A fresh server runs the rules' code in V8's interpreter until each function has run often enough
 * to be compiled: the first few dozen keystrokes in a large Dockerfile would take several times
 * longer than the rest. So, once started, the server lints a sample Dockerfile in memory a few
 * hundred times, one lint per turn of the event loop, typing into it as a user would (which also
 * warms the incremental parse). Messages from the editor are handled between two turns, so a
 * real request waits at most for one small lint. Nothing of it is shown or written anywhere.
 */

const WARM_UP_ROOT = '/dockhand-warm-up';
const WARM_UP_FILE = `${WARM_UP_ROOT}/Dockerfile`;

export interface WarmUp {
  /** Resolves when every round ran (or the warm-up was stopped). */
  readonly done: Promise<void>;
  stop(): void;
}

export function warmUpEngine(rounds: number): WarmUp {
  let stopped = false;
  const workspace = new MemoryWorkspace({ [WARM_UP_FILE]: WARM_UP_DOCKERFILE }, [WARM_UP_ROOT]);
  const typing = typingSites(WARM_UP_DOCKERFILE);
  const done = new Promise<void>((resolve) => {
    let round = 0;
    const next = (): void => {
      if (stopped || round >= rounds) return resolve();
      try {
        lint({ path: WARM_UP_FILE, text: typed(WARM_UP_DOCKERFILE, typing, round), kind: 'dockerfile' }, workspace, { enableAll: true });
      } catch {
        // A warm-up that fails only costs speed: the same failure will be reported on a real file.
        return resolve();
      }
      round++;
      setImmediate(next);
    };
    setImmediate(next);
  });
  return { done, stop: () => void (stopped = true) };
}

/** Ends of the sample's lines where typing is plausible: an instruction's last line, not inside a heredoc. */
function typingSites(text: string): number[] {
  const sites: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    offset += line.length;
    if (/^[A-Z]+ .*[^\\]$/.test(line) && !line.startsWith('RUN <<')) sites.push(offset);
    offset += 1;
  }
  return sites;
}

/** The sample with a few characters typed at one of its sites: a different site and word each round. */
function typed(text: string, sites: readonly number[], round: number): string {
  const at = sites[round % sites.length];
  const word = 'abcdefgh'.slice(0, 1 + (round % 8));
  return text.slice(0, at) + word + text.slice(at);
}
