import type { IToken, TokenType } from 'chevrotain';
import type {
  AreaStatement,
  Block,
  FactEntry,
  FactsStatement,
  KeywordNode,
  NumberNode,
  NumberStatement,
  QuestionStatement,
  Statement,
  TextStatement,
  TopBlock,
  WordNode,
} from './ast';
import { dateNode, end, isDotted, keywordOf, kwNode, numNode, strNode, wordNode } from './parser';
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
 * The parser's fast path: a plain recursive descent over the tokens of one top-level block that
 * builds exactly the tree `KompassParser` builds, for blocks without a syntax error. At the first
 * token it does not expect it gives up (undefined) and the block goes to Chevrotain, which
 * recovers and reports. Most documents are valid most of the time, and this path costs a small
 * part of Chevrotain's: no rule machinery, no lookahead functions, no parser to build at start-up.
 * grammar/test/fastParse.test.ts compares the two on valid, broken and mutated documents.
 */
export function fastTopBlock(tokens: readonly IToken[]): TopBlock | undefined {
  const p = new FastParser(tokens);
  try {
    const block = p.topBlock();
    return p.at === tokens.length ? block : undefined;
  } catch (e) {
    if (e === giveUp) return undefined;
    throw e;
  }
}

/** Thrown to leave the fast path; never escapes `fastTopBlock`. */
const giveUp = new Error('not for the fast path');

/** The statements a block may hold, by their keyword's token type (as `statementAlternatives`). */
type StatementRule = (p: FastParser, kw: IToken) => Statement;

const isString = (t: TokenType): boolean => t === StringLiteral || t === TextBlock;

class FastParser {
  at = 0;
  constructor(private readonly tokens: readonly IToken[]) {}

  peek(offset = 0): TokenType | undefined {
    return this.tokens[this.at + offset]?.tokenType;
  }

  next(): IToken {
    const t = this.tokens[this.at];
    if (!t) throw giveUp;
    this.at++;
    return t;
  }

  expect(type: TokenType): IToken {
    const t = this.tokens[this.at];
    if (!t || t.tokenType !== type) throw giveUp;
    this.at++;
    return t;
  }

  /** A string or text block (StringLike); unterminated ones go to Chevrotain. */
  string(): IToken {
    const t = this.tokens[this.at];
    if (!t || !isString(t.tokenType)) throw giveUp;
    this.at++;
    return t;
  }

  /** A number naming an area or question; too large ones are errors (Chevrotain's path). */
  num(t: IToken): NumberNode {
    const n = numNode(t);
    if (Math.abs(n.value) > Number.MAX_SAFE_INTEGER) throw giveUp;
    return n;
  }

  /** A number that counts: dotted ones and quoted ones are errors. */
  value(t: IToken): NumberNode {
    if (t.tokenType !== NumberLiteral || isDotted(t.image)) throw giveUp;
    return this.num(t);
  }

  /** The end of the last token read. */
  lastEnd(): number {
    return end(this.tokens[this.at - 1]!);
  }

  topBlock(): TopBlock {
    const kw = this.next();
    if (kw.tokenType !== K.Evaluation && kw.tokenType !== K.Framework) throw giveUp;
    const node: TopBlock = {
      kind: kw.tokenType === K.Evaluation ? 'evaluation' : 'framework',
      keyword: keywordOf(kw),
      start: kw.startOffset,
      end: end(kw),
    };
    node.name = strNode(this.string());
    node.body = this.block();
    node.end = Math.max(node.end, this.lastEnd());
    return node;
  }

