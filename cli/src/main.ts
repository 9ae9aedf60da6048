import { statSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { MessageLanguage } from '../../grammar/src/index';
import { isReportFormat } from '../../report/src/formats';
import { UsageError } from './errors';
import { tuneEngine } from './runtime';
import { guardStdout } from './stdout';
import { cliTexts, localeLanguage } from './texts';

const version = '0.1.0';

type Out = { out: (s: string | Uint8Array) => void; err: (s: string) => void };

function parse<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (e) {
    const detail = (e as Error).message.split('\n')[0]!;
    throw new UsageError((t) => t.badOption(detail));
  }
}

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new UsageError((t) => t.expectedOneFile(command, positionals.length));
  }
  return positionals[0]!;
}

function textOrJson(value: unknown): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError((t) => t.formatTextJson(String(value)));
}

function summaryFormat(value: unknown): 'text' | 'json' | 'csv' {
  if (value === 'csv') return 'csv';
  try {
    return textOrJson(value);
  } catch {
    throw new UsageError((t) => t.formatTextJsonCsv(String(value)));
  }
}

/** Whether the paths name exactly one file: `summary` then shows that file in detail. */
function oneFileOnly(paths: readonly string[]): boolean {
  return paths.length === 1 && statSync(paths[0]!, { throwIfNoEntry: false })?.isFile() === true;
}

/** What the command speaks: `--lang`, else the documents' language once read, else `LANG`. */
interface Speech {
  forced?: MessageLanguage;
  lang: MessageLanguage;
}

/** Takes `--lang sv|en` (or `--lang=sv`) out of the arguments, wherever it stands. */
function takeLang(argv: string[], speech: Speech): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === undefined && a !== '--lang') {
      rest.push(a);
      continue;
    }
    if (value !== 'sv' && value !== 'en') throw new UsageError((t) => t.badLang(String(value)));
    speech.forced = value;
    speech.lang = value;
  }
  return rest;
}

const sizeUnits: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/** Reads a size in bytes: `25000000`, `25MB`, `25M`, `500kB` (decimal units, as sizes are shown). */
function byteSize(value: string): number | undefined {
  const m = /^(\d+)\s*([kmg]?)b?$/i.exec(value.trim());
  const bytes = m ? Number(m[1]) * sizeUnits[m[2]!.toLowerCase()]! : Number.NaN;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/**
 * Takes `--max-size BYTES` (or `--max-size=BYTES`) out of the arguments, wherever it stands; else
 * `KOMPASS_MAX_SIZE`. Undefined: the default limit.
 */
function takeMaxSize(
  argv: string[],
  env: Record<string, string | undefined>,
): { rest: string[]; bytes?: number } {
  const rest: string[] = [];
  let given = env.KOMPASS_MAX_SIZE;
  let from = 'KOMPASS_MAX_SIZE';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--max-size' || a.startsWith('--max-size=')) {
      given = a === '--max-size' ? (argv[++i] ?? '') : a.slice(11);
      from = '--max-size';
    } else rest.push(a);
  }
  if (given === undefined) return { rest };
  const bytes = byteSize(given);
  if (bytes === undefined) throw new UsageError((t) => t.badMaxSize(from, String(given)));
  return { rest, bytes };
}

/** The documents' language, unless `--lang` chose one. */
function follow(speech: Speech, documents: MessageLanguage | undefined): void {
  if (!speech.forced && documents) speech.lang = documents;
}

/**
 * Runs the CLI with arguments (without `node` and the script); returns the exit code. `env`
 * supplies `LANG` (the process environment by default).
 */
