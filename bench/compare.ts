/**
 * `npm run bench:compare [NEW.json] [BASELINE.json]`: compares a run (default
 * bench/results/latest.json, written by `npm run bench`) with the committed baseline
 * (bench/baseline.json). Each time is first divided by the JSON.parse floor of the same document
 * in the same run, so a machine that is slower or busier overall does not look like a
 * regression; figures without a floor (server, client) are scaled by how much slower the floors
 * got on average. Exits 1 when any figure regressed by more than 1.5×.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './optional';
import { type Figure, figures, type RunResult } from './results';

/** A figure is a regression when its normalised ratio exceeds this. */
export const threshold = 1.5;

/** Differences below this many milliseconds are noise whatever the ratio. */
const noiseMs = 0.05;

/** One compared figure. */
export interface Comparison {
  name: string;
  baseline: number;
  current: number;
  unit: string;
  /** current ÷ baseline after normalising for the machine's speed. */
  ratio: number;
  regression: boolean;
}

function geomean(xs: number[]): number {
  if (xs.length === 0) return 1;
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

/** Compares two runs figure by figure. */
export function compareRuns(current: RunResult, baseline: RunResult): Comparison[] {
  const now = figures(current);
  const then = figures(baseline);
  const floorRatios: number[] = [];
  for (const [name, f] of now) {
    const b = then.get(name);
    if (f.floor && b?.floor && name.endsWith('/analyze')) floorRatios.push(f.floor / b.floor);
  }
  const speed = geomean(floorRatios);
  const out: Comparison[] = [];
  for (const [name, f] of now) {
    const b = then.get(name);
    if (!b || b.value <= 0) continue;
    out.push(compareFigure(name, f, b, speed));
  }
  return out;
}

function compareFigure(name: string, now: Figure, then: Figure, speed: number): Comparison {
  let ratio: number;
  if (now.unit !== 'ms') ratio = now.value / then.value;
  else if (now.floor && then.floor) ratio = now.value / now.floor / (then.value / then.floor);
  else ratio = now.value / (then.value * speed);
  const expected = now.unit === 'ms' ? now.value / ratio : then.value;
  const regression = ratio > threshold && (now.unit !== 'ms' || now.value - expected > noiseMs);
  return { name, baseline: then.value, current: now.value, unit: now.unit, ratio, regression };
}

function load(path: string): RunResult {
  return JSON.parse(readFileSync(resolve(root, path), 'utf8')) as RunResult;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/compare.ts')) {
  const [newPath = 'bench/results/latest.json', basePath = 'bench/baseline.json'] =
    process.argv.slice(2);
  let current: RunResult;
  let baseline: RunResult;
  try {
    current = load(newPath);
    baseline = load(basePath);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nRun \`npm run bench\` first.\n`);
    process.exit(2);
  }
  const rows = compareRuns(current, baseline);
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  process.stdout.write(
    `baseline ${baseline.date} (${baseline.machine.cpu}, load ${baseline.machine.load})\n` +
      `current  ${current.date} (${current.machine.cpu}, load ${current.machine.load})\n\n`,
  );
  for (const r of rows) {
    const flag = r.regression ? '  REGRESSION' : r.ratio < 1 / threshold ? '  faster' : '';
    process.stdout.write(
      `${r.name.padEnd(width)}  ${r.baseline.toFixed(3).padStart(10)} → ${r.current
        .toFixed(3)
        .padStart(10)} ${r.unit.padEnd(2)}  ×${r.ratio.toFixed(2)}${flag}\n`,
    );
  }
  const bad = rows.filter((r) => r.regression);
  process.stdout.write(
    `\n${rows.length} figures compared; ${bad.length} regressed by more than ${threshold}× (normalised to the JSON.parse floor).\n`,
  );
  process.exit(bad.length > 0 ? 1 : 0);
}
