/**
 * The formats a report is rendered to: the one list the CLI, the export command's pick and the
 * `kompass.export.defaultFormat` setting are built from. Holds no renderer, so it loads cheaply.
 */

/** A format with its file extension, label and media type. */
export interface ReportFormatInfo {
  format: ReportFormat;
  /** With the leading dot: `.pdf`. */
  extension: string;
  /** The format's usual name: `PDF`, `Word (DOCX)`. */
  label: string;
  mediaType: string;
  /** True when the renderer returns bytes rather than a string. */
  binary: boolean;
}

/** The formats a report can be rendered to. */
export type ReportFormat = 'html' | 'pdf' | 'docx' | 'md' | 'json' | 'csv';

/** Each format, in the order a picker shows them. */
export const reportFormats: readonly ReportFormatInfo[] = [
  { format: 'html', extension: '.html', label: 'HTML', mediaType: 'text/html', binary: false },
  { format: 'pdf', extension: '.pdf', label: 'PDF', mediaType: 'application/pdf', binary: true },
  {
    format: 'docx',
    extension: '.docx',
    label: 'Word',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    binary: true,
  },
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

/** Whether a string names a report format. */
export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && reportFormats.some((f) => f.format === value);
}

/** The facts of one format. */
export function reportFormat(format: ReportFormat): ReportFormatInfo {
  const info = reportFormats.find((f) => f.format === format);
  if (!info) throw new Error(`unknown report format ${format}`);
  return info;
}

/** Format names (every report format unless given) joined for a message: `html, pdf, md, json or csv`. */
export function reportFormatList(
  or = 'or',
  names: readonly string[] = reportFormats.map((f) => f.format),
): string {
  return names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} ${or} ${names[names.length - 1]}`;
}
