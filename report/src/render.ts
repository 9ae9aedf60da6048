/**
 * The report renderer without any platform code: what runs in Node and in a browser alike. One
 * renderer for the preview, the export command and `kompass export`, so what is previewed is what
 * is exported. Turns a core `Analysis` into HTML, PDF, Markdown, JSON or CSV. The PDF's fonts are
 * passed in as bytes (`fonts`); report/src/index.ts reads them from disk for Node.
 */

import type { Analysis } from '../../grammar/src/index';
import { buildReport } from './build';
import { renderCsv } from './csv';
import { renderDocxDocument } from './docx';
import type { ReportFormat } from './formats';
import { renderHtml, renderHtmlParts } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { ReportOptions } from './options';
import { renderPdf } from './pdf';

/** Renders the report as a Word document (.docx). */
export function renderDocx(analysis: Analysis, options: ReportOptions = {}): Promise<Uint8Array> {
  return renderDocxDocument(buildReport(analysis, options), options);
}

/** Renders a report: a string for the text formats, bytes for PDF (needs `options.fonts`) and DOCX. */
export async function renderReport(
  analysis: Analysis,
  format: ReportFormat,
  options: ReportOptions = {},
): Promise<Uint8Array | string> {
  switch (format) {
    case 'html':
      return renderHtml(analysis, options);
    case 'pdf':
      return renderPdf(analysis, options);
    case 'docx':
      return renderDocx(analysis, options);
    case 'md':
      return renderMarkdown(analysis, options);
    case 'json':
      return `${JSON.stringify(renderJson(analysis, options), null, 2)}\n`;
    case 'csv':
      return renderCsv(analysis, options);
  }
}

/**
 * Renders a report as pieces to write one after another: the HTML part by part (a page can be
 * longer than the longest string JavaScript holds), every other format as one piece.
 */
export async function renderReportParts(
  analysis: Analysis,
  format: ReportFormat,
  options: ReportOptions = {},
): Promise<Iterable<Uint8Array | string>> {
  return format === 'html'
    ? renderHtmlParts(analysis, options)
    : [await renderReport(analysis, format, options)];
}

export {
  aboutText,
  areasTable,
  buildReport,
  figure,
  languageTags,
  problemsPart,
  questionTable,
  reportTitle,
} from './build';
export { type ChartData, type ChartSeries, chartData, radarGeometry, radarSvg } from './chart';
export { buildComparisonReport, trendFigure } from './compareReport';
export { reportCss } from './css';
export { renderCsv } from './csv';
export type * from './document';
export { renderDocxDocument } from './docx';
export { type FontBytes, type FontFace, fontFiles } from './fontFiles';
export {
  isReportFormat,
  type ReportFormat,
  type ReportFormatInfo,
  reportFormat,
  reportFormatList,
  reportFormats,
} from './formats';
export {
  partId,
  renderHtml,
  renderHtmlBody,
  renderHtmlDocument,
  renderHtmlDocumentBody,
  renderHtmlParts,
} from './html';
export { type JsonReport, jsonSchemaVersion, renderJson } from './json';
export { labelsFor, type ReportLanguage, reportLanguage } from './labels';
export { renderMarkdown, renderMarkdownDocument } from './markdown';
export type { ReportOptions } from './options';
export { renderPdf, renderPdfDocument } from './pdf';
