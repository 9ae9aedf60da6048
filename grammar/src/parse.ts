import type { IToken, TokenType } from 'chevrotain';
import type { CommentNode, DocumentNode, Span, TopBlock } from './ast';
import type { FixData } from './diagnostics';
import { fastScan, fastTokenize, type ScannedText, scannedToken, scannedType } from './fastLex';
import { fastTopBlock, fastTopBlockIn } from './fastParse';
import { kompassLexer } from './lexer';
import { KompassParser, type SyntaxProblem } from './parser';
import { foldCandidates, nearest } from './suggest';
import {
  BlockComment,
  closingQuotes,
  Identifier,
  K,
  keywordSpecs,
  LCurly,
  RCurly,
  StringLike,
  stringQuotes,
  TextBlock,
  UnterminatedString,
} from './tokens';

/** A syntax error: where, and what was expected, as data for the messages. */
export interface SyntaxIssue extends Span {
  problem:
    | SyntaxProblem
    | { kind: 'badCharacter'; text: string }
    | {
        kind: 'unterminatedString';
        /** The quote the string opened with and the one that would close it. */
        open: string;
        close: string;
        /** A closing quote of another style that ended the string (`"Titel”`). */
        wrongClose?: string;
      }
    | { kind: 'unterminatedTextBlock' | 'unterminatedComment' }
    | { kind: 'misspelledKeyword'; suggestion: string }
    | { kind: 'stringForNumber'; number?: string }
    | { kind: 'expectedTopLevel'; found: string }
    | { kind: 'numberTooLarge' | 'notAValue' }
    | { kind: 'tooDeep'; limit: number };
  /** The text of the offending token, when there is one. */
  found?: string;
  /** The edit that mends it, when it is certain. */
  fix?: FixData;
}

/** What `parse` returns: always a document, possibly partial, and the syntax errors. */
export interface ParseResult {
  document: DocumentNode;
  errors: SyntaxIssue[];
  /** Number of tokens, for statistics and benchmarks. */
  tokenCount: number;
  /** The document's regions, one per top-level block, for incremental re-parsing. */
  regions?: Region[];
}

let sharedParser: KompassParser | undefined;

// Usual text is lexed by fastLex.ts and blocks without a syntax error parsed by fastParse.ts;
// the tests turn both off to compare.
let fastPath = true;

/** Turns the lexer's and parser's fast paths on or off (on by default); returns the setting before. */
export function setFastPath(on: boolean): boolean {
  const was = fastPath;
  fastPath = on;
  return was;
}

function parser(): KompassParser {
  sharedParser ??= new KompassParser();
  return sharedParser;
}

/**
 * How deep braces may nest. Real documents nest three or four levels (evaluation, area,
 * question); the limit keeps the parser's recursion, and every walk over the tree, far from
 * the stack's end whatever the input.
 */
export const maxNesting = 32;

/**
 * Drops what lies deeper than `maxNesting` braces (from the brace that goes too deep to its
 * matching one, or to the end), with one error per dropped region. A loop, not recursion.
 */
function limitNesting(tokens: IToken[], errors: SyntaxIssue[], textLength: number): IToken[] {
  let depth = 0;
  let deepest = 0;
  for (const t of tokens) {
    if (t.tokenType === LCurly) deepest = Math.max(deepest, ++depth);
    else if (t.tokenType === RCurly && depth > 0) depth--;
  }
  if (deepest <= maxNesting) return tokens;
  const kept: IToken[] = [];
  depth = 0;
  let skipping = false;
  for (const t of tokens) {
    if (t.tokenType === LCurly) {
      depth++;
      if (depth > maxNesting && !skipping) {
        skipping = true;
        errors.push({
          ...tokenSpan(t, textLength),
          problem: { kind: 'tooDeep', limit: maxNesting },
          found: t.image,
        });
      }
    } else if (t.tokenType === RCurly && depth > 0) {
      depth--;
      if (skipping && depth === maxNesting) {
        skipping = false;
        continue;
      }
    }
    if (!skipping) kept.push(t);
  }
  return kept;
}

