import { extname, resolve } from 'node:path';
import { compareEvaluations, type MessageLanguage } from '../../grammar/src/index';
import type { ReportFormat } from '../../report/src/formats';
import { UsageError } from './errors';
import { renderWithEngine } from './runtime';
import { loadEvaluationSet, setLanguage } from './summary';
import type { MissingCharacter } from './texts';
import { writeOutput } from './write';

/** The formats a comparison report is written in. */
export const compareFormats: readonly ReportFormat[] = ['html', 'pdf', 'docx', 'md'];

/**
 * `kompass export --compare PATH... --format F -o FILE`: the comparison report of a set of files
 * and folders. Returns where it went and how many files of the set have errors.
 */
export async function runCompareExport(
  paths: readonly string[],
  options: { format: ReportFormat; output?: string; force: boolean },
  stdout: (data: string | Uint8Array) => void,
  /** Told the set's language as soon as it is read, so later errors speak it. */
  onLanguage?: (setLanguage: MessageLanguage) => void,
): Promise<{ target: string; errors: number; missing: MissingCharacter[] }> {
  if (!compareFormats.includes(options.format)) {
    const format = options.format;
    throw new UsageError((t) => t.compareFormat(compareFormats, format));
  }
  if (options.output === undefined) {
    throw new UsageError((t) => t.compareOutput());
  }
  const set = loadEvaluationSet(paths);
  if (set.evaluations.length === 0) {
    throw new UsageError((t) => t.compareNoEvaluation(paths.join(', ')));
  }
  const lang = setLanguage(set.evaluations);
  onLanguage?.(lang);
  const model = compareEvaluations(set.evaluations, lang);
  // Loaded on use, as for a single report: the renderer is a bundle of its own.
  const report = await import('../../report/src/index');
  const doc = report.buildComparisonReport(model, lang);
  let missing: MissingCharacter[] = [];
  const onMissingCharacters = (characters: string[]) => {
    missing = characters.map((character) => ({ character }));
  };
  const data = await renderWithEngine(options.format, async () =>
    options.format === 'docx'
      ? await report.renderDocxDocument(doc)
      : options.format === 'pdf'
        ? await report.renderPdfDocument(doc, { onMissingCharacters })
        : options.format === 'html'
          ? report.renderHtmlDocument(doc)
          : report.renderMarkdownDocument(doc),
  );
  const errors = set.errors.size;
  if (options.output === '-') {
    stdout(data);
    return { target: '-', errors, missing };
  }
  const target = options.output;
  if (extname(target) === '.kompass' || set.files.some((f) => resolve(f) === resolve(target))) {
    throw new UsageError((t) => t.intoKompass(target));
  }
  writeOutput(target, data, { source: set.files[0]!, force: options.force });
  return { target, errors, missing };
}
