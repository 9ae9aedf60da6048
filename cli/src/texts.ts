import type { MessageLanguage } from '../../grammar/src/index';
import { reportFormatList } from '../../report/src/formats';
import { namedMissingCharacters } from '../../report/src/options';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const sv = {
  usage: () => `Användning: kompass <kommando> [flaggor]

Kommandon:
  check SÖKVÄG...               Kontrollera .kompass-filer (mappar genomsöks); slutkod 1 vid fel
        --format text|json      Utdataformat (standard text)
  summary SÖKVÄG...             En fil: områdenas poäng och totalen. Flera filer eller mappar:
                                en tabell över alla utvärderingar, efter namn och datum, med
                                förändringen sedan förra omgången och medelvärdena
        --format text|json|csv  CSV: name,date,framework,round,total,max,area1,...,area8
  export FIL --format FORMAT    Skriv rapporten: ${reportFormatList()}
        -o, --output SÖKVÄG     Vart den skrivs (standard: bredvid FIL; - för standard ut)
        --force                 Skriv över en befintlig fil
        --csv-separator , | ;   Fältavgränsare i CSV (standard ,)
        --bom                   Inled CSV med en UTF-8-byteordningsmarkering (för Excel)

Flaggor:
  --lang sv|en                  Språk för hjälp, fel och rubriker (annars dokumentets
                                språk, annars LANG)
  --max-size BYTE               Största fil som läses, t.ex. 25000000 eller 25MB (standard
                                10MB; också KOMPASS_MAX_SIZE)
  -h, --help                    Visa den här hjälpen
  -v, --version                 Visa versionen

Slutkoder: 0 inga fel, 1 dokumenten har fel, 2 kommandot kunde inte köras.
`,
  noSuchPath: (p: string) => `${p}: filen eller mappen finns inte`,
  unreadable: (p: string, why: string) => `${p}: ${why}`,
  expectedOneFile: (command: string, n: number) => `${command}: väntade en FIL, fick ${n}`,
  expectedPaths: (command: string) => `${command}: väntade minst en SÖKVÄG`,
  formatTextJson: (v: string) => `--format ska vara text eller json, inte ${v}`,
  formatTextJsonCsv: (v: string) => `--format ska vara text, json eller csv, inte ${v}`,
  exportFormat: () => `export: --format ska vara ${reportFormatList()}`,
  csvSeparator: () => 'export: --csv-separator ska vara , eller ;',
  badLang: (v: string) => `--lang ska vara sv eller en, inte ${v}`,
  badMaxSize: (from: string, v: string) =>
    `${from} ska vara ett antal byte större än 0 (t.ex. 25000000 eller 25MB), inte ”${v}”`,
  badOption: (detail: string) => `okänd eller ofullständig flagga: ${detail}`,
  unknownCommand: (c: string) => `okänt kommando ”${c}”; se kompass --help`,
  noEvaluationIn: (paths: string) => `summary: ingen utvärdering i ${paths}`,
  compareFormat: (formats: readonly string[], v: string) =>
    `export --compare: --format ska vara ${reportFormatList('eller', formats)}, inte ${v}`,
  compareOutput: () =>
    'export --compare: ange filen som ska skrivas med -o FIL (eller -o - för standard ut)',
  compareNoEvaluation: (paths: string) => `export --compare: ingen utvärdering i ${paths}`,
  setHasErrors: (n: number) =>
    `${plural(n, 'fil', 'filer')} i jämförelsen har fel; se kompass check`,
  holdsNoEvaluation: (p: string) => `${p}: innehåller ingen utvärdering`,
  intoKompass: (p: string) => `${p}: skriver inte en rapport till en .kompass-fil`,
  overInput: (p: string) => `${p}: skriver inte över källdokumentet`,
  notFile: (p: string, kind: string) => `${p}: skriver inte hit, det är ingen vanlig fil (${kind})`,
  exists: (p: string) => `${p}: finns redan (använd --force för att skriva över)`,
  noFolder: (p: string, folder: string) => `${p}: mappen ${folder} finns inte`,
  cannotWrite: (p: string, why: string) => `${p}: kan inte skrivas (${why})`,
  writeProblems: {
    EACCES: 'åtkomst nekas',
    EPERM: 'åtkomst nekas',
    EROFS: 'skrivskyddat filsystem',
    ENOSPC: 'disken är full',
    other: 'okänt skrivfel',
  } as Record<string, string>,
  wrote: (p: string) => `skrev ${p}`,
  missingCharacters: (p: string, found: readonly MissingCharacter[]) =>
    `${p}: varning: PDF:en kan inte visa ${listed(found, 'rad', 'och', 'till')}: rapportens typsnitt (DejaVu Sans) saknar dem`,
  hasErrors: (p: string, n: number) =>
    `${p}: ${plural(n, 'fel', 'fel')} (se ovan); rapporten listar dem också`,
  seeCheck: (p: string, n: number) => `${p}: ${plural(n, 'fel', 'fel')}; se kompass check ${p}`,
  counts: (errors: number, warnings: number, files: number) =>
    `${plural(errors, 'fel', 'fel')}, ${plural(warnings, 'varning', 'varningar')} i ${plural(files, 'fil', 'filer')}`,
  internal: (detail: string) => `internt fel: ${detail}`,
  summary: {
    area: 'Område',
    score: 'Poäng',
    max: 'Max',
    percent: 'Procent',
    total: 'Totalt',
    stated: 'angivet',
    statedTotal: (s: string, c: string) => `Angiven totalpoäng ${s} skiljer sig från summan ${c}`,
    compared: 'Jämfört med',
    difference: 'skillnad',
    missing: 'saknas',
  },
};

