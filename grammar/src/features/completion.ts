import type { Span } from '../ast';
import { builtinFrameworks } from '../framework';
import { languageCodes, languageNames } from '../language';
import type { Analysis, Framework } from '../model';
import { formatNumber } from '../numbers';
import { isKeyword, type KeywordName, keywordText, stringQuotes } from '../tokens';
import { KompassWriter } from '../writer';
import { type Location, locate, prefersSwedishKeywords } from './locate';
import { lineEndAt, trailingRun } from './text';
import { editorTexts } from './texts';

/** What a completion item stands for. */
export type CompletionKind =
  | 'keyword'
  | 'snippet'
  | 'question'
  | 'area'
  | 'framework'
  | 'file'
  | 'language';

/** One completion proposal: plain data, offsets into the document. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown shown beside the list. */
  documentation?: string;
  /** The text inserted; the label when absent. */
  insertText?: string;
  /** True when `insertText` uses `$1`/`${1:x}` placeholders. */
  snippet?: boolean;
  /** The stretch of source the insertion replaces. */
  range: Span;
  /** Orders the list: lower first. */
  sortText?: string;
}

/** What completion needs beyond the document. */
export interface CompletionOptions {
  /** Frameworks known in the workspace (built-in ones are used when absent). */
  frameworks?: readonly Framework[];
  /** URIs of other `.kompass` files, offered as `compare` paths relative to the document. */
  files?: readonly string[];
}

type Context = 'top' | 'evaluation' | 'framework' | 'area' | 'frameworkArea' | 'facts';

const keywordsIn: Record<Exclude<Context, 'facts'>, readonly KeywordName[]> = {
  top: ['Evaluation', 'Framework'],
  evaluation: [
    'Framework',
    'Date',
    'Evaluators',
    'Organisation',
    'Round',
    'Language',
    'Compare',
    'Summary',
    'About',
    'Facts',
    'Area',
    'Total',
  ],
  framework: ['Title', 'Language', 'Area'],
  area: ['Score', 'Heading', 'Intro', 'Section', 'Question', 'Strength', 'Improvement', 'Example'],
  frameworkArea: ['Max', 'Heading', 'Alias', 'Question', 'Intro'],
};

