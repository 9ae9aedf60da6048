/**
 * The report renderer without any platform code: what runs in Node and in a browser alike. One
 * renderer for the preview, the export command and `kompass export`, so what is previewed is what
 * is exported. Turns a core `Analysis` into HTML, PDF, Markdown, JSON or CSV. The PDF's fonts are
 * passed in as bytes (`fonts`); report/src/index.ts finds them on disk for Node.
 */

import type { Analysis } from '../../grammar/src/index';
import { renderCsv } from './csv';
import type { FontBytes } from './fonts';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';

/** The formats a report can be rendered to. */
export type ReportFormat = 'html' | 'pdf' | 'md' | 'json' | 'csv';

/** Each format with its file extension, label and media type, in the order a picker shows them. */
export const reportFormats: readonly {
  format: ReportFormat;
  extension: string;
  label: string;
  mediaType: string;
  binary: boolean;
}[] = [
  { format: 'html', extension: '.html', label: 'HTML', mediaType: 'text/html', binary: false },
  { format: 'pdf', extension: '.pdf', label: 'PDF', mediaType: 'application/pdf', binary: true },
  { format: 'md', extension: '.md', label: 'Markdown', mediaType: 'text/markdown', binary: false },
  {
    format: 'json',
    extension: '.json',
    label: 'JSON',
    mediaType: 'application/json',
    binary: false,
  },
  { format: 'csv', extension: '.csv', label: 'CSV', mediaType: 'text/csv', binary: false },
];

/** Options for every format; each format reads those that concern it. */
export interface ReportOptions {
  /** CSV field separator; `;` also writes decimal commas, as Excel in Swedish locales expects. Default `,`. */
  csvSeparator?: ',' | ';';
  /** Start the CSV with a UTF-8 byte order mark so Excel reads å ä ö right. Default false. */
  csvBom?: boolean;
  /** Folder holding the DejaVu TTFs for the PDF; found next to the bundle or in node_modules when omitted (Node only). */
  fontDir?: string;
  /** The PDF's fonts as bytes; when given, `fontDir` is not read. Required outside Node. */
  fonts?: FontBytes;
  /** When the report was made; shown and stored only when given, so output is otherwise deterministic. */
  generatedAt?: Date;
  /** The document's text, so listed problems can carry line numbers. */
  sourceText?: string;
}

/** Whether a string names a report format. */
export function isReportFormat(value: string): value is ReportFormat {
  return reportFormats.some((f) => f.format === value);
}

/** Renders a report: a string for the text formats, bytes for PDF. */
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
    case 'md':
      return renderMarkdown(analysis, options);
    case 'json':
      return `${JSON.stringify(renderJson(analysis, options), null, 2)}\n`;
    case 'csv':
      return renderCsv(analysis, options);
  }
}

export { type ChartData, type ChartSeries, chartData, radarGeometry, radarSvg } from './chart';
export { reportCss } from './css';
export { renderCsv } from './csv';
export { type FontBytes, type FontFace, fontFiles } from './fonts';
export { partId, renderHtml, renderHtmlBody } from './html';
export { type JsonReport, jsonSchemaVersion, renderJson } from './json';
export { labelsFor, type ReportLanguage, reportLanguage } from './labels';
export { renderMarkdown } from './markdown';
export { renderPdf } from './pdf';
