import type { Analysis } from '../../grammar/src/index';
import {
  type ReportFormat,
  type ReportOptions,
  renderReport,
  reportFormats,
} from '../../report/src/index';

/** A format the export command writes. */
export type ExportFormat = ReportFormat;

/** Every export format, in the report's order. */
export const exportFormats: readonly ExportFormat[] = reportFormats.map((f) => f.format);

/** Renders a report to the bytes of a file, through the same renderer as the CLI. */
export async function renderExport(
  analysis: Analysis,
  format: ExportFormat,
  options: Pick<ReportOptions, 'fontDir' | 'sourceText'>,
): Promise<Uint8Array> {
  const out = await renderReport(analysis, format, options);
  return typeof out === 'string' ? new TextEncoder().encode(out) : out;
}
