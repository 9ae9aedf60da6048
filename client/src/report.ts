import type * as vscode from 'vscode';
import type { Analysis } from '../../grammar/src/index';
import { type ReportFormat, reportFormats } from '../../report/src/formats';
import { reportFonts } from './reportFonts';

/** The report module, loaded on first use (a preview or an export), not at activation. */
export type ReportModule = typeof import('../../report/src/render');

/** A format the export command writes. */
export type ExportFormat = ReportFormat;

/** Every export format, in the order the picker shows them. */
export const exportFormats: readonly ExportFormat[] = reportFormats.map((f) => f.format);

let loading: Promise<ReportModule> | undefined;

/**
 * Loads the report renderer (the platform-free one, so desktop and web share it). It holds the
 * PDF writer, most of the bundle's code, so it is evaluated only when first needed; esbuild
 * keeps a dynamically imported module lazy.
 */
export function loadReport(): Promise<ReportModule> {
  loading ??= import('../../report/src/render');
  return loading;
}

/**
 * Renders a report to the bytes of a file, through the same renderer as the CLI. The PDF's fonts
 * are read from `fontDir` (the extension's `dist/fonts`).
 */
export async function renderExport(
  analysis: Analysis,
  format: ExportFormat,
  options: { fontDir: vscode.Uri; sourceText?: string },
): Promise<Uint8Array> {
  const { renderReport } = await loadReport();
  const fonts = format === 'pdf' ? await reportFonts(options.fontDir) : undefined;
  const out = await renderReport(analysis, format, {
    ...(fonts ? { fonts } : {}),
    ...(options.sourceText !== undefined ? { sourceText: options.sourceText } : {}),
  });
  return typeof out === 'string' ? new TextEncoder().encode(out) : out;
}
