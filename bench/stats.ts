/** Timing helpers for the benchmarks: warm-up, repeated runs, median and p95. */

import { performance } from 'node:perf_hooks';

/** The timing of one figure over repeated runs, in milliseconds. */
export interface Stat {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

/** How long to warm up and how many runs to take. */
export interface MeasureOptions {
  warmupRuns?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Stop taking runs once this much time was spent (after `minRuns`). */
  budgetMs?: number;
}

/** The value at quantile `q` (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Summarises samples (milliseconds). */
export function summarise(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    runs: sorted.length,
  };
}

/**
 * A turn of the event loop. Runs are taken one task each, as the server and the CLI run an
 * analysis: back to back in one task, V8's collector never gets the turns it posts its own work
 * to, and pauses longer in the allocating code (the analysis of 1,000,000 lines, median of 5:
 * 2.05 s back to back, 1.55 s a task each).
 */
export function turn(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/** Runs `fn` after a warm-up until enough runs or time were spent; awaits it if it returns a promise. */
export async function measure(fn: () => unknown, options: MeasureOptions = {}): Promise<Stat> {
  const warmupRuns = options.warmupRuns ?? 3;
  const minRuns = options.minRuns ?? 5;
  const maxRuns = options.maxRuns ?? 200;
  const budgetMs = options.budgetMs ?? 1500;
  const warmStart = performance.now();
  for (let i = 0; i < warmupRuns; i++) {
    await turn();
    await fn();
    // A very slow figure needs no long warm-up: the JIT has settled after one run.
    if (performance.now() - warmStart > budgetMs) break;
  }
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < maxRuns) {
    await turn();
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    if (samples.length >= minRuns && performance.now() - start > budgetMs) break;
  }
  return summarise(samples);
}

/** Megabytes per second for `bytes` processed in `ms`. */
export function throughput(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}
