/**
 * The report as PDF: the report's structure (build.ts) laid out by report/src/pdf/ — page flow
 * (flow.ts), tagging (tags.ts), text and lists (text.ts), tables (tables.ts), charts (charts.ts),
 * blocks (blocks.ts), and the pages' furniture, bookmarks and contents (pages.ts).
 */

import type { Analysis } from '../../grammar/src/index';
import { buildReport } from './build';
import type { ReportDocument } from './document';
import type { ReportOptions } from './options';
import { renderPdfDocument as layout, type PdfRendering } from './pdf/document';

function requireFonts(options: ReportOptions): NonNullable<ReportOptions['fonts']> {
  if (!options.fonts) {
    throw new Error(
      'The PDF needs the report fonts: pass `fonts` (report/src/index.ts reads them in Node).',
    );
  }
  return options.fonts;
}

function rendering(options: ReportOptions): PdfRendering {
  return { deflate: options.deflate, onMissingCharacters: options.onMissingCharacters };
}

/** Renders the report as a PDF document with the fonts given as bytes (`options.fonts`). */
export function renderPdf(analysis: Analysis, options: ReportOptions = {}): Promise<Uint8Array> {
  const fonts = requireFonts(options);
  return layout(buildReport(analysis, options), fonts, rendering(options));
}

/** Renders a report's structure (an evaluation's or a comparison's) as a PDF document. */
export function renderPdfDocument(
  report: ReportDocument,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  return layout(report, requireFonts(options), rendering(options));
}
