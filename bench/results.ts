/** The shape of a benchmark run as saved to JSON, and the figures compared between runs. */

import type { Growth } from './growth';
import type { AnalyzeOnly, LayerResult } from './layers';
import type { PeerRun } from './peer';
import type { Stat } from './stats';

/** The machine a run was taken on. */
export interface Machine {
  nproc: number;
  cpu: string;
  node: string;
  platform: string;
  /** One-minute load average when the run started: a busy machine makes slow figures. */
  load: number;
}

/** A latency figure measured outside the per-document children (server, client). */
export interface ExtraFigure {
  name: string;
  unit: 'ms' | 'MB' | 'KB';
  value: number;
  p95?: number;
}

/** One row of the budget table. */
export interface BudgetRow {
  figure: string;
  budget: string;
  measured: string;
  ok: boolean | undefined;
}

/** A whole run. */
export interface RunResult {
  date: string;
  machine: Machine;
  documents: LayerResult[];
  extras: ExtraFigure[];
  growth: Record<string, number>;
  /** The growth of the analysis and the floor measured interleaved (bench/growth.ts), by variant. */
  interleaved?: { valid?: Growth; errors?: Growth };
  /**
   * The analysis of 100,000 and of 1,000,000 valid lines, each alone in a fresh process: whether
   * growth stays linear once both documents outgrow V8's young generation.
   */
  growthBeyond?: { small: AnalyzeOnly; big: AnalyzeOnly };
  budgets: BudgetRow[];
  notes: string[];
  /** The side-by-side comparison with the Langium peer (bench/peer.ts), when measured. */
  peer?: PeerRun;
}

/** A figure to compare: its value and the JSON.parse floor it is normalised by (if any). */
export interface Figure {
  value: number;
  floor?: number;
  unit: string;
}

/** Every comparable figure of a run by name, e.g. `gen-10k-valid/analyze`. */
export function figures(run: RunResult): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const d of run.documents) {
    const floor = d.stages.floor?.median;
    for (const [stage, stat] of Object.entries(d.stages) as [string, Stat][]) {
      if (stage === 'floor') continue;
      out.set(`${d.name}/${stage}`, {
        value: stat.median,
        unit: 'ms',
        ...(floor ? { floor } : {}),
      });
    }
    out.set(`${d.name}/rss`, { value: d.rss.check ?? d.rss.core, unit: 'MB' });
  }
  for (const x of run.extras) out.set(x.name, { value: x.value, unit: x.unit });
  return out;
}
