import type { IToken, TokenType } from 'chevrotain';
import type { CommentNode, DocumentNode, Span, TopBlock } from './ast';
import type { FixData } from './diagnostics';
import { kompassLexer } from './lexer';
import { KompassParser, type SyntaxProblem } from './parser';
import { nearest } from './suggest';
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
}

let sharedParser: KompassParser | undefined;

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

/** Parses a document. Never throws: the result holds what could be recognised and every error. */
export function parse(text: string): ParseResult {
  const lexed = kompassLexer().tokenize(text);
  const errors: SyntaxIssue[] = [];
  for (const e of lexed.errors) {
    const bad = text.slice(e.offset, e.offset + e.length);
    errors.push({
      start: e.offset,
      end: e.offset + Math.max(1, e.length),
      problem: { kind: 'badCharacter', text: bad },
      found: bad,
    });
  }
  const comments: CommentNode[] = (lexed.groups.comments ?? []).map((t) => ({
    start: t.startOffset,
    end: t.startOffset + t.image.length,
    text: t.image,
    block: t.tokenType === BlockComment,
  }));
  for (const c of comments) {
    if (c.block && !c.text.endsWith('*/'))
      errors.push({ start: c.start, end: c.start + 2, problem: { kind: 'unterminatedComment' } });
  }
  for (let i = 0; i < lexed.tokens.length; i++) {
    const t = lexed.tokens[i]!;
    if (t.tokenType === Identifier) {
      const misspelled = misspelledKeyword(t, lexed.tokens[i - 1]);
      if (misspelled) errors.push(misspelled);
    } else if (t.tokenType === UnterminatedString) errors.push(unterminatedString(t, text.length));
    else if (t.tokenType === TextBlock && (t.image.length < 6 || !t.image.endsWith('"""')))
      errors.push({
        start: t.startOffset,
        end: t.startOffset + 3,
        problem: { kind: 'unterminatedTextBlock' },
      });
  }

  const p = parser();
  const blocks: TopBlock[] = [];
  for (const chunk of chunks(limitNesting(lexed.tokens, errors, text.length))) {
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
      if (next < 0) continue;
      tokens = tokens.slice(next);
    }
    p.clearOpenNodes();
    p.input = tokens;
    const block = withoutStackTraces(() => p.topBlock());
    if (block) blocks.push(block);
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
          problem.kind === 'redundant'
            ? { kind: 'expectedTopLevel', found: e.token.image }
            : problem,
        ...(atEnd ? {} : { found: e.token.image }),
      });
    }
  }

  return {
    document: { start: 0, end: text.length, blocks, comments },
    errors: onePerLine(errors, text),
    tokenCount: lexed.tokens.length,
  };
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

const keywordSpellings = keywordSpecs.flatMap((k) => (k.en === k.sv ? [k.en] : [k.en, k.sv]));
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
function misspelledKeyword(t: IToken, previous: IToken | undefined): SyntaxIssue | undefined {
  if (previous?.tokenType === K.Language || t.image.length < 3) return undefined;
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
