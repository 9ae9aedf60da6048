/**
 * The report for Node: the platform-free renderer of report/src/render.ts, with the PDF's fonts
 * read from disk when the caller does not pass them and Node's zlib for the PDF's pages and the
 * Word charts' pictures. The CLI, the desktop tests and the benchmark
 * import this; the extensions (desktop and web) import render.ts and pass the fonts.
 */

import type { Analysis } from '../../grammar/src/index';
import type { ReportDocument } from './document';
import type { ReportFormat } from './formats';
import type { ReportOptions } from './options';
import { inNode } from './pdfNode';
import {
  renderDocxDocument as renderDocxDocumentWith,
  renderReportParts as renderPartsWith,
  renderReport as renderWith,
} from './render';

export { defaultFontDir, fontDirCandidates, readFontDir } from './fontDir';
export { renderPdf, renderPdfDocument } from './pdfNode';
export * from './render';

/** Renders a report: a string for the text formats, bytes for PDF (fonts from `fontDir` or found). */
export async function renderReport(
  analysis: Analysis,
  format: ReportFormat,
  options: ReportOptions = {},
): Promise<Uint8Array | string> {
  return renderWith(analysis, format, inNode(options, format === 'pdf'));
}

/** Renders a report as pieces to write one after another (fonts from `fontDir` or found). */
export function renderReportParts(
  analysis: Analysis,
  format: ReportFormat,
  options: ReportOptions = {},
): Promise<Iterable<Uint8Array | string>> {
  return renderPartsWith(analysis, format, inNode(options, format === 'pdf'));
}

/** Renders a report's structure as a .docx file, its charts' pictures compressed by Node's zlib. */
export function renderDocxDocument(
  doc: ReportDocument,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  return renderDocxDocumentWith(doc, inNode(options, false));
}
