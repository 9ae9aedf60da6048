import type { IToken, TokenType } from 'chevrotain';
import type {
  AreaStatement,
  Block,
  DateNode,
  FactEntry,
  FactsStatement,
  Keyword,
  KeywordNode,
  NumberNode,
  NumberStatement,
  QuestionStatement,
  Statement,
  StringNode,
  TextStatement,
  TopBlock,
  WordNode,
} from './ast';
import {
  dateNodeIn,
  isDottedIn,
  keywordIn,
  kwNodeIn,
  numNodeIn,
  strNodeIn,
  wordNodeIn,
} from './parser';
import {
  Comma,
  DateLiteral,
  Identifier,
  K,
  LCurly,
  NumberLiteral,
  RCurly,
  Slash,
  StringLiteral,
  TextBlock,
} from './tokens';

/**
 * The tokens of one top-level block as the fast parser reads them: each one's type, and where it
 * stands in the document `text` (`starts` and `ends` from index `base`). The fast lexer's scan is
 * read this way without making a token object per token (see `scannedRegions` in parse.ts).
 */
export interface TokenColumns {
  text: string;
  types: readonly TokenType[];
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  base: number;
  /**
   * Set when the columns come from the fast lexer's scan, which gives up at the first backslash
   * in a string: its string literals are then known to hold no escape, and are not searched for
   * one again (in a short `kompass check`, which runs unoptimised, that search was a twentieth
   * of the process's time).
   */
  plainStrings?: boolean;
}

/**
 * The parser's fast path: a plain recursive descent over the tokens of one top-level block that
 * builds exactly the tree `KompassParser` builds, for blocks without a syntax error. At the first
 * token it does not expect it gives up (undefined) and the block goes to Chevrotain, which
 * recovers and reports. Most documents are valid most of the time, and this path costs a small
 * part of Chevrotain's: no rule machinery, no lookahead functions, no parser to build at start-up.
 * grammar/test/fastParse.test.ts compares the two on valid, broken and mutated documents.
 */
export function fastTopBlock(text: string, tokens: readonly IToken[]): TopBlock | undefined {
  const n = tokens.length;
  const types: TokenType[] = new Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!;
    types[k] = t.tokenType;
    starts[k] = t.startOffset;
    ends[k] = t.startOffset + t.image.length;
  }
  return fastTopBlockIn({ text, types, starts, ends, base: 0 });
}

/** `fastTopBlock` of tokens given as columns; undefined unless it reads all of them. */
export function fastTopBlockIn(columns: TokenColumns): TopBlock | undefined {
  const p = new FastParser(columns);
  try {
    const block = p.topBlock();
    return p.at === columns.types.length ? block : undefined;
  } catch (e) {
    if (e === giveUp) return undefined;
    throw e;
  }
}

/** Thrown to leave the fast path; never escapes `fastTopBlockIn`. */
const giveUp = new Error('not for the fast path');

/** The statements a block may hold, by their keyword's token type (as `statementAlternatives`). */
type StatementRule = (p: FastParser, kw: number) => Statement;

const isString = (t: TokenType): boolean => t === StringLiteral || t === TextBlock;

/** Reads tokens by index (`at`, from 0); a token is named by its index wherever it is passed. */
class FastParser {
  at = 0;
  private readonly text: string;
  private readonly types: readonly TokenType[];
  private readonly starts: ArrayLike<number>;
  private readonly ends: ArrayLike<number>;
  private readonly base: number;
  private readonly plainStrings: boolean;

  constructor(c: TokenColumns) {
    this.text = c.text;
    this.types = c.types;
    this.starts = c.starts;
    this.ends = c.ends;
    this.base = c.base;
    this.plainStrings = c.plainStrings === true;
  }

  peek(offset = 0): TokenType | undefined {
    return this.types[this.at + offset];
  }

  type(k: number): TokenType {
    return this.types[k]!;
  }

  start(k: number): number {
    return this.starts[this.base + k]!;
  }

  end(k: number): number {
    return this.ends[this.base + k]!;
  }

  next(): number {
    if (this.at >= this.types.length) throw giveUp;
    return this.at++;
  }

  expect(type: TokenType): number {
    if (this.types[this.at] !== type) throw giveUp;
    return this.at++;
  }

  /** A string or text block (StringLike); unterminated ones go to Chevrotain. */
  string(): number {
    const t = this.types[this.at];
    if (t === undefined || !isString(t)) throw giveUp;
    return this.at++;
  }

  keyword(k: number): Keyword {
    return keywordIn(this.text, this.start(k), this.end(k), this.type(k));
  }

  kwNode(k: number): KeywordNode {
    return kwNodeIn(this.text, this.start(k), this.end(k), this.type(k));
  }

  str(k: number): StringNode {
    return strNodeIn(this.text, this.start(k), this.end(k), this.type(k), this.plainStrings);
  }

  word(k: number): WordNode {
    return wordNodeIn(this.text, this.start(k), this.end(k));
  }

  date(k: number): DateNode {
    return dateNodeIn(this.text, this.start(k), this.end(k));
  }

