/**
 * The figures measured outside the core: the language server over the real protocol
 * (server/bench/latency.ts) and the extension's activation time and package size
 * (client/bench/sizes.ts). Each is skipped with a note until its engineer has written it.
 */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importIfPresent, root } from './optional';
import type { ExtraFigure } from './results';

/** What measuring one outside layer gave. */
export interface ExternalResult {
  figures: ExtraFigure[];
  notes: string[];
}

interface LatencyStats {
  median: number;
  p95: number;
}

interface LatencyResult {
  editToDiagnostics: LatencyStats;
  hover: LatencyStats;
  startup: number;
}

type MeasureLatency = (opts: { text: string; iterations?: number }) => Promise<LatencyResult>;

/** Edit → published diagnostics and hover latency on the sample and a 10,000-line document. */
export async function measureServer(
  sample: string,
  large: string,
  quick: boolean,
): Promise<ExternalResult> {
  const { module, note } = await importIfPresent('server/bench/latency.ts');
  const measure = module?.measureServerLatency as MeasureLatency | undefined;
  if (!measure) return { figures: [], notes: [note ?? 'server latency: no measureServerLatency'] };
  if (!existsSync(resolve(root, 'dist/server.js'))) {
    return {
      figures: [],
      notes: ['server latency skipped: dist/server.js missing (npm run build)'],
    };
  }
  const figures: ExtraFigure[] = [];
  const notes: string[] = [];
  for (const [name, text, iterations] of [
    ['sample', sample, quick ? 10 : 50],
    ['10k', large, quick ? 5 : 20],
  ] as const) {
    try {
      const r = await measure({ text, iterations });
      figures.push(
        {
          name: `server/${name}/diagnostics`,
          unit: 'ms',
          value: r.editToDiagnostics.median,
          p95: r.editToDiagnostics.p95,
        },
        { name: `server/${name}/hover`, unit: 'ms', value: r.hover.median, p95: r.hover.p95 },
        { name: `server/${name}/startup`, unit: 'ms', value: r.startup },
      );
    } catch (err) {
      notes.push(`server latency on ${name} failed: ${(err as Error).message}`);
    }
  }
  notes.push(
    'server: edit → diagnostics with the default settings (the adaptive debounce), as a user gets it',
  );
  return { figures, notes };
}

type MeasureWebLatency = (opts: { text: string; iterations?: number }) => Promise<{
  editToDiagnostics: LatencyStats;
  startup: number;
}>;

/** Edit → diagnostics of the web worker server (dist/web/server.js) as a Worker in Chromium. */
export async function measureWebServer(sample: string, quick: boolean): Promise<ExternalResult> {
  const { module, note } = await importIfPresent('server/bench/webLatency.ts');
  const measure = module?.measureWebServerLatency as MeasureWebLatency | undefined;
  if (!measure) return { figures: [], notes: [note ?? 'web latency: no measureWebServerLatency'] };
  if (!existsSync(resolve(root, 'dist/web/server.js'))) {
    return {
      figures: [],
      notes: ['web latency skipped: dist/web/server.js missing (npm run build)'],
    };
  }
  try {
    const r = await measure({ text: sample, iterations: quick ? 10 : 50 });
    return {
      figures: [
        {
          name: 'web-worker/sample/diagnostics',
          unit: 'ms',
          value: r.editToDiagnostics.median,
          p95: r.editToDiagnostics.p95,
        },
        { name: 'web-worker/sample/startup', unit: 'ms', value: r.startup },
      ],
      notes: [
        'web worker: edit → diagnostics timed inside the Chromium page, debounce 0, full-text changes',
      ],
    };
  } catch (err) {
    return { figures: [], notes: [`web worker latency failed: ${(err as Error).message}`] };
  }
}

/** Extension activation time and .vsix size, as client/bench/sizes.ts measures them. */
export async function measureClient(): Promise<ExternalResult> {
  const { module, note } = await importIfPresent('client/bench/sizes.ts');
  const measure = module?.measureClientSizes as
    | ((root: string) => { figures: ExtraFigure[]; notes: string[] })
    | undefined;
  if (!measure) return { figures: [], notes: [note ?? 'client sizes: no measureClientSizes'] };
  try {
    const r = measure(root);
    return { figures: r.figures, notes: r.notes.map((n) => `client: ${n}`) };
  } catch (err) {
    return { figures: [], notes: [`client sizes failed: ${(err as Error).message}`] };
  }
}
