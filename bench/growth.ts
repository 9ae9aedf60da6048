/**
 * Growth from 10,000 to 100,000 lines, measured interleaved: in one process, rounds of ten
 * analyses of the small document and one of the large one, each a task of its own, so that the
 * machine's changes of speed (on this shared machine the same analysis took 6 ms in one stretch
 * of runs and 12 ms in the next) fall on both sides of the ratio alike. Medians taken in separate
 * processes, minutes apart, gave ratios from 8.4× to 13.1× for the same code on the same day.
 * The JSON.parse floor of the same data is measured the same way beside it.
 */

import { PerformanceObserver, performance } from 'node:perf_hooks';
import { type Analysis, analyzeText } from '../grammar/src/index';
import { generateDocument } from './generate';
import { dataJson, fileHost } from './layers';
import { turn } from './stats';

/** One figure measured interleaved: the time per run of each document, and the ratio. */
export interface InterleavedFigure {
  smallMs: number;
  bigMs: number;
  /** bigMs ÷ smallMs. */
  ratio: number;
}

/** What `measureGrowth` gives for one variant of the generated documents. */
export interface Growth {
  analyze: InterleavedFigure & {
    /** Garbage collection per analysis, pauses that started inside one, summed. */
    smallGcMs: number;
    bigGcMs: number;
    /** The ratio with those pauses taken out of both sides. */
    ratioWithoutGc: number;
  };
  floor: InterleavedFigure;
  rounds: number;
}

const warmupRounds = 3;

/** Interleaved rounds of `small` (ten times) and `big` (once); returns every timed window. */
async function interleave(
  rounds: number,
  small: () => unknown,
  big: () => unknown,
): Promise<{ small: Window[]; big: Window[] }> {
  const windows = { small: [] as Window[], big: [] as Window[] };
  const timed = async (fn: () => unknown, into: Window[] | undefined): Promise<void> => {
    await turn();
    const from = performance.now();
    fn();
    into?.push({ from, to: performance.now() });
  };
  for (let r = 0; r < warmupRounds + rounds; r++) {
    const counted = r >= warmupRounds;
    for (let i = 0; i < 10; i++) await timed(small, counted ? windows.small : undefined);
    await timed(big, counted ? windows.big : undefined);
  }
  return windows;
}

interface Window {
  from: number;
  to: number;
}

const spent = (ws: readonly Window[]): number => ws.reduce((s, w) => s + (w.to - w.from), 0);

/** Pauses that started inside one of the windows, summed. */
function pausesIn(pauses: readonly { start: number; ms: number }[], ws: readonly Window[]): number {
  let ms = 0;
  for (const p of pauses) if (ws.some((w) => p.start >= w.from && p.start <= w.to)) ms += p.ms;
  return ms;
}

/** Measures the growth of the analysis and of the floor from `lines` to ten times as many. */
export async function measureGrowth(lines: number, errors: boolean, rounds = 20): Promise<Growth> {
  const uri = 'file:///growth.kompass';
  const smallText = generateDocument({ lines, errors });
  const bigText = generateDocument({ lines: lines * 10, errors });
  const analyze = (text: string) => (): Analysis =>
    analyzeText(text, { uri, host: fileHost, maxDocumentSize: Number.POSITIVE_INFINITY });

  const pauses: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const a = await interleave(rounds, analyze(smallText), analyze(bigText));
  for (const e of observer.takeRecords()) pauses.push({ start: e.startTime, ms: e.duration });
  observer.disconnect();

  const smallJson = dataJson(analyze(smallText)());
  const bigJson = dataJson(analyze(bigText)());
  const f = await interleave(
    rounds,
    () => JSON.parse(smallJson),
    () => JSON.parse(bigJson),
  );

  const smallMs = spent(a.small) / a.small.length;
  const bigMs = spent(a.big) / a.big.length;
  const smallGcMs = pausesIn(pauses, a.small) / a.small.length;
  const bigGcMs = pausesIn(pauses, a.big) / a.big.length;
  const floorSmall = spent(f.small) / f.small.length;
  const floorBig = spent(f.big) / f.big.length;
  return {
    analyze: {
      smallMs,
      bigMs,
      ratio: bigMs / smallMs,
      smallGcMs,
      bigGcMs,
      ratioWithoutGc: (bigMs - bigGcMs) / (smallMs - smallGcMs),
    },
    floor: { smallMs: floorSmall, bigMs: floorBig, ratio: floorBig / floorSmall },
    rounds,
  };
}