/** Splits the tokens where a new top-level block starts, so a missing `}` cannot swallow the next one. */
function chunks(tokens: IToken[]): IToken[][] {
  const out: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const type = t.tokenType;
    const startsBlock =
      type === K.Evaluation ||
      (type === K.Framework &&
        (depth === 0 ||
          tokens[i + 1]?.tokenType === LCurly ||
          (tokens[i + 2]?.tokenType === LCurly &&
            tokens[i + 1]!.tokenType.CATEGORIES?.includes(StringLike))));
    if (startsBlock && current.length > 0) {
      out.push(current);
      current = [];
      depth = 0;
    }
    if (type === LCurly) depth++;
    else if (type === RCurly) depth = Math.max(0, depth - 1);
    current.push(t);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function tokenSpan(t: IToken, textLength: number): Span {
  if (Number.isNaN(t.startOffset)) return { start: textLength, end: textLength };
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

function decodeProblem(message: string): SyntaxProblem {
  try {
    return JSON.parse(message) as SyntaxProblem;
  } catch {
    return { kind: 'mismatch', expected: [] };
  }
}

/**
 * One stretch of a document: a top-level block's tokens and the text after them up to the next
 * block, with everything lexing and parsing it gave. A parse keeps its regions so that an edit
 * inside one block re-lexes and re-parses that region only (`reparse` in incremental.ts).
 */
export interface Region extends Span {
  block?: TopBlock;
  /** The type name of the region's first token, if any. */
  first?: string;
  /** Where its last token, comment or unlexable text ends. */
  lastEnd: number;
  tokenCount: number;
  comments: CommentNode[];
  /** Issues by kind, each in offset order, so joining regions gives a whole parse's order. */
  lexIssues: SyntaxIssue[];
  literalIssues: SyntaxIssue[];
  depthIssues: SyntaxIssue[];
  parseIssues: SyntaxIssue[];
  /** How deep braces nest where the region starts, and how deep they go inside it from there. */
  enter: number;
  deepest: number;
  /** Whether its braces close what they open, never closing more: later regions start as deep. */
  balanced: boolean;
}

/** What a lexer run gave, with offsets into the document. */
interface Lexed {
  tokens: IToken[];
  comments: IToken[];
  errors: { offset: number; length: number }[];
  /** Bare words read as the keyword they misspell, with their errors (before chunking). */
  misspelled: Map<IToken, SyntaxIssue>;
}

/** Lexes `text` from `from` to `to`, offsets into the whole text. */
function lexRange(text: string, from: number, to: number, fast = fastPath): Lexed {
  const whole = from === 0 && to === text.length;
  const source = whole ? text : text.slice(from, to);
  const lexed = (fast && fastTokenize(source)) || kompassLexer().tokenize(source);
  const comments = lexed.groups.comments ?? [];
  if (from !== 0) {
    for (const t of lexed.tokens) {
      t.startOffset += from;
      if (t.endOffset !== undefined) t.endOffset += from;
    }
    for (const t of comments) {
      t.startOffset += from;
      if (t.endOffset !== undefined) t.endOffset += from;
    }
    for (const e of lexed.errors) e.offset += from;
  }
  const misspelled = new Map<IToken, SyntaxIssue>();
  const tokens = lexed.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType !== Identifier) continue;
    const issue = misspelledKeyword(t, tokens[i - 1]?.tokenType);
    if (issue) misspelled.set(t, issue);
  }
  return { tokens, comments, errors: lexed.errors, misspelled };
}

/** A region with nothing in it yet but its span, its token count and its braces. */
function newRegion(
  start: number,
  end: number,
  tokenCount: number,
  enter: number,
  nesting: { deepest: number; balanced: boolean },
): Region {
  return {
    start,
    end,
    lastEnd: start,
    tokenCount,
    comments: [],
    lexIssues: [],
    literalIssues: [],
    depthIssues: [],
    parseIssues: [],
    enter,
    deepest: nesting.deepest,
    balanced: nesting.balanced,
  };
}

