import type { ILexingResult, IToken, TokenType } from 'chevrotain';
import {
  allTokens,
  BlockComment,
  Comma,
  DateLiteral,
  Identifier,
  K,
  keywordSpecByName,
  LCurly,
  LineComment,
  NumberLiteral,
  RCurly,
  Slash,
  StringLiteral,
  TextBlock,
} from './tokens';

/**
 * The lexer's fast path: a hand-written scanner that gives exactly the tokens the Chevrotain lexer
 * (lexer.ts) gives for the usual text: keywords and words, numbers and dates, straight-quoted
 * strings without escapes, text blocks, comments and punctuation. At anything else (a typographic
 * or unterminated string, an escape, a negative number, a character no token starts with) it
 * gives up (undefined) and Chevrotain lexes the text, with its recovery and errors.
 * grammar/test/fastLex.test.ts compares the two on samples, generated and mutated documents.
 */
export function fastTokenize(text: string): ILexingResult | undefined {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    const start = i;
    if (isWordStart(c)) {
      i++;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      const kw = keywordAt(text, start, c);
      // Chevrotain's longer_alt: a longer word than the keyword's spelling is an identifier.
      if (kw !== undefined && kw.length === i - start)
        tokens.push(token(kw.spelling, start, kw.type));
      else tokens.push(token(text.slice(start, i), start, Identifier));
      continue;
    }
    if (c >= 48 && c <= 57) {
      i = digits(text, i);
      if (i - start === 4 && isDate(text, start)) {
        i = start + 10;
        tokens.push(token(text.slice(start, i), start, DateLiteral));
        continue;
      }
      // `(?:[.,]\d+)*`: a separator counts only with a digit after it.
      for (;;) {
        const s = text.charCodeAt(i);
        if ((s !== 46 && s !== 44) || !isDigit(text.charCodeAt(i + 1))) break;
        i = digits(text, i + 1);
      }
      tokens.push(token(text.slice(start, i), start, NumberLiteral));
      continue;
    }
    if (c === 34) {
      if (text.startsWith('"""', i)) {
        const close = text.indexOf('"""', i + 3);
        i = close < 0 ? n : close + 3;
        tokens.push(token(text.slice(start, i), start, TextBlock));
        continue;
      }
      i++;
      for (;;) {
        if (i >= n) return undefined;
        const s = text.charCodeAt(i);
        if (s === 34) break;
        // Escapes and strings running to the end of the line take Chevrotain's path.
        if (s === 92 || s === 10 || s === 13) return undefined;
        i++;
      }
      i++;
      tokens.push(token(text.slice(start, i), start, StringLiteral));
      continue;
    }
    if (c === 47) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        comments.push(token(text.slice(start, i), start, LineComment));
      } else if (next === 42) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
        comments.push(token(text.slice(start, i), start, BlockComment));
      } else {
        i++;
        tokens.push(token('/', start, Slash));
      }
      continue;
    }
    if (c === 123) tokens.push(token('{', start, LCurly));
    else if (c === 125) tokens.push(token('}', start, RCurly));
    else if (c === 44) tokens.push(token(',', start, Comma));
    else return undefined;
    i++;
  }
  return { tokens, groups: { comments }, errors: [] };
}

/** A token as Chevrotain's lexer makes it with `positionTracking: 'onlyOffset'`. */
function token(image: string, startOffset: number, tokenType: TokenType): IToken {
  return { image, startOffset, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType } as IToken;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function digits(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** `\d{4}-\d{2}-\d{2}` at `start`, whose four digits have been read. */
function isDate(text: string, start: number): boolean {
  return (
    text.charCodeAt(start + 4) === 45 &&
    isDigit(text.charCodeAt(start + 5)) &&
    isDigit(text.charCodeAt(start + 6)) &&
    text.charCodeAt(start + 7) === 45 &&
    isDigit(text.charCodeAt(start + 8)) &&
    isDigit(text.charCodeAt(start + 9))
  );
}

/** The first letter of an identifier (tokens.ts: `Identifier`). */
function isWordStart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    c === 95 ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** A later letter of an identifier: also digits and `-`. */
function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c) || c === 45;
}

/** One spelling of a keyword, as its pattern tries them. */
interface Spelling {
  spelling: string;
  length: number;
  type: TokenType;
}

// The keywords' spellings in the order the lexer tries them (allTokens: longest keyword first;
// within one, the Swedish spelling first), by first letter.
const spellingsByFirst = new Map<number, Spelling[]>();
for (const type of allTokens) {
  const spec = keywordSpecByName.get(type.name);
  if (!spec || K[spec.name as keyof typeof K] !== type) continue;
  for (const spelling of spec.en === spec.sv ? [spec.en] : [spec.sv, spec.en]) {
    const first = spelling.charCodeAt(0);
    let list = spellingsByFirst.get(first);
    if (!list) {
      list = [];
      spellingsByFirst.set(first, list);
    }
    list.push({ spelling, length: spelling.length, type });
  }
}

/**
 * The keyword Chevrotain's lexer would match at `start`: the first keyword (in its order) one of
 * whose spellings the text starts with there, and the spelling its pattern matches.
 */
function keywordAt(text: string, start: number, first: number): Spelling | undefined {
  const list = spellingsByFirst.get(first);
  if (!list) return undefined;
  for (const s of list) if (text.startsWith(s.spelling, start)) return s;
  return undefined;
}
