import type * as vscode from 'vscode';
import type { Analysis } from '../../grammar/src/index';
import { type ReportFormat, reportFormats } from '../../report/src/formats';
import type { Deflate } from '../../report/src/options';
import { reportFonts } from './reportFonts';

/** The report module, loaded on first use (a preview or an export), not at activation. */
export type ReportModule = typeof import('../../report/src/render');

/** A format the export command writes. */
export type ExportFormat = ReportFormat;

/** Every export format, in the order the picker shows them. */
export const exportFormats: readonly ExportFormat[] = reportFormats.map((f) => f.format);

let source: (() => Promise<ReportModule>) | undefined;
let loading: Promise<ReportModule> | undefined;

/**
 * Says where the report renderer (the platform-free one, which desktop and web share) comes
 * from: each entry sets it before activating. VS Code for the Web loads an extension as one file,
 * so the web bundle holds the renderer; the desktop entry loads it from there instead of carrying
 * a second copy (client/src/extension.ts).
 */
export function useReportModule(load: () => Promise<ReportModule>): void {
  source = load;
  loading = undefined;
}

/**
 * Loads the report renderer on first use (a preview or an export), not at activation: it holds
 * the PDF writer, most of the code, so it is evaluated only when first needed.
 */
export function loadReport(): Promise<ReportModule> {
  if (!source) return Promise.reject(new Error('kompass: the report renderer was not set up'));
  if (!loading) {
    const load = source();
    // A failed load is not kept: the next preview or export tries again.
    load.catch(() => {
      if (loading === load) loading = undefined;
    });
    loading = load;
  }
  return loading;
}

/**
 * Renders a report to the bytes of a file, through the same renderer as the CLI, in pieces (the
 * HTML part by part: a page can be longer than the longest string JavaScript holds). The PDF's
 * fonts are read from `fontDir` (the extension's `dist/fonts`).
 */
export async function renderExport(
  analysis: Analysis,
  format: ExportFormat,
  options: {
    fontDir: vscode.Uri;
    sourceText?: string;
    deflate?: Deflate;
    /** Told the characters a PDF cannot show (`ReportOptions.onMissingCharacters`). */
    onMissingCharacters?: (characters: string[]) => void;
  },
): Promise<Iterable<Uint8Array>> {
  const { renderReportParts } = await loadReport();
  const fonts = format === 'pdf' ? await reportFonts(options.fontDir) : undefined;
  const parts = await renderReportParts(analysis, format, {
    ...(fonts ? { fonts } : {}),
    ...(options.sourceText !== undefined ? { sourceText: options.sourceText } : {}),
    ...(options.deflate ? { deflate: options.deflate } : {}),
    ...(options.onMissingCharacters ? { onMissingCharacters: options.onMissingCharacters } : {}),
  });
  return encoded(parts);
}

/** The pieces as bytes, each encoded only when it is written. */
function* encoded(parts: Iterable<Uint8Array | string>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const p of parts) yield typeof p === 'string' ? encoder.encode(p) : p;
}