/** Adds a region's comments; returns the errors of those left open. */
function addComments(region: Region, comments: readonly IToken[]): SyntaxIssue[] {
  const unterminated: SyntaxIssue[] = [];
  for (const t of comments) {
    const c: CommentNode = {
      start: t.startOffset,
      end: t.startOffset + t.image.length,
      text: t.image,
      block: t.tokenType === BlockComment,
    };
    region.comments.push(c);
    region.lastEnd = Math.max(region.lastEnd, c.end);
    if (c.block && !c.text.endsWith('*/'))
      unterminated.push({
        start: c.start,
        end: c.start + 2,
        problem: { kind: 'unterminatedComment' },
      });
  }
  return unterminated;
}

/** Builds the region [start, end) from what lexing it gave, parsing its tokens as one chunk. */
function buildRegion(
  text: string,
  start: number,
  end: number,
  tokens: IToken[],
  comments: IToken[],
  errors: { offset: number; length: number }[],
  misspelled: Map<IToken, SyntaxIssue>,
  chunk: IToken[],
  enter: number,
  tryFast = fastPath,
): Region {
  const nesting = braces(tokens.length, (k) => tokens[k]!.tokenType);
  const region = newRegion(start, end, tokens.length, enter, nesting);
  for (const e of errors) {
    const bad = text.slice(e.offset, e.offset + e.length);
    region.lexIssues.push({
      start: e.offset,
      end: e.offset + Math.max(1, e.length),
      problem: { kind: 'badCharacter', text: bad },
      found: bad,
    });
    region.lastEnd = Math.max(region.lastEnd, e.offset + e.length);
  }
  const unterminatedComments = addComments(region, comments);
  const literals: SyntaxIssue[] = [];
  for (const t of tokens) {
    const typo = misspelled.size > 0 ? misspelled.get(t) : undefined;
    if (typo) literals.push(typo);
    else if (t.tokenType === UnterminatedString) literals.push(unterminatedString(t, text.length));
    else if (t.tokenType === TextBlock && (t.image.length < 6 || !t.image.endsWith('"""')))
      literals.push({
        start: t.startOffset,
        end: t.startOffset + 3,
        problem: { kind: 'unterminatedTextBlock' },
      });
  }
  // A whole parse reports unterminated comments before unterminated literals.
  region.literalIssues = unterminatedComments.concat(literals);
  const last = tokens[tokens.length - 1];
  if (last) region.lastEnd = Math.max(region.lastEnd, last.startOffset + last.image.length);
  if (chunk.length > 0) {
    region.first = chunk[0]!.tokenType.name;
    parseChunk(text, chunk, region, tryFast);
  }
  return region;
}