  /** A number naming an area or question; too large ones are errors (Chevrotain's path). */
  num(k: number): NumberNode {
    const n = numNodeIn(this.text, this.start(k), this.end(k));
    if (Math.abs(n.value) > Number.MAX_SAFE_INTEGER) throw giveUp;
    return n;
  }

  /** A number that counts: dotted ones and quoted ones are errors. */
  value(k: number): NumberNode {
    if (this.type(k) !== NumberLiteral || isDottedIn(this.text, this.start(k), this.end(k)))
      throw giveUp;
    return this.num(k);
  }

  /** The end of the last token read. */
  lastEnd(): number {
    return this.end(this.at - 1);
  }

  topBlock(): TopBlock {
    const kw = this.next();
    const type = this.type(kw);
    if (type !== K.Evaluation && type !== K.Framework) throw giveUp;
    const node: TopBlock = {
      kind: type === K.Evaluation ? 'evaluation' : 'framework',
      keyword: this.keyword(kw),
      start: this.start(kw),
      end: this.end(kw),
    };
    node.name = this.str(this.string());
    node.body = this.block();
    node.end = Math.max(node.end, this.lastEnd());
    return node;
  }

  block(): Block {
    const open = this.expect(LCurly);
    const block: Block = {
      statements: [],
      closed: false,
      start: this.start(open),
      end: this.end(open),
    };
    for (;;) {
      const t = this.types[this.at];
      if (t === undefined) throw giveUp;
      if (t === RCurly) break;
      const rule = statementRules.get(t);
      if (!rule) throw giveUp;
      block.statements.push(rule(this, this.at++));
    }
    this.at++;
    block.closed = true;
    block.end = Math.max(block.end, this.lastEnd());
    return block;
  }

  /** Whether the next token may end a statement: another statement or the block's end. */
  atStatementEnd(): boolean {
    const t = this.peek();
    return t === RCurly || (t !== undefined && statementRules.has(t));
  }
}

function start<T extends Statement>(kind: T['kind'], p: FastParser, kw: number): T {
  return { kind, keyword: p.keyword(kw), start: p.start(kw), end: p.end(kw) } as T;
}

function finish<T extends Statement>(p: FastParser, node: T): T {
  if (!p.atStatementEnd()) throw giveUp;
  node.end = Math.max(node.end, p.lastEnd());
  return node;
}

// The usual statements are built as one object literal with every field they hold, in the order
// KompassParser adds them: fields added to a literal later go to a separate property array, a
// tenth of the tree's heap.

const text =
  (kind: TextStatement['kind']): StatementRule =>
  (p, kw) => {
    const value = p.str(p.string());
    if (!p.atStatementEnd()) throw giveUp;
    const node: TextStatement = {
      kind,
      keyword: p.keyword(kw),
      start: p.start(kw),
      end: p.lastEnd(),
      value,
    };
    return node;
  };

const numberStatement =
  (kind: NumberStatement['kind']): StatementRule =>
  (p, kw) => {
    const value = p.value(p.expect(NumberLiteral));
    if (!p.atStatementEnd()) throw giveUp;
    const node: NumberStatement = {
      kind,
      keyword: p.keyword(kw),
      start: p.start(kw),
      end: p.lastEnd(),
      value,
    };
    return node;
  };

function question(p: FastParser, kw: number): QuestionStatement {
  const number = p.num(p.expect(NumberLiteral));
  const after = p.peek();
  const title = after !== undefined && isString(after) ? p.str(p.next()) : undefined;
  let points: NumberNode | undefined;
  let separator: WordNode | undefined;
  let maxKeyword: KeywordNode | undefined;
  let max: NumberNode | undefined;
  const t = p.peek();
  if (t === NumberLiteral) {
    points = p.value(p.next());
    const sep = p.peek();
    if (sep === Slash || sep === K.Of) {
      separator = p.word(p.next());
      max = p.value(p.expect(NumberLiteral));
    }
  } else if (t === Slash) {
    separator = p.word(p.next());
    max = p.value(p.expect(NumberLiteral));
  } else if (t === K.Max) {
    maxKeyword = p.kwNode(p.next());
    max = p.value(p.expect(NumberLiteral));
  }
  if (!p.atStatementEnd()) throw giveUp;
  const kind = 'question';
  const keyword = p.keyword(kw);
  const start = p.start(kw);
  const end = p.lastEnd();
  if (points && separator && max) {
    return title
      ? { kind, keyword, start, end, number, title, points, separator, max }
      : { kind, keyword, start, end, number, points, separator, max };
  }
  if (points && !separator) {
    return title
      ? { kind, keyword, start, end, number, title, points }
      : { kind, keyword, start, end, number, points };
  }
  if (title && maxKeyword && max)
    return { kind, keyword, start, end, number, title, maxKeyword, max };
  const node: QuestionStatement = { kind, keyword, start, end, number };
  if (title) node.title = title;
  if (separator) node.separator = separator;
  if (maxKeyword) node.maxKeyword = maxKeyword;
  if (max) node.max = max;
  return node;
}

