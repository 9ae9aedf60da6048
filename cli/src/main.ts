import { statSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isReportFormat, reportFormatList } from '../../report/src/formats';
import { UsageError } from './errors';
import { guardStdout } from './stdout';

const usage = `Usage: kompass <command> [options]

Commands:
  check PATH...                 Check .kompass files (folders are searched); exit 1 on errors
        --format text|json      Output format (default text)
  summary PATH...               One file: its areas' scores and total. Several files or
                                folders: one table of every evaluation, by name then date,
                                with the change since the previous round and the averages
        --format text|json|csv  CSV: name,date,framework,round,total,max,area1,...,area8
  export FILE --format FORMAT   Write the report: ${reportFormatList()}
        -o, --output PATH       Where to write (default: beside FILE; - for standard output)
        --force                 Overwrite an existing output file
        --csv-separator , | ;   CSV field separator (default ,)
        --bom                   Start CSV output with a UTF-8 byte-order mark (for Excel)
  export --compare PATH... --format docx|md -o FILE
                                The comparison report of a set of files and folders: table,
                                trend per municipality, ranking per area, average profile

Options:
  -h, --help                    Show this help
  -v, --version                 Show the version

Exit codes: 0 no errors, 1 the documents have errors, 2 the command could not run.
`;

const version = '0.1.0';

type Out = { out: (s: string | Uint8Array) => void; err: (s: string) => void };

function parse<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]!);
  }
}

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${command}: expected one FILE, got ${positionals.length}`);
  }
  return positionals[0]!;
}

function textOrJson(value: unknown): 'text' | 'json' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UsageError(`--format must be text or json, not ${String(value)}`);
}

function summaryFormat(value: unknown): 'text' | 'json' | 'csv' {
  if (value === 'csv') return 'csv';
  try {
    return textOrJson(value);
  } catch {
    throw new UsageError(`--format must be text, json or csv, not ${String(value)}`);
  }
}

/** Whether the paths name exactly one file: `summary` then shows that file in detail. */
function oneFileOnly(paths: readonly string[]): boolean {
  return paths.length === 1 && statSync(paths[0]!, { throwIfNoEntry: false })?.isFile() === true;
}

function help(io: Out): number {
  io.out(usage);
  return 0;
}

/** Runs the CLI with arguments (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: Out): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(usage);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.out(`${version}\n`);
      return 0;
    }
    if (command === 'check') {
      const { values, positionals } = parse(rest, {
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) return help(io);
      const format = textOrJson(values.format);
      if (positionals.length === 0) throw new UsageError('check: expected at least one PATH');
      // Each command loads its own code, so `--version` and `--help` load no language core.
      const { formatCheckJson, formatCheckText, runCheck } = await import('./check');
      const r = runCheck(positionals);
      io.out(format === 'json' ? formatCheckJson(r) : formatCheckText(r));
      return r.errors > 0 ? 1 : 0;
    }
    if (command === 'summary') {
      const { values, positionals } = parse(rest, {
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) return help(io);
      const format = summaryFormat(values.format);
      if (positionals.length === 0) throw new UsageError('summary: expected at least one PATH');
      const {
        formatSummary,
        loadEvaluationSet,
        loadEvaluations,
        requireEvaluations,
        setLanguage,
        summaryJson,
      } = await import('./summary');
      if (format !== 'csv' && oneFileOnly(positionals)) {
        const file = positionals[0]!;
        const analysis = loadEvaluations(file);
        requireEvaluations(file, analysis.evaluations);
        io.out(
          format === 'json'
            ? summaryJson(analysis.evaluations)
            : analysis.evaluations.map(formatSummary).join('\n'),
        );
        return analysis.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
      }
      const set = loadEvaluationSet(positionals);
      if (set.evaluations.length === 0) {
        throw new UsageError(`summary: no evaluation in ${positionals.join(', ')}`);
      }
      const lang = setLanguage(set.evaluations);
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
      for (const [file, n] of set.errors) {
        io.err(`${file}: ${n} error(s); see kompass check ${file}\n`);
      }
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
      if (values.help) return help(io);
      if (values.compare) {
        const format = values.format;
        if (typeof format !== 'string' || !isReportFormat(format)) {
          throw new UsageError(`export: --format must be ${reportFormatList()}`);
        }
        if (positionals.length === 0) throw new UsageError('export --compare: expected PATH...');
        const { runCompareExport } = await import('./compareExport');
        const r = await runCompareExport(
          positionals,
          {
            format,
            force: values.force === true,
            ...(typeof values.output === 'string' ? { output: values.output } : {}),
          },
          io.out,
        );
        if (r.target !== '-') io.err(`wrote ${r.target}\n`);
        if (r.errors > 0) io.err(`${r.errors} file(s) of the set have errors; see kompass check\n`);
        return 0;
      }
      const file = oneFile(positionals, 'export');
      const format = values.format;
      const { runExport } = await import('./export');
      if (typeof format !== 'string' || !isReportFormat(format)) {
        throw new UsageError(`export: --format must be ${reportFormatList()}`);
      }
      const sep = values['csv-separator'];
      if (sep !== undefined && sep !== ',' && sep !== ';') {
        throw new UsageError(`export: --csv-separator must be , or ;`);
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
      );
      if (r.target !== '-') io.err(`wrote ${r.target}\n`);
      if (r.errors > 0)
        io.err(`${file}: the document has ${r.errors} error(s); the report lists them\n`);
      return 0;
    }
    throw new UsageError(`unknown command ${JSON.stringify(command)}; see kompass --help`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kompass: ${e.message}\n`);
      return 2;
    }
    io.err(`kompass: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

/** Entry point of the `kompass` bin. */
export function run(): void {
  guardStdout();
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }).then((code) => {
    process.exitCode = code;
  });
}