/** Parses one chunk of tokens (one top-level block and what follows it) into its region. */
function parseChunk(text: string, chunk: IToken[], region: Region, tryFast: boolean): void {
  const errors = region.parseIssues;
  let tokens = chunk;
  const firstType = tokens[0]!.tokenType;
  if (firstType !== K.Evaluation && firstType !== K.Framework) {
    const first = tokens[0]!;
    errors.push({
      ...tokenSpan(first, text.length),
      problem: { kind: 'expectedTopLevel', found: first.image },
      found: first.image,
    });
    const next = tokens.findIndex(
      (t) => t.tokenType === K.Evaluation || t.tokenType === K.Framework,
    );
    if (next < 0) return;
    tokens = tokens.slice(next);
  }
  if (tryFast) {
    const fast = fastTopBlock(text, tokens);
    if (fast) {
      region.block = fast;
      return;
    }
  }
  const p = parser();
  p.clearOpenNodes();
  p.input = tokens;
  const block = withoutStackTraces(() => p.topBlock());
  if (block) region.block = block;
  for (const { token, problem, number } of p.badNumbers) {
    const span = tokenSpan(token, text.length);
    errors.push(
      problem === 'stringForNumber'
        ? {
            ...span,
            problem: { kind: problem, ...(number !== undefined ? { number } : {}) },
            found: token.image,
            ...(number !== undefined ? { fix: { kind: 'replace', ...span, text: number } } : {}),
          }
        : { ...span, problem: { kind: problem }, found: token.image },
    );
  }
  const last = tokens[tokens.length - 1]!;
  for (const e of p.errors) {
    const atEnd = Number.isNaN(e.token.startOffset);
    const problem = decodeProblem(e.message);
    const prev = (e as { previousToken?: IToken }).previousToken;
    // What is missing belongs to the line that lacks it, not to the next line's first token.
    const missingAtEol =
      !atEnd &&
      prev !== undefined &&
      !Number.isNaN(prev.startOffset) &&
      /[\r\n]/.test(text.slice(prev.startOffset + prev.image.length, e.token.startOffset));
    const endOfLast = last.startOffset + last.image.length;
    errors.push({
      ...(atEnd
        ? { start: endOfLast, end: endOfLast }
        : missingAtEol
          ? tokenSpan(prev, text.length)
          : tokenSpan(e.token, text.length)),
      problem:
        problem.kind === 'redundant' ? { kind: 'expectedTopLevel', found: e.token.image } : problem,
      ...(atEnd ? {} : { found: e.token.image }),
    });
  }
}

/** How a run of tokens nests braces, starting from no open brace. */
function braces(
  count: number,
  typeAt: (k: number) => TokenType,
): { deepest: number; balanced: boolean } {
  let depth = 0;
  let deepest = 0;
  let balanced = true;
  for (let k = 0; k < count; k++) {
    const type = typeAt(k);
    if (type === LCurly) deepest = Math.max(deepest, ++depth);
    else if (type === RCurly) {
      if (depth === 0) balanced = false;
      else depth--;
    }
  }
  return { deepest, balanced: balanced && depth === 0 };
}

/** Splits a lexed document into regions, one per chunk of tokens, and parses each. */
function regionsOf(text: string, lexed: Lexed): Region[] {
  const deep: SyntaxIssue[] = [];
  const parts = chunks(limitNesting(lexed.tokens, deep, text.length));
  const regions: Region[] = [];
  let t = 0;
  let c = 0;
  let e = 0;
  let d = 0;
  let depth = 0;
  for (let i = 0; i < Math.max(1, parts.length); i++) {
    const start = i === 0 ? 0 : parts[i]![0]!.startOffset;
    const end = i + 1 < parts.length ? parts[i + 1]![0]!.startOffset : text.length;
    const ts = t;
    const enter = depth;
    // Every token of the region, also those the nesting limit dropped, as limitNesting counts.
    while (t < lexed.tokens.length && lexed.tokens[t]!.startOffset < end) {
      const type = lexed.tokens[t]!.tokenType;
      if (type === LCurly) depth++;
      else if (type === RCurly && depth > 0) depth--;
      t++;
    }
    const cs = c;
    while (c < lexed.comments.length && lexed.comments[c]!.startOffset < end) c++;
    const es = e;
    while (e < lexed.errors.length && lexed.errors[e]!.offset < end) e++;
    const ds = d;
    while (d < deep.length && deep[d]!.start < end) d++;
    const region = buildRegion(
      text,
      start,
      end,
      lexed.tokens.slice(ts, t),
      lexed.comments.slice(cs, c),
      lexed.errors.slice(es, e),
      lexed.misspelled,
      parts[i] ?? [],
      enter,
    );
    region.depthIssues = deep.slice(ds, d);
    regions.push(region);
  }
  return regions;
}