  block(): Block {
    const open = this.expect(LCurly);
    const block: Block = { statements: [], closed: false, start: open.startOffset, end: end(open) };
    for (;;) {
      const t = this.tokens[this.at];
      if (!t) throw giveUp;
      if (t.tokenType === RCurly) break;
      const rule = statementRules.get(t.tokenType);
      if (!rule) throw giveUp;
      this.at++;
      block.statements.push(rule(this, t));
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

function start<T extends Statement>(kind: T['kind'], kw: IToken): T {
  return { kind, keyword: keywordOf(kw), start: kw.startOffset, end: end(kw) } as T;
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
    const value = strNode(p.string());
    if (!p.atStatementEnd()) throw giveUp;
    const node: TextStatement = {
      kind,
      keyword: keywordOf(kw),
      start: kw.startOffset,
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
      keyword: keywordOf(kw),
      start: kw.startOffset,
      end: p.lastEnd(),
      value,
    };
    return node;
  };

function question(p: FastParser, kw: IToken): QuestionStatement {
  const number = p.num(p.expect(NumberLiteral));
  const after = p.peek();
  const title = after !== undefined && isString(after) ? strNode(p.next()) : undefined;
  let points: NumberNode | undefined;
  let separator: WordNode | undefined;
  let maxKeyword: KeywordNode | undefined;
  let max: NumberNode | undefined;
  const t = p.peek();
  if (t === NumberLiteral) {
    points = p.value(p.next());
    const sep = p.peek();
    if (sep === Slash || sep === K.Of) {
      separator = wordNode(p.next());
      max = p.value(p.expect(NumberLiteral));
    }
  } else if (t === Slash) {
    separator = wordNode(p.next());
    max = p.value(p.expect(NumberLiteral));
  } else if (t === K.Max) {
    maxKeyword = kwNode(p.next());
    max = p.value(p.expect(NumberLiteral));
  }
  if (!p.atStatementEnd()) throw giveUp;
  const kind = 'question';
  const keyword = keywordOf(kw);
  const start = kw.startOffset;
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

function area(p: FastParser, kw: IToken): AreaStatement {
  const header: NumberStatement[] = [];
  const number = p.num(p.expect(NumberLiteral));
  const t = p.peek();
  const title = t !== undefined && isString(t) ? strNode(p.next()) : undefined;
  for (;;) {
    const h = p.peek();
    if (h !== K.Score && h !== K.Max) break;
    const hk = p.next();
    const value = p.value(p.expect(NumberLiteral));
    header.push({
      kind: h === K.Score ? 'score' : 'max',
      keyword: keywordOf(hk),
      start: hk.startOffset,
      end: p.lastEnd(),
      value,
    });
  }
  const body = p.peek() === LCurly ? p.block() : undefined;
  if (!p.atStatementEnd()) throw giveUp;
  const kind = 'area';
  const keyword = keywordOf(kw);
  const start = kw.startOffset;
  const end = p.lastEnd();
  if (title && body) return { kind, keyword, start, end, header, number, title, body };
  const node: AreaStatement = { kind, keyword, start, end, header, number };
  if (title) node.title = title;
  if (body) node.body = body;
  return node;
}

function facts(p: FastParser, kw: IToken): FactsStatement {
  const node = start<FactsStatement>('facts', kw);
  node.entries = [];
  const open = p.expect(LCurly);
  while (p.peek() !== RCurly) {
    const label = p.string();
    const entry: FactEntry = { label: strNode(label), start: label.startOffset, end: end(label) };
    node.entries.push(entry);
    const v = p.next();
    entry.value =
      v.tokenType === NumberLiteral
        ? p.value(v)
        : v.tokenType === DateLiteral
          ? dateNode(v)
          : isString(v.tokenType)
            ? strNode(v)
            : (() => {
                throw giveUp;
              })();
    entry.end = Math.max(entry.end, end(v));
  }
  const close = p.next();
  node.body = { start: open.startOffset, end: end(close) };
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
      const node = start<Statement & { kind: 'section' }>('section', kw);
      node.heading = strNode(p.string());
      node.text = strNode(p.string());
      return finish(p, node);
    },
  ],
  [K.Strength, text('strength')],
  [K.Improvement, text('improvement')],
  [
    K.Example,
    (p, kw) => {
      const node = start<Statement & { kind: 'example' }>('example', kw);
      node.municipality = strNode(p.string());
      const t = p.peek();
      if (t !== undefined && isString(t)) node.note = strNode(p.next());
      return finish(p, node);
    },
  ],
  [K.Alias, text('alias')],
  [
    K.Framework,
    (p, kw) => {
      const node = start<Statement & { kind: 'frameworkRef' }>('frameworkRef', kw);
      node.name = strNode(p.string());
      return finish(p, node);
    },
  ],
  [
    K.Date,
    (p, kw) => {
      const node = start<Statement & { kind: 'date' }>('date', kw);
      node.from = dateNode(p.expect(DateLiteral));
      if (p.peek() === K.To) {
        node.toKeyword = kwNode(p.next());
        node.to = dateNode(p.expect(DateLiteral));
      }
      return finish(p, node);
    },
  ],
  [
    K.Evaluators,
    (p, kw) => {
      const node = start<Statement & { kind: 'evaluators' }>('evaluators', kw);
      node.names = [strNode(p.string())];
      while (p.peek() === Comma) {
        p.next();
        node.names.push(strNode(p.string()));
      }
      return finish(p, node);
    },
  ],
  [K.Organisation, text('organisation')],
  [K.Round, numberStatement('round')],
  [
    K.Language,
    (p, kw) => {
      const node = start<Statement & { kind: 'language' }>('language', kw);
      // A quoted code (`language "sv"`) takes Chevrotain's path.
      node.code = wordNode(p.expect(Identifier));
      return finish(p, node);
    },
  ],
  [
    K.Compare,
    (p, kw) => {
      const node = start<Statement & { kind: 'compare' }>('compare', kw);
      node.value = strNode(p.string());
      if (p.peek() === K.As) {
        node.asKeyword = kwNode(p.next());
        node.label = strNode(p.string());
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
