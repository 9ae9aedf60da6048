/**
 * Render timings for the benchmark harness: medians of repeated HTML and PDF renders of one
 * analysis, after a warm-up so one-time work (module loading, font parsing) is not counted.
 */

import { performance } from 'node:perf_hooks';
import type { Analysis } from '../../grammar/src/index';
import { type ReportOptions, renderHtml, renderPdf } from '../src/index';

/** Median render times in milliseconds, with the sample sizes and output sizes behind them. */
export interface RenderTimings {
  htmlMs: number;
  pdfMs: number;
  htmlRuns: number;
  pdfRuns: number;
  htmlBytes: number;
  pdfBytes: number;
}

/** Options of a measurement. */
export interface MeasureOptions {
  /** HTML renders to time (default 30). */
  htmlRuns?: number;
  /** PDF renders to time (default 7). */
  pdfRuns?: number;
  /** Passed to the renderers, e.g. `fontDir`. */
  report?: ReportOptions;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times HTML and PDF renders of an analysis and returns their medians. */
export async function measureRender(
  analysis: Analysis,
  options: MeasureOptions = {},
): Promise<RenderTimings> {
  const report = options.report ?? {};
  const htmlRuns = Math.max(1, options.htmlRuns ?? 30);
  const pdfRuns = Math.max(1, options.pdfRuns ?? 7);
  let html = renderHtml(analysis, report);
  let pdf = await renderPdf(analysis, report);
  const htmlTimes: number[] = [];
  for (let i = 0; i < htmlRuns; i++) {
    const t0 = performance.now();
    html = renderHtml(analysis, report);
    htmlTimes.push(performance.now() - t0);
  }
  const pdfTimes: number[] = [];
  for (let i = 0; i < pdfRuns; i++) {
    const t0 = performance.now();
    pdf = await renderPdf(analysis, report);
    pdfTimes.push(performance.now() - t0);
  }
  return {
    htmlMs: median(htmlTimes),
    pdfMs: median(pdfTimes),
    htmlRuns,
    pdfRuns,
    htmlBytes: Buffer.byteLength(html),
    pdfBytes: pdf.length,
  };
}
