import { basename, dirname, extname, join } from 'node:path';
import { type ReportFormat, reportFormat } from '../../report/src/formats';
import { UsageError } from './errors';
import { readDocument } from './files';
import { loadEvaluations, requireEvaluations } from './summary';
import { writeOutput } from './write';

/** The default output path: the source's name with the format's extension, beside it. */
export function defaultOutput(source: string, format: ReportFormat): string {
  const name = basename(source, extname(source)).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'report';
  return join(dirname(source), `${name}${reportFormat(format).extension}`);
}

/** Options of `kompass export`. */
export interface ExportOptions {
  format: ReportFormat;
  output?: string;
  force: boolean;
  csvSeparator?: ',' | ';';
  csvBom?: boolean;
}

/** Renders a document in one format and writes it; returns where it went and the error count. */
export async function runExport(
  source: string,
  options: ExportOptions,
  stdout: (data: string | Uint8Array) => void,
): Promise<{ target: string; errors: number }> {
  const analysis = loadEvaluations(source);
  requireEvaluations(source, analysis.evaluations);
  // Loaded here, not at start-up: the renderer (pdfkit, fontkit, markdown-it) is most of the CLI's
  // code, and `check` or `--version` never needs it. The build makes it a bundle of its own.
  const { renderReport } = await import('../../report/src/index');
  const data = await renderReport(analysis, options.format, {
    sourceText: readDocument(source),
    ...(options.csvSeparator ? { csvSeparator: options.csvSeparator } : {}),
    ...(options.csvBom ? { csvBom: true } : {}),
  });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (options.output === '-') {
    stdout(data);
    return { target: '-', errors };
  }
  const target = options.output ?? defaultOutput(source, options.format);
  if (extname(target) === '.kompass') {
    throw new UsageError(`${target}: refusing to write a report into a .kompass file`);
  }
  writeOutput(target, data, { source, force: options.force });
  return { target, errors };
}
