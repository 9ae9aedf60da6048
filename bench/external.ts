/**
 * The figures measured outside the core: the language server over the real protocol
 * (server/bench/latency.ts) and the extension's activation time and package size
 * (client/bench/sizes.ts). Each is skipped with a note until its engineer has written it.
 */

import { importIfPresent } from './optional';
import type { ExtraFigure } from './results';

/** What measuring one outside layer gave. */
export interface ExternalResult {
  figures: ExtraFigure[];
  notes: string[];
}

/** Edit → published diagnostics and hover latency on the sample and a 10,000-line document. */
export async function measureServer(
  _sample: string,
  _large: string,
  _quick: boolean,
): Promise<ExternalResult> {
  const { module, note } = await importIfPresent('server/bench/latency.ts');
  if (!module) return { figures: [], notes: [note ?? 'server latency skipped'] };
  return { figures: [], notes: ['server/bench/latency.ts present but not wired in yet'] };
}

/** Extension activation time and .vsix size. */
export async function measureClient(): Promise<ExternalResult> {
  const { module, note } = await importIfPresent('client/bench/sizes.ts');
  if (!module) return { figures: [], notes: [note ?? 'client sizes skipped'] };
  return { figures: [], notes: ['client/bench/sizes.ts present but not wired in yet'] };
}