/** A parse result from its regions. */
export function assemble(text: string, regions: Region[]): ParseResult {
  const blocks: TopBlock[] = [];
  const comments: CommentNode[] = [];
  const lex: SyntaxIssue[] = [];
  const literal: SyntaxIssue[] = [];
  const depth: SyntaxIssue[] = [];
  const parsing: SyntaxIssue[] = [];
  let tokenCount = 0;
  for (const r of regions) {
    if (r.block) blocks.push(r.block);
    for (const c of r.comments) comments.push(c);
    for (const x of r.lexIssues) lex.push(x);
    for (const x of r.literalIssues) literal.push(x);
    for (const x of r.depthIssues) depth.push(x);
    for (const x of r.parseIssues) parsing.push(x);
    tokenCount += r.tokenCount;
  }
  return {
    document: { start: 0, end: text.length, blocks, comments },
    errors: onePerLine(lex.concat(literal, depth, parsing), text),
    tokenCount,
    regions,
  };
}

/** Parses a document. Never throws: the result holds what could be recognised and every error. */
export function parse(text: string): ParseResult {
  if (fastPath) {
    const scanned = fastScan(text);
    const regions = scanned && scannedRegions(text, scanned);
    if (regions) return assemble(text, regions);
    // Chevrotain lexes what the fast lexer gave up on; too deep braces take the general path.
    return assemble(text, regionsOf(text, lexRange(text, 0, text.length, scanned !== undefined)));
  }
  return assemble(text, regionsOf(text, lexRange(text, 0, text.length)));
}

/**
 * The regions of a text the fast lexer read, as `regionsOf` makes them from its tokens, making
 * the token objects of one region at a time: they die young, where a whole document's tokens
 * lived through the parse and were copied from one generation of the heap to the next (the
 * largest share of parsing 100,000 lines). Undefined when braces nest deeper than `maxNesting`:
 * `regionsOf` cuts those. grammar/test/fastLex.test.ts compares this with `regionsOf`.
 */
function scannedRegions(text: string, s: ScannedText): Region[] | undefined {
  const n = s.count;
  // Words read as the keyword they misspell, as `lexRange` reads them, and how deep braces go.
  const words = new Map<number, IToken>();
  const misspelled = new Map<IToken, SyntaxIssue>();
  let previous: TokenType | undefined;
  let depth = 0;
  for (let k = 0; k < n; k++) {
    let type = scannedType(s, k);
    if (type === Identifier) {
      const t = scannedToken(s, text, k);
      const issue = misspelledKeyword(t, previous);
      if (issue) misspelled.set(t, issue);
      words.set(k, t);
      type = t.tokenType;
    }
    if (type === LCurly) {
      if (++depth > maxNesting) return undefined;
    } else if (type === RCurly && depth > 0) depth--;
    previous = type;
  }
  const typeAt = (k: number): TokenType | undefined => {
    if (k >= n) return undefined;
    const type = scannedType(s, k);
    return type === Identifier ? words.get(k)!.tokenType : type;
  };
  // Where chunks start, as `chunks` splits the tokens.
  const starts: number[] = [];
  depth = 0;
  for (let k = 0; k < n; k++) {
    const type = typeAt(k)!;
    const startsBlock =
      type === K.Evaluation ||
      (type === K.Framework &&
        (depth === 0 ||
          typeAt(k + 1) === LCurly ||
          (typeAt(k + 2) === LCurly && typeAt(k + 1)!.CATEGORIES?.includes(StringLike))));
    if (k === 0 || startsBlock) {
      starts.push(k);
      depth = 0;
    }
    if (type === LCurly) depth++;
    else if (type === RCurly) depth = Math.max(0, depth - 1);
  }
  const regions: Region[] = [];
  const comments = s.comments;
  let t = 0;
  let c = 0;
  depth = 0;
  for (let i = 0; i < Math.max(1, starts.length); i++) {
    const start = i === 0 ? 0 : s.starts[starts[i]!]!;
    const end = i + 1 < starts.length ? s.starts[starts[i + 1]!]! : text.length;
    const enter = depth;
    const from = t;
    while (t < n && s.starts[t]! < end) {
      const type = typeAt(t);
      if (type === LCurly) depth++;
      else if (type === RCurly && depth > 0) depth--;
      t++;
    }
    const cs = c;
    while (c < comments.length && comments[c]!.startOffset < end) c++;
    const own = comments.slice(cs, c);
    const read = { text, scanned: s, from, to: t, typeAt, misspelled, words };
    let region = columnRegion(read, start, end, own, enter);
    if (!region) {
      const tokens: IToken[] = [];
      for (let k = from; k < t; k++)
        tokens.push(scannedType(s, k) === Identifier ? words.get(k)! : scannedToken(s, text, k));
      // Where the fast parser already gave up on these tokens, it is not asked again.
      const tryFast = region === undefined;
      region = buildRegion(text, start, end, tokens, own, [], misspelled, tokens, enter, tryFast);
    }
    regions.push(region);
  }
  return regions;
}