function area(p: FastParser, kw: number): AreaStatement {
  const header: NumberStatement[] = [];
  const number = p.num(p.expect(NumberLiteral));
  const t = p.peek();
  const title = t !== undefined && isString(t) ? p.str(p.next()) : undefined;
  for (;;) {
    const h = p.peek();
    if (h !== K.Score && h !== K.Max) break;
    const hk = p.next();
    const value = p.value(p.expect(NumberLiteral));
    header.push({
      kind: h === K.Score ? 'score' : 'max',
      keyword: p.keyword(hk),
      start: p.start(hk),
      end: p.lastEnd(),
      value,
    });
  }
  const body = p.peek() === LCurly ? p.block() : undefined;
  if (!p.atStatementEnd()) throw giveUp;
  const kind = 'area';
  const keyword = p.keyword(kw);
  const start = p.start(kw);
  const end = p.lastEnd();
  if (title && body) return { kind, keyword, start, end, header, number, title, body };
  const node: AreaStatement = { kind, keyword, start, end, header, number };
  if (title) node.title = title;
  if (body) node.body = body;
  return node;
}

function facts(p: FastParser, kw: number): FactsStatement {
  const node = start<FactsStatement>('facts', p, kw);
  node.entries = [];
  const open = p.expect(LCurly);
  while (p.peek() !== RCurly) {
    const label = p.string();
    const entry: FactEntry = { label: p.str(label), start: p.start(label), end: p.end(label) };
    node.entries.push(entry);
    const v = p.next();
    const type = p.type(v);
    entry.value =
      type === NumberLiteral
        ? p.value(v)
        : type === DateLiteral
          ? p.date(v)
          : isString(type)
            ? p.str(v)
            : (() => {
                throw giveUp;
              })();
    entry.end = Math.max(entry.end, p.end(v));
  }
  const close = p.next();
  node.body = { start: p.start(open), end: p.end(close) };
  return finish(p, node);
}

const statementRules = new Map<TokenType, StatementRule>([
  [K.Area, area],
  [K.Question, question],
  [K.Score, numberStatement('score')],
  [K.Max, numberStatement('max')],
  [K.Heading, text('heading')],
  [K.Intro, text('intro')],
  [
    K.Section,
    (p, kw) => {
      const heading = p.str(p.string());
      const text = p.str(p.string());
      if (!p.atStatementEnd()) throw giveUp;
      const start = p.start(kw);
      return { kind: 'section', keyword: p.keyword(kw), start, end: p.lastEnd(), heading, text };
    },
  ],
  [K.Strength, text('strength')],
  [K.Improvement, text('improvement')],
  [
    K.Example,
    (p, kw) => {
      const municipality = p.str(p.string());
      const t = p.peek();
      const note = t !== undefined && isString(t) ? p.str(p.next()) : undefined;
      if (!p.atStatementEnd()) throw giveUp;
      const kind = 'example';
      const keyword = p.keyword(kw);
      const start = p.start(kw);
      const end = p.lastEnd();
      return note
        ? { kind, keyword, start, end, municipality, note }
        : { kind, keyword, start, end, municipality };
    },
  ],
  [K.Alias, text('alias')],
  [
    K.Framework,
    (p, kw) => {
      const node = start<Statement & { kind: 'frameworkRef' }>('frameworkRef', p, kw);
      node.name = p.str(p.string());
      return finish(p, node);
    },
  ],
  [
    K.Date,
    (p, kw) => {
      const node = start<Statement & { kind: 'date' }>('date', p, kw);
      node.from = p.date(p.expect(DateLiteral));
      if (p.peek() === K.To) {
        node.toKeyword = p.kwNode(p.next());
        node.to = p.date(p.expect(DateLiteral));
      }
      return finish(p, node);
    },
  ],
  [
    K.Evaluators,
    (p, kw) => {
      const node = start<Statement & { kind: 'evaluators' }>('evaluators', p, kw);
      node.names = [p.str(p.string())];
      while (p.peek() === Comma) {
        p.next();
        node.names.push(p.str(p.string()));
      }
      return finish(p, node);
    },
  ],
  [K.Organisation, text('organisation')],
  [K.Round, numberStatement('round')],
  [
    K.Language,
    (p, kw) => {
      const node = start<Statement & { kind: 'language' }>('language', p, kw);
      // A quoted code (`language "sv"`) takes Chevrotain's path.
      node.code = p.word(p.expect(Identifier));
      return finish(p, node);
    },
  ],
  [
    K.Compare,
    (p, kw) => {
      const node = start<Statement & { kind: 'compare' }>('compare', p, kw);
      node.value = p.str(p.string());
      if (p.peek() === K.As) {
        node.asKeyword = p.kwNode(p.next());
        node.label = p.str(p.string());
      }
      return finish(p, node);
    },
  ],
  [K.Summary, text('summary')],
  [K.About, text('about')],
  [K.Facts, facts],
  [K.Total, numberStatement('total')],
  [K.Title, text('title')],
]);
