/**
 * The PDF renderer alone for Node, with the fonts read from disk when the caller does not pass
 * them: `kompass export --format pdf` loads this bundle (dist/report-pdf.js) instead of the whole
 * report renderer, so a PDF does not pay for reading and compiling the Word and HTML writers.
 */

import type { Analysis } from '../../grammar/src/index';
import type { ReportDocument } from './document';
import { readFontDir } from './fontDir';
import { nodeDeflate } from './nodeDeflate';
import type { ReportOptions } from './options';
import { renderPdfDocument as renderPdfDocumentWith, renderPdf as renderPdfWith } from './pdf';

/**
 * The options with what Node gives: its zlib (`deflate`, unless given) and, when `fonts` is true,
 * the PDF's fonts (as given, or read from `fontDir` or the usual places).
 */
export function inNode(options: ReportOptions, fonts = true): ReportOptions {
  return {
    ...options,
    ...(fonts ? { fonts: options.fonts ?? readFontDir(options.fontDir) } : {}),
    deflate: options.deflate ?? nodeDeflate,
  };
}

/** Renders the report as a PDF document (fonts from `fontDir` or found). */
export async function renderPdf(
  analysis: Analysis,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  return renderPdfWith(analysis, inNode(options));
}

/** Renders a report's structure (an evaluation's or a comparison's) as a PDF (fonts from `fontDir` or found). */
export async function renderPdfDocument(
  doc: ReportDocument,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  return renderPdfDocumentWith(doc, inNode(options));
}