/** A character the PDF cannot show, and the first line of the document that has it. */
export interface MissingCharacter {
  character: string;
  line?: number;
}

function listed(
  found: readonly MissingCharacter[],
  line: string,
  and: string,
  more: string,
): string {
  const named = found
    .slice(0, namedMissingCharacters)
    .map((f) => (f.line === undefined ? f.character : `${f.character} (${line} ${f.line})`))
    .join(', ');
  const rest = found.length - namedMissingCharacters;
  return rest > 0 ? `${named} ${and} ${rest} ${more}` : named;
}

/** The CLI's words: help, errors and table headers. */
export type CliTexts = typeof sv;

const en: CliTexts = {
  usage: () => `Usage: kompass <command> [options]

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

Options:
  --lang sv|en                  Language of help, errors and headers (else the document's
                                language, else LANG)
  --max-size BYTES              Largest file read, e.g. 25000000 or 25MB (default 10MB;
                                also KOMPASS_MAX_SIZE)
  -h, --help                    Show this help
  -v, --version                 Show the version

Exit codes: 0 no errors, 1 the documents have errors, 2 the command could not run.
`,
  noSuchPath: (p) => `${p}: no such file or folder`,
  unreadable: (p, why) => `${p}: ${why}`,
  expectedOneFile: (command, n) => `${command}: expected one FILE, got ${n}`,
  expectedPaths: (command) => `${command}: expected at least one PATH`,
  formatTextJson: (v) => `--format must be text or json, not ${v}`,
  formatTextJsonCsv: (v) => `--format must be text, json or csv, not ${v}`,
  exportFormat: () => `export: --format must be ${reportFormatList()}`,
  csvSeparator: () => 'export: --csv-separator must be , or ;',
  badLang: (v) => `--lang must be sv or en, not ${v}`,
  badMaxSize: (from, v) =>
    `${from} must be a number of bytes above 0 (e.g. 25000000 or 25MB), not "${v}"`,
  badOption: (detail) => `unknown or incomplete option: ${detail}`,
  unknownCommand: (c) => `unknown command "${c}"; see kompass --help`,
  noEvaluationIn: (paths) => `summary: no evaluation in ${paths}`,
  compareFormat: (formats, v) =>
    `export --compare: --format must be ${reportFormatList('or', formats)}, not ${v}`,
  compareOutput: () =>
    'export --compare: give the file to write with -o FILE (or -o - for standard output)',
  compareNoEvaluation: (paths) => `export --compare: no evaluation in ${paths}`,
  setHasErrors: (n) =>
    `${plural(n, 'file', 'files')} of the set ${n === 1 ? 'has' : 'have'} errors; see kompass check`,
  holdsNoEvaluation: (p) => `${p}: holds no evaluation`,
  intoKompass: (p) => `${p}: refusing to write a report into a .kompass file`,
  overInput: (p) => `${p}: refusing to write over the input document`,
  notFile: (p, kind) => `${p}: refusing to write: not a regular file (${kind})`,
  exists: (p) => `${p}: already exists (use --force to overwrite)`,
  noFolder: (p, folder) => `${p}: the folder ${folder} does not exist`,
  cannotWrite: (p, why) => `${p}: cannot write (${why})`,
  writeProblems: {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'the disk is full',
    other: 'unknown write error',
  },
  wrote: (p) => `wrote ${p}`,
  missingCharacters: (p, found) =>
    `${p}: warning: the PDF cannot show ${listed(found, 'line', 'and', 'more')}: the report's font (DejaVu Sans) has no glyphs for them`,
  hasErrors: (p, n) =>
    `${p}: ${plural(n, 'error', 'errors')} (listed above); the report lists them too`,
  seeCheck: (p, n) => `${p}: ${plural(n, 'error', 'errors')}; see kompass check ${p}`,
  counts: (errors, warnings, files) =>
    `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')} in ${plural(files, 'file', 'files')}`,
  internal: (detail) => `internal error: ${detail}`,
  summary: {
    area: 'Area',
    score: 'Score',
    max: 'Max',
    percent: 'Percent',
    total: 'Total',
    stated: 'stated',
    statedTotal: (s, c) => `The stated total ${s} differs from the sum ${c}`,
    compared: 'Compared with',
    difference: 'difference',
    missing: 'missing',
  },
};

/** The CLI's words in Swedish and English: the one table for everything the CLI itself says. */
export const cliTexts: Readonly<Record<MessageLanguage, CliTexts>> = { sv, en };

/**
 * The language a `LANG`-style locale asks for: Swedish for the Scandinavian languages, English
 * for any other, none when unset or `C`/`POSIX`.
 */
export function localeLanguage(locale: string | undefined): MessageLanguage | undefined {
  const code = locale?.toLowerCase().match(/^[a-z]{2,3}/)?.[0];
  if (!code || code === 'c' || code === 'posix') return undefined;
  return ['sv', 'nb', 'nn', 'no', 'da'].includes(code) ? 'sv' : 'en';
}