const wordChar = /^[\p{L}\p{N}_-]$/u;
const numberChar = /^[\d.]$/;
/** A keyword and the quote that opens a string after it (any of the quotes of `stringQuotes`). */
const stringHead = /(?:^|\s)([\p{L}]+)\s+(["\u201D\u201C\u201E\u00AB])/gu;

/** The completions at an offset, in context: keywords, numbers, names, paths, codes, snippets. */
export function complete(
  analysis: Analysis,
  text: string,
  offset: number,
  options: CompletionOptions = {},
): CompletionEntry[] {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  const prefix = text.slice(lineStart, at);
  const loc = locate(analysis, at);
  const swedish = prefersSwedishKeywords(analysis);
  const frameworks = options.frameworks ?? [...analysis.frameworks, ...builtinFrameworks()];

  const inString = openString(prefix);
  if (inString) {
    const kw = inString.keyword;
    const range = stringRange(text, at, inString.typed.length, inString.close);
    if (isKeyword(kw, 'Framework')) return frameworkItems(frameworks, range, analysis);
    if (isKeyword(kw, 'Compare')) return fileItems(analysis.uri, options.files ?? [], range);
    return [];
  }
  const typed = trailingRun(prefix, wordChar);
  const range = { start: at - typed.length, end: at };
  const before = prefix.slice(0, prefix.length - typed.length);
  const after = /(?:^|\s)([\p{L}]+)\s+$/u.exec(before)?.[1];
  if (isKeyword(after, 'Language')) return languageItems(range, analysis);
  const numberTyped = trailingRun(prefix, numberChar);
  const numberRange = { start: at - numberTyped.length, end: at };
  const beforeNumber = prefix.slice(0, prefix.length - numberTyped.length);
  const numberAfter = /(?:^|\s)([\p{L}]+)\s+$/u.exec(beforeNumber)?.[1];
  if (isKeyword(numberAfter, 'Question'))
    return questionItems(loc, numberRange, analysis, text.slice(at, lineEndAt(text, at)));
  if (isKeyword(numberAfter, 'Area')) return areaItems(loc, numberRange, analysis);
  if (before.trim() !== '') return [];

  const context = contextOf(loc);
  if (context === 'facts') return [];
  const items: CompletionEntry[] = keywordsIn[context].map((name) => {
    const label = keywordText(name, swedish);
    return {
      label,
      kind: 'keyword',
      detail: keywordText(name, !swedish),
      range,
      sortText: `1${label}`,
    };
  });
  if (context === 'evaluation' && loc.evaluation?.framework) {
    const areaKeyword = keywordText('Area', swedish);
    const summaryOnly = loc.evaluation.summaryOnly;
    for (const fa of loc.evaluation.missingAreas) {
      items.push({
        label: `${areaKeyword} ${fa.number} ${fa.title}`,
        kind: 'snippet',
        detail: editorTexts[analysis.messageLanguage].completion.wholeArea,
        insertText: new KompassWriter({ swedish, snippet: true }).area(fa, summaryOnly).join('\n'),
        snippet: true,
        range,
        sortText: `0${String(fa.number).padStart(3, '0')}`,
      });
    }
  }
  if (context === 'evaluation') {
    const area = keywordText('Area', swedish);
    items.push({
      label: `${area} { … }`,
      kind: 'snippet',
      detail: editorTexts[analysis.messageLanguage].completion.newArea,
      insertText: `${area} \${1:1} "\${2:${editorTexts[analysis.messageLanguage].completion.areaTitle}}" {\n  $0\n}`,
      snippet: true,
      range,
      sortText: '0~',
    });
  }
  if (context === 'area') items.push(...areaBodyItems(loc, range, analysis, swedish));
  if (context === 'top') {
    const ev = keywordText('Evaluation', swedish);
    const fw = keywordText('Framework', swedish);
    const date = keywordText('Date', swedish);
    items.push({
      label: `${ev} { … }`,
      kind: 'snippet',
      detail: editorTexts[analysis.messageLanguage].completion.newEvaluation,
      insertText: `${ev} "\${1:Kommun}" {\n  ${fw} "\${2:kommunkompassen-2.0}"\n  ${date} \${3:2024-01-01}\n  $0\n}`,
      snippet: true,
      range,
      sortText: '0',
    });
  }
  return items;
}

function contextOf(loc: Location): Context {
  if (!loc.body) return 'top';
  return loc.body.owner;
}

/**
 * The string the cursor stands in, right after a keyword: `framework "kommun`, `framework ”kommun`
 * or `compare «../` (any of the quotes of `stringQuotes`), with what is typed so far and the
 * quotes that would close it.
 */
function openString(prefix: string): { keyword: string; typed: string; close: string } | undefined {
  // What is typed may not cross a line separator (U+2028, U+2029). Checking that per candidate,
  // rather than with `(.*)$` in the pattern, keeps the search linear: a failing `.*$` was
  // retried from every keyword and cost the square of the line.
  const bound = Math.max(prefix.lastIndexOf('\u2028'), prefix.lastIndexOf('\u2029'));
  let m: RegExpMatchArray | undefined;
  for (const c of prefix.matchAll(stringHead)) {
    if (c.index + c[0].length - 1 > bound) {
      m = c;
      break;
    }
  }
  if (!m) return undefined;
  const close = stringQuotes[m[2]!]!;
  const typed = prefix.slice(m.index! + m[0].length);
  // Closed already (`framework "x" `): the cursor is past the string.
  for (const c of typed) if (close.includes(c)) return undefined;
  return { keyword: m[1]!, typed, close };
}

/** The string's content up to the cursor and to the closing quote, if one follows on the line. */
function stringRange(
  text: string,
  at: number,
  typedLength: number,
  close: string,
): Span & { closed: boolean; close: string } {
  let end = at;
  while (
    end < text.length &&
    !close.includes(text[end]!) &&
    text[end] !== '\n' &&
    text[end] !== '\r'
  )
    end++;
  const closed = end < text.length && close.includes(text[end]!);
  return { start: at - typedLength, end: closed ? end : at, closed, close: close[0]! };
}

function frameworkItems(
  frameworks: readonly Framework[],
  range: Span & { closed: boolean; close: string },
  analysis: Analysis,
): CompletionEntry[] {
  const seen = new Set<string>();
  const lang = analysis.messageLanguage;
  return frameworks.flatMap((f) => {
    if (seen.has(f.id)) return [];
    seen.add(f.id);
    const questions = f.areas.reduce((n, a) => n + a.questions.length, 0);
    return [
      {
        label: f.id,
        kind: 'framework' as const,
        detail: `${f.title} · ${f.areas.length} ${editorTexts[lang].completion.areas}, ${questions} ${editorTexts[lang].completion.questions}, max ${formatNumber(f.max, lang)}`,
        insertText: range.closed ? f.id : `${f.id}${range.close}`,
        range: { start: range.start, end: range.end },
      },
    ];
  });
}

/** The path from the document holding `fromUri` to `toUri`, when both share a scheme and root. */
export function relativePath(fromUri: string, toUri: string): string | undefined {
  const from = /^([a-z][\w+.-]*:\/\/[^/]*)(\/.*)$/i.exec(fromUri);
  const to = /^([a-z][\w+.-]*:\/\/[^/]*)(\/.*)$/i.exec(toUri);
  if (!from || !to || from[1] !== to[1]) return undefined;
  const a = from[2]!.split('/').slice(0, -1);
  const b = to[2]!.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const path = [...up, ...b.slice(i)].join('/');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function fileItems(
  fromUri: string,
  files: readonly string[],
  range: Span & { closed: boolean; close: string },
): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const f of files) {
    if (f === fromUri || !f.endsWith('.kompass')) continue;
    const rel = relativePath(fromUri, f);
    if (!rel) continue;
    out.push({
      label: rel,
      kind: 'file',
      insertText: range.closed ? rel : `${rel}${range.close}`,
      range: { start: range.start, end: range.end },
      sortText: `${rel.split('/').length}${rel}`,
    });
  }
  return out;
}

function languageItems(range: Span, analysis: Analysis): CompletionEntry[] {
  return languageCodes.map((code) => ({
    label: code,
    kind: 'language' as const,
    detail: languageNames[code][analysis.messageLanguage],
    range,
  }));
}

function questionItems(
  loc: Location,
  range: Span,
  analysis: Analysis,
  rest: string,
): CompletionEntry[] {
  const lang = analysis.messageLanguage;
  if (loc.body?.owner === 'frameworkArea' && loc.area?.number) {
    const n = loc.area.number.value;
    const used = new Set(
      (loc.area.body?.statements ?? []).flatMap((s) =>
        s.kind === 'question' && s.number ? [s.number.text] : [],
      ),
    );
    let i = 1;
    while (used.has(`${n}.${i}`)) i++;
    return [{ label: `${n}.${i}`, kind: 'question', range }];
  }
  if (loc.body?.owner !== 'area' || !loc.frameworkArea) return [];
  const present = new Set(
    (loc.area?.body?.statements ?? []).flatMap((s) =>
      s.kind === 'question' && s.number ? [s.number.text] : [],
    ),
  );
  // With nothing after the cursor, the rest of the line comes too: `3.1 "…" ${1}/20`.
  const swedish = prefersSwedishKeywords(analysis);
  const lineEnd = rest.trim() === '';
  return loc.frameworkArea.questions
    .filter((q) => !present.has(q.id))
    .map((q, i) => {
      const entry: CompletionEntry = {
        label: q.id,
        kind: 'question' as const,
        detail: `${q.title} (max ${formatNumber(q.max, lang)})`,
        range,
        sortText: String(i).padStart(4, '0'),
      };
      if (lineEnd) {
        const writer = new KompassWriter({ swedish, snippet: true });
        entry.insertText = writer.question(q).slice(writer.keyword('Question').length + 1);
        entry.snippet = true;
      }
      return entry;
    });
}

/**
 * On an empty line of an evaluation's area: each question of the framework the area lacks, as a
 * whole line (`question 3.1 "…" ${1}/20`), then snippets for a question and a section.
 */
function areaBodyItems(
  loc: Location,
  range: Span,
  analysis: Analysis,
  swedish: boolean,
): CompletionEntry[] {
  const lang = analysis.messageLanguage;
  const out: CompletionEntry[] = [];
  const statements = loc.area?.body?.statements ?? [];
  const present = new Set(
    statements.flatMap((s) => (s.kind === 'question' && s.number ? [s.number.text] : [])),
  );
  const question = keywordText('Question', swedish);
  // A summary-only area (a score, no questions) is not offered questions it chose not to list.
  const scored = statements.some((s) => s.kind === 'score') && present.size === 0;
  if (loc.frameworkArea && !scored) {
    loc.frameworkArea.questions
      .filter((q) => !present.has(q.id))
      .forEach((q, i) => {
        out.push({
          label: `${question} ${q.id} ${q.title}`,
          kind: 'question',
          detail: `max ${formatNumber(q.max, lang)}`,
          insertText: new KompassWriter({ swedish, snippet: true }).question(q),
          snippet: true,
          range,
          sortText: `0${String(i).padStart(4, '0')}`,
        });
      });
  }
  const n = loc.area?.number?.value;
  out.push({
    label: `${question} { … }`,
    kind: 'snippet',
    detail: editorTexts[lang].completion.newQuestion,
    insertText: `${question} \${1:${n ?? 1}.${present.size + 1}} "\${2:${editorTexts[lang].completion.questionTitle}}" \${3}/\${4:10}`,
    snippet: true,
    range,
    sortText: '0~1',
  });
  const section = keywordText('Section', swedish);
  out.push({
    label: `${section} { … }`,
    kind: 'snippet',
    detail: editorTexts[lang].completion.newSection,
    insertText: `${section} "\${1:${editorTexts[lang].completion.sectionHeading}}" """\n  $0\n"""`,
    snippet: true,
    range,
    sortText: '0~2',
  });
  return out;
}

function areaItems(loc: Location, range: Span, analysis: Analysis): CompletionEntry[] {
  const lang = analysis.messageLanguage;
  if (loc.body?.owner === 'framework' && loc.block) {
    const used = new Set(
      (loc.block.body?.statements ?? []).flatMap((s) =>
        s.kind === 'area' && s.number ? [s.number.value] : [],
      ),
    );
    let i = 1;
    while (used.has(i)) i++;
    return [{ label: String(i), kind: 'area', range }];
  }
  if (loc.body?.owner !== 'evaluation' || !loc.evaluation?.framework) return [];
  return loc.evaluation.missingAreas.map((fa) => ({
    label: String(fa.number),
    kind: 'area' as const,
    detail: `${fa.title} (max ${formatNumber(fa.max, lang)})`,
    range,
    sortText: String(fa.number).padStart(4, '0'),
  }));
}
