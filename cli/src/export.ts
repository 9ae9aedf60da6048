import { basename, dirname, extname, join } from 'node:path';
import type { Analysis, MessageLanguage } from '../../grammar/src/index';
import { type ReportFormat, reportFormat } from '../../report/src/formats';
import { namedMissingCharacters, type ReportOptions } from '../../report/src/options';
import { UsageError } from './errors';
import { loadWithDefaultFlags, renderWithEngine } from './runtime';
import { loadEvaluations, requireEvaluations } from './summary';
import type { MissingCharacter } from './texts';
import { writeOutput } from './write';

/** The default output path: the source's name with the format's extension, beside it. */
export function defaultOutput(source: string, format: ReportFormat): string {
  const name = basename(source, extname(source)).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'report';
  return join(dirname(source), `${name}${reportFormat(format).extension}`);
}

/** The PDF of a document: the PDF renderer loaded with its code cache, then laid out. */
async function pdfOf(
  analysis: Analysis & { text: string },
  options: ReportOptions,
): Promise<Uint8Array> {
  const pdf = await loadWithDefaultFlags(() => import('../../report/src/pdfNode'));
  return renderWithEngine('pdf', () => pdf.renderPdf(analysis, options));
}

/** Options of `kompass export`. */
export interface ExportOptions {
  format: ReportFormat;
  output?: string;
  force: boolean;
  csvSeparator?: ',' | ';';
  csvBom?: boolean;
}

/**
 * Each character the PDF could not show, in the order given, the ones the warning names with the
 * first line of `text` that has them (1-based): each is a search of the text, so only those.
 */
export function whereMissing(text: string, characters: readonly string[]): MissingCharacter[] {
  return characters.map((character, i) => {
    if (i >= namedMissingCharacters) return { character };
    const at = text.indexOf(character);
    if (at < 0) return { character };
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    return { character, line };
  });
}

/**
 * Renders a document in one format and writes it; returns where it went, the analysis, and the
 * characters a PDF could not show.
 */
export async function runExport(
  source: string,
  options: ExportOptions,
  stdout: (data: string | Uint8Array) => void,
  lang?: MessageLanguage,
  /** Told the document's language as soon as it is read, so later errors speak it. */
  onLanguage?: (documentLanguage: MessageLanguage) => void,
): Promise<{
  target: string;
  analysis: Analysis & { text: string };
  missing: MissingCharacter[];
}> {
  const analysis = loadEvaluations(source, lang);
  onLanguage?.(analysis.messageLanguage);
  requireEvaluations(source, analysis.evaluations);
  let missing: MissingCharacter[] = [];
  const renderOptions: ReportOptions = {
    sourceText: analysis.text,
    onMissingCharacters: (characters) => {
      missing = whereMissing(analysis.text, characters);
    },
    ...(options.csvSeparator ? { csvSeparator: options.csvSeparator } : {}),
    ...(options.csvBom ? { csvBom: true } : {}),
  };
  // Loaded here, not at start-up: the renderer (pdfkit, fontkit, markdown-it) is most of the CLI's
  // code, and `check` or `--version` never needs it. The build makes it a bundle of its own, and
  // the PDF renderer one more without the other formats' writers.
  const data =
    options.format === 'pdf'
      ? [await pdfOf(analysis, renderOptions)]
      : await renderWithEngine(options.format, async () =>
          (await import('../../report/src/index')).renderReportParts(
            analysis,
            options.format,
            renderOptions,
          ),
        );
  if (options.output === '-') {
    for (const piece of data) stdout(piece);
    return { target: '-', analysis, missing };
  }
  const target = options.output ?? defaultOutput(source, options.format);
  if (extname(target) === '.kompass') {
    throw new UsageError((t) => t.intoKompass(target));
  }
  writeOutput(target, data, { source, force: options.force });
  return { target, analysis, missing };
}
