/**
 * The PDF renderer alone for Node, with the fonts read from disk when the caller does not pass
 * them: `kompass export --format pdf` loads this bundle (dist/report-pdf.js) instead of the whole
 * report renderer, so a PDF does not pay for reading and compiling the Word and HTML writers.
 */

import type { Analysis } from '../../grammar/src/index';
import type { ReportDocument } from './document';
import { readFontDir } from './fontDir';
import type { ReportOptions } from './options';
import { deflatePage } from './pageDeflate';
import { renderPdfDocument as renderPdfDocumentWith, renderPdf as renderPdfWith } from './pdf';

/**
 * The options with the PDF's fonts (as given, or read from `fontDir` or the usual places) and
 * Node's page compression.
 */
export function withFonts(options: ReportOptions): ReportOptions {
  return {
    ...options,
    fonts: options.fonts ?? readFontDir(options.fontDir),
    deflatePage: options.deflatePage ?? deflatePage,
  };
}

/** Renders the report as a PDF document (fonts from `fontDir` or found). */
export async function renderPdf(
  analysis: Analysis,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  return renderPdfWith(analysis, withFonts(options));
}

/** Renders a report's structure (an evaluation's or a comparison's) as a PDF (fonts from `fontDir` or found). */
export async function renderPdfDocument(
  doc: ReportDocument,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  return renderPdfDocumentWith(doc, withFonts(options));
}