/** The scanned tokens `from` to `to` of a text, with the bare words read as token objects. */
interface ScannedRange {
  text: string;
  scanned: ScannedText;
  from: number;
  to: number;
  typeAt: (k: number) => TokenType | undefined;
  misspelled: Map<IToken, SyntaxIssue>;
  words: Map<number, IToken>;
}

/**
 * The region of a range of scanned tokens, as `buildRegion` makes it, read by the fast parser
 * straight from the scan: no token object is made. When anything in it needs them for an error,
 * the caller makes the tokens: undefined for a misspelled keyword, an open text block or a block
 * that is not a top-level one; null when the fast parser was asked and did not take the block
 * whole (it would not take the tokens either).
 */
function columnRegion(
  r: ScannedRange,
  start: number,
  end: number,
  comments: readonly IToken[],
  enter: number,
): Region | null | undefined {
  const { text, scanned: s, from } = r;
  const count = r.to - from;
  if (count === 0) return undefined;
  const types: TokenType[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const type = r.typeAt(from + k)!;
    if (type === TextBlock) {
      const e = s.ends[from + k]!;
      if (e - s.starts[from + k]! < 6 || !text.startsWith('"""', e - 3)) return undefined;
    } else if (r.misspelled.size > 0 && scannedType(s, from + k) === Identifier) {
      if (r.misspelled.has(r.words.get(from + k)!)) return undefined;
    }
    types[k] = type;
  }
  const first = types[0]!;
  if (first !== K.Evaluation && first !== K.Framework) return undefined;
  const block = fastTopBlockIn({
    text,
    types,
    starts: s.starts,
    ends: s.ends,
    base: from,
    plainStrings: true,
  });
  if (!block) return null;
  const nesting = braces(count, (k) => types[k]!);
  const region = newRegion(start, end, count, enter, nesting);
  region.literalIssues = addComments(region, comments);
  region.lastEnd = Math.max(region.lastEnd, s.ends[r.to - 1]!);
  region.first = first.name;
  region.block = block;
  return region;
}

/**
 * Lexes and parses `text` from `from` to `to` alone, as one region `enter` braces deep;
 * undefined unless it is exactly one top-level evaluation whose lexing cannot run past `to`,
 * with balanced braces that stay within the nesting limit (see incremental.ts).
 */
export function parseRegion(
  text: string,
  from: number,
  to: number,
  enter: number,
): Region | undefined {
  const lexed = lexRange(text, from, to);
  const first = lexed.tokens[0];
  if (!first || first.tokenType !== K.Evaluation) return undefined;
  if (from > 0 && first.startOffset !== from) return undefined;
  if (chunks(lexed.tokens).length !== 1) return undefined;
  // Checked before parsing: the region is parsed uncut, so too deep braces would recurse deep.
  let depth = enter;
  for (const t of lexed.tokens) {
    if (t.tokenType === LCurly && ++depth > maxNesting) return undefined;
    if (t.tokenType === RCurly) depth--;
  }
  const region = buildRegion(
    text,
    from,
    to,
    lexed.tokens,
    lexed.comments,
    lexed.errors,
    lexed.misspelled,
    lexed.tokens,
    enter,
  );
  // Unbalanced braces would change how deep every later region starts; too deep ones are cut.
  if (!region.balanced || enter + region.deepest > maxNesting) return undefined;
  // A token, comment or bad character reaching `to` might have run on in the whole text.
  if (to < text.length && region.lastEnd >= to) return undefined;
  return region;
}

