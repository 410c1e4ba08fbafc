import { lint } from '../engine/engine';
import { MemoryWorkspace } from '../engine/workspace';
import { WARM_UP_DOCKERFILE } from './warm-up-samples';

/**
 * A fresh server runs the rules' code in V8's interpreter until each function has run often enough
 * to be compiled: the first few dozen keystrokes in a large Dockerfile take several times longer
 * than the rest. So, while the editor leaves it idle, the server lints a sample Dockerfile in
 * memory a few hundred times, typing into it as a user would (which also warms the incremental
 * parse). It gives way to real work: a round runs only when nothing came from the editor for
 * IDLE_MS, so it never delays a keystroke's diagnostics (a round queued between the several
 * event-loop turns of one request would, once per turn). Nothing of it is shown or written anywhere.
 */

const IDLE_MS = 250;
const WARM_UP_ROOT = '/dockhand-warm-up';
const WARM_UP_FILE = `${WARM_UP_ROOT}/Dockerfile`;

export interface WarmUp {
  /** Resolves when every round ran (or the warm-up was stopped). */
  readonly done: Promise<void>;
  stop(): void;
}

/** `lastActivity` tells when the editor last sent something (performance.now() milliseconds). */
export function warmUpEngine(rounds: number, lastActivity: () => number = () => -Infinity): WarmUp {
  let stopped = false;
  const workspace = new MemoryWorkspace({ [WARM_UP_FILE]: WARM_UP_DOCKERFILE }, [WARM_UP_ROOT]);
  const typing = typingSites(WARM_UP_DOCKERFILE);
  const done = new Promise<void>((resolve) => {
    let round = 0;
    const next = (): void => {
      if (stopped || round >= rounds) return resolve();
      const quietFor = performance.now() - lastActivity();
      if (quietFor < IDLE_MS) return void setTimeout(next, IDLE_MS - quietFor);
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
