import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Letters a word may hold: ASCII, Latin-1 and Latin Extended-A/B (å ä ö æ ø and the rest). */
const wordChars = 'A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';

/** Bare words: language codes and anything the parser does not know. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(`[A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F][${wordChars}-]*`),
});

/** What every keyword token is, whatever its language. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

/** One keyword of the language: its English and Swedish spellings. */
export interface KeywordSpec {
  readonly name: string;
  readonly en: string;
  readonly sv: string;
}

/** Every keyword with its Swedish alias (language.md §4). */
export const keywordSpecs = [
  { name: 'Evaluation', en: 'evaluation', sv: 'utvärdering' },
  { name: 'Framework', en: 'framework', sv: 'ramverk' },
  { name: 'Area', en: 'area', sv: 'område' },
  { name: 'Question', en: 'question', sv: 'fråga' },
  { name: 'Score', en: 'score', sv: 'poäng' },
  { name: 'Total', en: 'total', sv: 'totalt' },
  { name: 'Max', en: 'max', sv: 'max' },
  { name: 'Date', en: 'date', sv: 'datum' },
  { name: 'To', en: 'to', sv: 'till' },
  { name: 'Of', en: 'of', sv: 'av' },
  { name: 'Evaluators', en: 'evaluators', sv: 'utvärderare' },
  { name: 'Organisation', en: 'organisation', sv: 'organisation' },
  { name: 'Round', en: 'round', sv: 'omgång' },
  { name: 'Language', en: 'language', sv: 'språk' },
  { name: 'Compare', en: 'compare', sv: 'jämför' },
  { name: 'As', en: 'as', sv: 'som' },
  { name: 'Summary', en: 'summary', sv: 'sammanfattning' },
  { name: 'About', en: 'about', sv: 'om' },
  { name: 'Intro', en: 'intro', sv: 'allmänt' },
  { name: 'Heading', en: 'heading', sv: 'rubrik' },
  { name: 'Section', en: 'section', sv: 'avsnitt' },
  { name: 'Strength', en: 'strength', sv: 'styrka' },
  { name: 'Improvement', en: 'improvement', sv: 'förbättring' },
  { name: 'Example', en: 'example', sv: 'exempel' },
  { name: 'Facts', en: 'facts', sv: 'fakta' },
  { name: 'Title', en: 'title', sv: 'titel' },
  { name: 'Alias', en: 'alias', sv: 'alias' },
] as const satisfies readonly KeywordSpec[];

/** A keyword's name, e.g. `Question`. */
export type KeywordName = (typeof keywordSpecs)[number]['name'];

function keywordToken(spec: KeywordSpec): TokenType {
  const words = spec.en === spec.sv ? [spec.en] : [spec.sv, spec.en];
  // longer_alt keeps `areas` or `maxi` an identifier rather than a keyword and leftovers.
  return createToken({
    name: spec.name,
    pattern: new RegExp(words.join('|')),
    categories: [Keyword],
    longer_alt: Identifier,
  });
}

/** Keyword token types by name. */
export const K = Object.fromEntries(keywordSpecs.map((s) => [s.name, keywordToken(s)])) as Record<
  KeywordName,
  TokenType
>;

/** Keyword specs by the keyword's token type name. */
export const keywordSpecByName: ReadonlyMap<string, KeywordSpec> = new Map(
  keywordSpecs.map((s) => [s.name, s]),
);

/** How a keyword is spelled in a document that writes its keywords in Swedish or in English. */
export function keywordText(name: KeywordName, swedish: boolean): string {
  const spec = keywordSpecByName.get(name);
  if (!spec) return name.toLowerCase();
  return swedish ? spec.sv : spec.en;
}

/** Whether a word is one of a keyword's spellings (`fråga` and `question` both are `Question`). */
export function isKeyword(word: string | undefined, name: KeywordName): boolean {
  const spec = keywordSpecByName.get(name);
  return spec !== undefined && (word === spec.en || word === spec.sv);
}

/** Spaces, tabs, newlines and a byte-order mark: insignificant. */
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\uFEFF\u00A0]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** `// ...` to the end of the line. */
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\r\n]*/,
  group: 'comments',
});

/** `/* ... *\/`, possibly over several lines; an unterminated one runs to the end. */
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?(?:\*\/|(?![\s\S]))/,
  group: 'comments',
  line_breaks: true,
});