/**
 * Runs the parser with stack capture off: recovery throws and catches an exception per syntax
 * error, and their stack traces (never shown) were a visible share of parsing a broken file.
 */
function withoutStackTraces<T>(f: () => T): T {
  // V8's knob; other engines ignore the property.
  const E = Error as { stackTraceLimit?: number };
  const limit = E.stackTraceLimit;
  E.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    E.stackTraceLimit = limit;
  }
}

const keywordSpellings = foldCandidates(
  keywordSpecs.flatMap((k) => (k.en === k.sv ? [k.en] : [k.en, k.sv])),
);
const keywordBySpelling = new Map<string, TokenType>(
  keywordSpecs.flatMap((k) => [
    [k.en, K[k.name]],
    [k.sv, K[k.name]],
  ]),
);

/**
 * A bare word that is a likely typo of a keyword (`omrde`, `questoin`, `Område`): the token is
 * read as that keyword, so the rest of the document means what the writer meant, and one error
 * says so. Words after `language` are language codes, checked elsewhere.
 */
function misspelledKeyword(t: IToken, previous: TokenType | undefined): SyntaxIssue | undefined {
  if (previous === K.Language || t.image.length < 3) return undefined;
  const suggestion = nearest(t.image, keywordSpellings);
  const type = suggestion === undefined ? undefined : keywordBySpelling.get(suggestion);
  if (!suggestion || !type) return undefined;
  t.tokenType = type;
  t.tokenTypeIdx = type.tokenTypeIdx!;
  const span = { start: t.startOffset, end: t.startOffset + t.image.length };
  return {
    ...span,
    problem: { kind: 'misspelledKeyword', suggestion },
    found: t.image,
    fix: { kind: 'replace', ...span, text: suggestion },
  };
}

/** The one error of a string without its closing quote, with the quote that would close it. */
function unterminatedString(t: IToken, textLength: number): SyntaxIssue {
  const image = t.image;
  const open = image[0] ?? '"';
  const close = (stringQuotes[open] ?? '"').slice(-1);
  const last = image[image.length - 1] ?? '';
  const wrongClose = image.length > 1 && closingQuotes.includes(last) ? last : undefined;
  const span = tokenSpan(t, textLength);
  return {
    ...span,
    problem: { kind: 'unterminatedString', open, close, ...(wrongClose ? { wrongClose } : {}) },
    fix: wrongClose
      ? { kind: 'replace', start: span.end - 1, end: span.end, text: close }
      : { kind: 'replace', start: span.end, end: span.end, text: close },
  };
}

/** Keeps the first syntax error of each line: one bad line is one diagnostic. */
function onePerLine(errors: SyntaxIssue[], text: string): SyntaxIssue[] {
  if (errors.length < 2) return errors;
  const sorted = [...errors].sort((a, b) => a.start - b.start);
  const out: SyntaxIssue[] = [];
  let lastLineEnd = -1;
  for (const e of sorted) {
    if (e.start <= lastLineEnd && out.length > 0) {
      // Too deep nesting explains the errors its cut causes on the same line: it wins.
      if (e.problem.kind === 'tooDeep') out[out.length - 1] = e;
      continue;
    }
    out.push(e);
    const nl = text.indexOf('\n', e.start);
    lastLineEnd = nl < 0 ? text.length : nl;
  }
  return out;
}
