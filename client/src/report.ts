import type { Analysis } from '../../grammar/src/index';
import { type ReportFormat, reportFormats } from '../../report/src/formats';
import type { ReportOptions } from '../../report/src/options';

/** The report module, loaded on first use (a preview or an export), not at activation. */
export type ReportModule = typeof import('../../report/src/index');

/** A format the export command writes. */
export type ExportFormat = ReportFormat;

/** Every export format, in the order the picker shows them. */
export const exportFormats: readonly ExportFormat[] = reportFormats.map((f) => f.format);

let loading: Promise<ReportModule> | undefined;

/**
 * Loads the report renderer. It holds the PDF writer, most of the bundle's code, so it is
 * evaluated only when first needed; esbuild keeps a dynamically imported module lazy.
 */
export function loadReport(): Promise<ReportModule> {
  loading ??= import('../../report/src/index');
  return loading;
}

/** Renders a report to the bytes of a file, through the same renderer as the CLI. */
export async function renderExport(
  analysis: Analysis,
  format: ExportFormat,
  options: Pick<ReportOptions, 'fontDir' | 'sourceText'>,
): Promise<Uint8Array> {
  const { renderReport } = await loadReport();
  const out = await renderReport(analysis, format, options);
  return typeof out === 'string' ? new TextEncoder().encode(out) : out;
}
