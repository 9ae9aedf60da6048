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
  const scanned = fastScan(text);
  if (!scanned) return undefined;
  const tokens: IToken[] = new Array(scanned.count);
  for (let k = 0; k < scanned.count; k++) tokens[k] = scannedToken(scanned, text, k);
  return { tokens, groups: { comments: scanned.comments }, errors: [] };
}

/**
 * A text's tokens as the fast lexer reads them, before they are token objects: what each is and
 * where it stands, in typed arrays. `parse` makes the objects of one top-level block at a time
 * (`scannedToken`), so a large document's tokens do not all live, and get copied by the garbage
 * collector, while it is parsed. Comments are few and made at once.
 */
export interface ScannedText {
  count: number;
  /** Per token: an index into the kinds of tokens (`scannedType`), its start and its end. */
  kinds: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  comments: IToken[];
}

/** A kind of token the scanner tells apart: its type, and its image when that is fixed. */
interface TokenKind {
  type: TokenType;
  image?: string;
}

const tokenKinds: TokenKind[] = [];

function tokenKind(type: TokenType, image?: string): number {
  tokenKinds.push(image === undefined ? { type } : { type, image });
  return tokenKinds.length - 1;
}

const kIdentifier = tokenKind(Identifier);
const kDate = tokenKind(DateLiteral);
const kNumber = tokenKind(NumberLiteral);
const kTextBlock = tokenKind(TextBlock);
const kString = tokenKind(StringLiteral);
const kSlash = tokenKind(Slash, '/');
const kLCurly = tokenKind(LCurly, '{');
const kRCurly = tokenKind(RCurly, '}');
const kComma = tokenKind(Comma, ',');

/** The type of the `k`th token of a scanned text. */
export function scannedType(s: ScannedText, k: number): TokenType {
  return tokenKinds[s.kinds[k]!]!.type;
}

/** The `k`th token of a scanned text as a token object, as Chevrotain's lexer makes it. */
export function scannedToken(s: ScannedText, text: string, k: number): IToken {
  const kind = tokenKinds[s.kinds[k]!]!;
  const start = s.starts[k]!;
  return token(kind.image ?? text.slice(start, s.ends[k]!), start, kind.type);
}

/** Scans a whole text (see `fastTokenize`); undefined where the fast path gives up. */
export function fastScan(text: string): ScannedText | undefined {
  const n = text.length;
  // About one token per eight characters in usual documents; grown when there are more.
  let capacity = (n >> 3) + 16;
  let kinds = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  const comments: IToken[] = [];
  const add = (kind: number, start: number, end: number): void => {
    if (count === capacity) {
      capacity *= 2;
      const k = new Uint16Array(capacity);
      k.set(kinds);
      kinds = k;
      const s = new Int32Array(capacity);
      s.set(starts);
      starts = s;
      const e = new Int32Array(capacity);
      e.set(ends);
      ends = e;
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    count++;
  };
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
      add(kw !== undefined && kw.length === i - start ? kw.kind : kIdentifier, start, i);
      continue;
    }
    if (c >= 48 && c <= 57) {
      i = digits(text, i);
      if (i - start === 4 && isDate(text, start)) {
        i = start + 10;
        add(kDate, start, i);
        continue;
      }
      // `(?:[.,]\d+)*`: a separator counts only with a digit after it.
      for (;;) {
        const s = text.charCodeAt(i);
        if ((s !== 46 && s !== 44) || !isDigit(text.charCodeAt(i + 1))) break;
        i = digits(text, i + 1);
      }
      add(kNumber, start, i);
      continue;
    }
    if (c === 34) {
      if (text.startsWith('"""', i)) {
        const close = text.indexOf('"""', i + 3);
        i = close < 0 ? n : close + 3;
        add(kTextBlock, start, i);
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
      add(kString, start, i);
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
        add(kSlash, start, i);
      }
      continue;
    }
    if (c === 123) add(kLCurly, start, start + 1);
    else if (c === 125) add(kRCurly, start, start + 1);
    else if (c === 44) add(kComma, start, start + 1);
    else return undefined;
    i++;
  }
  return { count, kinds, starts, ends, comments };
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
  /** Its kind of token for the scanner. */
  kind: number;
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
    list.push({ spelling, length: spelling.length, type, kind: tokenKind(type, spelling) });
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