/** What strings and text blocks are. */
export const StringLike = createToken({ name: 'StringLike', pattern: Lexer.NA });

/** `"""` ... `"""`; an unterminated block runs to the end of the input (reported by the parser). */
export const TextBlock = createToken({
  name: 'TextBlock',
  // A plain search for the closing quotes: a lazy regex tests the end at every character.
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      if (!text.startsWith('"""', offset)) return null;
      const close = text.indexOf('"""', offset + 3);
      return [
        text.slice(offset, close < 0 ? text.length : close + 3),
      ] as unknown as RegExpExecArray;
    },
  },
  start_chars_hint: ['"'],
  line_breaks: true,
  categories: [StringLike],
});

/**
 * The quotes a one-line string may open with, and the quotes that close each: `"…"`, Swedish
 * `”…”`, English `“…”`, German `„…“` and `«…»`. Inside a string, the other quote marks are
 * ordinary characters (the words of Word users, pasted as they are).
 */
export const stringQuotes: Readonly<Record<string, string>> = {
  '"': '"',
  '\u201D': '\u201D',
  '\u201C': '\u201D',
  '\u201E': '\u201C\u201D',
  '\u00AB': '\u00BB',
};

// Unrolled (runs of plain characters, then one escape): an alternation repeated per character
// makes the regex engine's backtracking grow with the string, and a string of millions of
// characters overflowed it.
const stringBody = (close: string) => {
  const plain = `[^${close}\\\\\\r\\n]*`;
  return `${plain}(?:\\\\.${plain})*`;
};

/** A one-line string with escapes, in straight or typographic quotes. */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: new RegExp(
    Object.entries(stringQuotes)
      .map(([open, close]) => `${open}${stringBody(close)}[${close}]`)
      .join('|'),
  ),
  start_chars_hint: Object.keys(stringQuotes),
  categories: [StringLike],
});

/** Every quote mark that may close a string, of whatever style. */
export const closingQuotes = '"\u201D\u201C\u00BB';

/**
 * A string missing its closing quote. It ends at the first closing quote of another style
 * (`"Titel”`), else at the end of the line, so one bad quote stays one error and the rest of the
 * line (a `{`, points) still counts.
 */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  // A plain scan rather than a regex: the end depends on what else stands on the line.
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      if (stringQuotes[text[offset] ?? ''] === undefined) return null;
      let i = offset + 1;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '\r' || c === '\n') break;
        if (c === '\\') {
          const next = text[i + 1];
          i += next === undefined || next === '\r' || next === '\n' ? 1 : 2;
          continue;
        }
        i++;
        if (closingQuotes.includes(c)) return [text.slice(offset, i)] as unknown as RegExpExecArray;
      }
      // No closing quote on the line: a `{` ending it still opens the block it was meant to.
      let end = Math.min(i, text.length);
      let j = end;
      while (j > offset + 1 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
      if (j > offset + 1 && text[j - 1] === '{') {
        end = j - 1;
        while (end > offset + 1 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      }
      return [text.slice(offset, end)] as unknown as RegExpExecArray;
    },
  },
  start_chars_hint: Object.keys(stringQuotes),
  categories: [StringLike],
});

/** `YYYY-MM-DD`. */
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}/ });

/**
 * `14`, `14.5`, `13,5`, `1.2.3`, `-3` (negative numbers lex so the check can say what is wrong).
 * A comma directly between digits is a decimal comma: `13,5` is 13.5.
 */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?\d+(?:[.,]\d+)*/,
});

/** Punctuation. */
export const Slash = createToken({ name: 'Slash', pattern: '/' });
export const Comma = createToken({ name: 'Comma', pattern: ',' });
export const LCurly = createToken({ name: 'LCurly', pattern: '{' });
export const RCurly = createToken({ name: 'RCurly', pattern: '}' });

function longest(t: TokenType): number {
  const spec = keywordSpecByName.get(t.name);
  return spec ? Math.max(spec.en.length, spec.sv.length) : 0;
}

/** Every token type, in the order the lexer tries them. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  TextBlock,
  StringLiteral,
  UnterminatedString,
  StringLike,
  DateLiteral,
  NumberLiteral,
  Slash,
  Comma,
  LCurly,
  RCurly,
  Keyword,
  // Longest first, so `total` is never read as `to` followed by letters.
  ...Object.values(K).sort((a, b) => longest(b) - longest(a)),
  Identifier,
];