export async function main(
  argv: string[],
  io: Out,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const speech: Speech = { lang: localeLanguage(env.LANG) ?? 'en' };
  const t = () => cliTexts[speech.lang];
  try {
    const sized = takeMaxSize(takeLang(argv, speech), env);
    const [command, ...rest] = sized.rest;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(t().usage());
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.out(`${version}\n`);
      return 0;
    }
    if (sized.bytes !== undefined) (await import('./files')).setMaxDocumentBytes(sized.bytes);
    if (command === 'check') {
      const { values, positionals } = parse(rest, {
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) return help(io, t);
      const format = textOrJson(values.format);
      if (positionals.length === 0) throw new UsageError((x) => x.expectedPaths('check'));
      // Each command loads its own code, so `--version` and `--help` load no language core.
      const { formatCheckJson, formatCheckText, runCheck } = await import('./check');
      const r = runCheck(positionals, speech.forced);
      follow(speech, r.language);
      io.out(format === 'json' ? formatCheckJson(r) : formatCheckText(r, t()));
      return r.errors > 0 ? 1 : 0;
    }
    if (command === 'summary') {
      const { values, positionals } = parse(rest, {
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) return help(io, t);
      const format = summaryFormat(values.format);
      if (positionals.length === 0) throw new UsageError((x) => x.expectedPaths('summary'));
      const {
        formatSummary,
        loadEvaluationSet,
        loadEvaluations,
        requireEvaluations,
        setLanguage,
        summaryJson,
      } = await import('./summary');
      const { severityCounts } = await import('../../grammar/src/index');
      if (format !== 'csv' && oneFileOnly(positionals)) {
        const file = positionals[0]!;
        const analysis = loadEvaluations(file, speech.forced);
        follow(speech, analysis.messageLanguage);
        requireEvaluations(file, analysis.evaluations);
        io.out(
          format === 'json'
            ? summaryJson(analysis.evaluations)
            : analysis.evaluations.map((ev) => formatSummary(ev, speech.forced)).join('\n'),
        );
        const errors = severityCounts(analysis).errors;
        // Say why the exit code is 1: the table alone does not show the errors.
        if (errors > 0) io.err(`${t().seeCheck(file, errors)}\n`);
        return errors > 0 ? 1 : 0;
      }
      const set = loadEvaluationSet(positionals);
      if (set.evaluations.length === 0) {
        throw new UsageError((x) => x.noEvaluationIn(positionals.join(', ')));
      }
      follow(speech, setLanguage(set.evaluations));
      const lang = speech.lang;
      const { compareEvaluations } = await import('../../grammar/src/index');
      const { formatSummaryCsv, formatSummaryJson, formatSummaryTable } = await import(
        './summaryTable'
      );
      const model = compareEvaluations(set.evaluations, lang);
      io.out(
        format === 'csv'
          ? formatSummaryCsv(model)
          : format === 'json'
            ? formatSummaryJson(model, set.sources)
            : formatSummaryTable(model, lang),
      );
      for (const [file, n] of set.errors) io.err(`${t().seeCheck(file, n)}\n`);
      return set.errors.size > 0 ? 1 : 0;
    }
    if (command === 'export') {
      const { values, positionals } = parse(rest, {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        'csv-separator': { type: 'string' },
        bom: { type: 'boolean' },
        compare: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) return help(io, t);
      if (values.compare) {
        const format = values.format;
        if (typeof format !== 'string' || !isReportFormat(format)) {
          throw new UsageError((x) => x.exportFormat());
        }
        if (positionals.length === 0)
          throw new UsageError((x) => x.expectedPaths('export --compare'));
        const { runCompareExport } = await import('./compareExport');
        const r = await runCompareExport(
          positionals,
          {
            format,
            force: values.force === true,
            ...(typeof values.output === 'string' ? { output: values.output } : {}),
          },
          io.out,
          (documents) => follow(speech, documents),
        );
        if (r.target !== '-') io.err(`${t().wrote(r.target)}\n`);
        if (r.missing.length > 0) io.err(`${t().missingCharacters(r.target, r.missing)}\n`);
        if (r.errors > 0) io.err(`${t().setHasErrors(r.errors)}\n`);
        return 0;
      }
      const file = oneFile(positionals, 'export');
      const format = values.format;
      const { runExport } = await import('./export');
      if (typeof format !== 'string' || !isReportFormat(format)) {
        throw new UsageError((x) => x.exportFormat());
      }
      const sep = values['csv-separator'];
      if (sep !== undefined && sep !== ',' && sep !== ';') {
        throw new UsageError((x) => x.csvSeparator());
      }
      const r = await runExport(
        file,
        {
          format,
          force: values.force === true,
          ...(typeof values.output === 'string' ? { output: values.output } : {}),
          ...(sep ? { csvSeparator: sep } : {}),
          ...(values.bom ? { csvBom: true } : {}),
        },
        io.out,
        speech.forced,
        (documents) => follow(speech, documents),
      );
      if (r.target !== '-') io.err(`${t().wrote(r.target)}\n`);
      if (r.missing.length > 0) io.err(`${t().missingCharacters(file, r.missing)}\n`);
      // The report is written all the same (it lists its problems), but the run is not clean.
      const { checkItems, formatItem } = await import('./check');
      const { severityCounts } = await import('../../grammar/src/index');
      const errors = severityCounts(r.analysis).errors;
      if (errors === 0) return 0;
      for (const i of checkItems(file, r.analysis.text, r.analysis.diagnostics))
        if (i.severity === 'error') io.err(`${formatItem(i)}\n`);
      io.err(`${t().hasErrors(file, errors)}\n`);
      return 1;
    }
    throw new UsageError((x) => x.unknownCommand(command));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kompass: ${e.say(t())}\n`);
      return 2;
    }
    io.err(`kompass: ${t().internal(String((e as Error).stack ?? e))}\n`);
    return 2;
  }
}

function help(io: Out, t: () => { usage: () => string }): number {
  io.out(t().usage());
  return 0;
}

/** Entry point of the `kompass` bin. */
export function run(): void {
  tuneEngine();
  guardStdout();
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }).then((code) => {
    process.exitCode = code;
  });
}
