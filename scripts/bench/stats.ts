/** Timing and reporting helpers for the benchmark: every figure is printed as one JSON line. */

export interface Measurement {
  /** What was measured, e.g. `lsp.keystroke.dockerfile-500`. */
  name: string;
  /** Who was measured: `dockhand` or a peer's name. */
  tool: string;
  unit: 'ms' | 'MB' | 'files/s' | 'count';
  median: number;
  p95: number;
  n: number;
  /** Extra figures (total wall time, crash count, findings …). */
  extra?: Record<string, number | string>;
  note?: string;
}

export interface Ratio {
  name: string;
  /** Dockhand's figure divided by the peer's (below 1: Dockhand is faster or smaller). */
  ratio: number;
  of: string;
  peer: string;
  target?: string;
  pass?: boolean;
}

export type BenchLine = ({ type: 'measure' } & Measurement) | ({ type: 'ratio' } & Ratio) | { type: 'info'; [key: string]: unknown };

export class Recorder {
  readonly lines: BenchLine[] = [];

  measure(m: Measurement): Measurement {
    const line: BenchLine = { type: 'measure', ...m, median: round(m.median), p95: round(m.p95) };
    this.lines.push(line);
    process.stdout.write(JSON.stringify(line) + '\n');
    return m;
  }

  ratio(r: Ratio): void {
    const line: BenchLine = { type: 'ratio', ...r, ratio: round(r.ratio, 3) };
    this.lines.push(line);
    process.stdout.write(JSON.stringify(line) + '\n');
  }

  info(fields: Record<string, unknown>): void {
    const line: BenchLine = { type: 'info', ...fields };
    this.lines.push(line);
    process.stdout.write(JSON.stringify(line) + '\n');
  }

  find(name: string, tool = 'dockhand'): Measurement | undefined {
    return this.lines.find((l): l is { type: 'measure' } & Measurement => l.type === 'measure' && l.name === name && l.tool === tool);
  }
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summary(samples: readonly number[]): { median: number; p95: number; n: number } {
  return { median: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

export function sum(samples: readonly number[]): number {
  return samples.reduce((a, b) => a + b, 0);
}

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function time<T>(run: () => T): { ms: number; value: T } {
  const start = now();
  const value = run();
  return { ms: now() - start, value };
}
