import { now } from './stats';

/** Per tool: each entry's time in every warm pass, each warm pass's total, and the first (cold) pass's total. */
export interface PassTimes {
  perFile: number[][];
  totals: number[];
  first: number;
}

/**
 * Runs every tool over every entry `passes + 1` times, the tools taking turns pass by pass. Pass 0
 * warms the JIT and is reported apart (a fresh process, like a CLI); `beforePass` runs before each
 * tool's pass (to empty caches, so that no pass reuses an earlier one's work).
 */
export function timePasses<T>(tools: Record<string, (entry: T) => void>, entries: readonly T[], passes: number, beforePass: () => void = () => undefined): Map<string, PassTimes> {
  const times = new Map<string, PassTimes>(Object.keys(tools).map((tool) => [tool, { perFile: entries.map(() => []), totals: [], first: NaN }]));
  for (let pass = 0; pass <= passes; pass++) {
    for (const [tool, run] of Object.entries(tools)) {
      const own = times.get(tool)!;
      beforePass();
      const started = now();
      entries.forEach((entry, i) => {
        const t0 = now();
        run(entry);
        if (pass > 0) own.perFile[i].push(now() - t0);
      });
      const total = now() - started;
      if (pass === 0) own.first = total;
      else own.totals.push(total);
    }
  }
  return times;
}
