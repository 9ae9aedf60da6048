import {
  EmbeddedActionsParser,
  EOF,
  type IOrAlt,
  type IRuleConfig,
  type IToken,
  type TokenType,
  tokenMatcher,
} from 'chevrotain';
import type {
  AreaStatement,
  Block,
  CompareStatement,
  DateNode,
  DateStatement,
  EvaluatorsStatement,
  ExampleStatement,
  FactEntry,
  FactsStatement,
  FrameworkRefStatement,
  Keyword,
  KeywordNode,
  LanguageStatement,
  NumberNode,
  NumberStatement,
  QuestionStatement,
  SectionStatement,
  Span,
  Statement,
  StringNode,
  TextStatement,
  TopBlock,
  WordNode,
} from './ast';
import { decodeString, TextBlockNode } from './literals';
import { shortTextIn } from './shortTexts';
import { statementNode } from './statementNodes';
import {
  allTokens,
  Comma,
  DateLiteral,
  Identifier,
  K,
  keywordSpecByName,
  LCurly,
  NumberLiteral,
  RCurly,
  Slash,
  StringLike,
  StringLiteral,
  TextBlock,
  UnterminatedString,
} from './tokens';

/** A syntax problem as data, so the analyzer can word it in the document's language. */
export interface SyntaxProblem {
  kind: 'mismatch' | 'noAlternative' | 'earlyExit' | 'redundant';
  /** Token type names the parser expected. */
  expected: string[];
}

/** Whether a token was read from the input (not inserted by recovery, not the end). */
export function real(t: IToken | undefined): t is IToken {
  return (
    t !== undefined &&
    !t.isInsertedInRecovery &&
    t.tokenType !== EOF &&
    !Number.isNaN(t.startOffset)
  );
}

/** The shared keywords by token type name: the English and the Swedish spelling. */
const sharedKeywords = new Map<string, { en: Keyword; sv: Keyword }>();

/**
 * The keyword a token spells, shared by every use of that spelling: statements are many and
 * their keywords few, so each keyword is one object (its text the keyword table's own string)
 * rather than one per statement. Other spellings (letter case) get an object of their own.
 */
export function keywordOf(t: IToken): Keyword {
  const image = t.image;
  const shared = sharedKeyword(t.tokenType.name);
  if (shared === undefined) return { name: t.tokenType.name, text: image, swedish: false };
  if (image === shared.sv.text) return shared.sv;
  if (image === shared.en.text) return shared.en;
  return { name: shared.en.name, text: image, swedish: false };
}

/** The keyword of type `type` spelt by `text` from `start` to `end` (see `keywordOf`). */
export function keywordIn(text: string, start: number, end: number, type: TokenType): Keyword {
  const shared = sharedKeyword(type.name);
  // Compared in place: a parse reads many keywords, and a copy of each spelling is garbage.
  if (shared !== undefined) {
    if (spells(text, start, end, shared.sv.text)) return shared.sv;
    if (spells(text, start, end, shared.en.text)) return shared.en;
  }
  return { name: type.name, text: text.slice(start, end), swedish: false };
}

/** The shared keywords of a token type, made on first use; undefined for a type not a keyword. */
function sharedKeyword(name: string): { en: Keyword; sv: Keyword } | undefined {
  let shared = sharedKeywords.get(name);
  if (shared === undefined) {
    const spec = keywordSpecByName.get(name);
    if (spec === undefined) return undefined;
    shared = {
      en: { name, text: spec.en, swedish: false },
      sv: { name, text: spec.sv, swedish: spec.sv !== spec.en },
    };
    sharedKeywords.set(name, shared);
  }
  return shared;
}

function spells(text: string, start: number, end: number, word: string): boolean {
  return end - start === word.length && text.startsWith(word, start);
}

/** A keyword inside a statement (`to`, `as`, `max`), with its offsets. */
export function kwNode(t: IToken): KeywordNode {
  return keywordNode(keywordOf(t), t.startOffset, t.image.length);
}

/** `kwNode` of the keyword of type `type` the document `text` holds from `start` to `end`. */
export function kwNodeIn(text: string, start: number, end: number, type: TokenType): KeywordNode {
  return keywordNode(keywordIn(text, start, end, type), start, end - start);
}

function keywordNode(k: Keyword, start: number, length: number): KeywordNode {
  return { name: k.name, text: k.text, swedish: k.swedish, start, end: start + length };
}

// Built as single object literals: spreads here cost a fifth of the parse on text-heavy files.
/** A string or text block node with its decoded value. */
export function strNode(t: IToken): StringNode {
  return stringNode(t.startOffset, t.image, t.tokenType);
}

/**
 * `strNode` of the literal of type `type` the document `text` holds from `start` to `end`. A
 * closed straight-quoted string without escapes, the usual kind, is read in place: no copy of
 * the literal is made only to be cut.
 */
export function strNodeIn(
  text: string,
  start: number,
  end: number,
  type: TokenType,
  /** The literal, if a string, is known to be closed and to hold no escape (the fast scan's). */
  plain = false,
): StringNode {
  if (
    type === StringLiteral &&
    (plain ||
      (end - start >= 2 &&
        text.charCodeAt(start) === 34 &&
        text.charCodeAt(end - 1) === 34 &&
        !hasBackslash(text, start, end)))
  )
    return plainString(start, end, text.slice(start + 1, end - 1));
  return stringNode(start, text.slice(start, end), type);
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

function stringNode(start: number, image: string, type: TokenType): StringNode {
  if (type === TextBlock) return new TextBlockNode(start, start + image.length, image);
  const d = decodeString(image);
  const node = plainString(start, start + image.length, d.value);
  if (d.unterminated || type === UnterminatedString) node.unterminated = true;
  return node;
}

function plainString(start: number, end: number, value: string): StringNode {
  return { start, end, value, block: false };
}

/** Whether a number has more than one dot or comma: a question number, not a value. */
export function isDotted(image: string): boolean {
  return isDottedIn(image, 0, image.length);
}

/** `isDotted` of the number `text` holds from `start` to `end`. */
export function isDottedIn(text: string, start: number, end: number): boolean {
  let separators = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 44) && ++separators > 1) return true;
  }
  return false;
}

/** A number node; `value` is NaN for dotted question numbers. */
export function numNode(t: IToken): NumberNode {
  return numberOf(t.startOffset, t.image);
}

/** `numNode` of the number the document `text` holds from `start` to `end`. */
export function numNodeIn(text: string, start: number, end: number): NumberNode {
  return numberOf(start, shortTextIn(text, start, end));
}

function numberOf(start: number, image: string): NumberNode {
  return numberNode(start, start + image.length, image, numberValue(image));
}

/** The value of a number as written; NaN for a dotted question number. */
function numberValue(image: string): number {
  if (isDotted(image)) return Number.NaN;
  const comma = image.indexOf(',');
  // `13,5` is 13.5: a decimal comma, as evaluators write.
  return Number(comma < 0 ? image : `${image.slice(0, comma)}.${image.slice(comma + 1)}`);
}

function numberNode(start: number, end: number, text: string, value: number): NumberNode {
  return { start, end, text, value };
}

// Once a field has held NaN or a fraction, V8 keeps it as a boxed double in every object of that
// shape, 16 bytes more per number node (a tenth of a checked document's heap). A field that has
// held something else stores whole numbers in place and NaN as one shared constant: so the shape
// is given one such node here, at load, and never after.
numberNode(0, 0, '', undefined as unknown as number);

/** A bare word or punctuation node. */
export function wordNode(t: IToken): WordNode {
  return textNode(t.startOffset, t.image);
}

/** `wordNode` of what the document `text` holds from `start` to `end`. */
export function wordNodeIn(text: string, start: number, end: number): WordNode {
  return textNode(start, shortTextIn(text, start, end));
}

/** A node of a token's text and span: words and dates. */
function textNode(start: number, image: string): WordNode & DateNode {
  return { start, end: start + image.length, text: image };
}

/** Where a token ends. */
export function end(t: IToken): number {
  return t.startOffset + t.image.length;
}

function describeExpected(paths: TokenType[][][] | TokenType[][] | TokenType[]): string[] {
  const names = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object' && 'name' in x) names.add((x as TokenType).name);
  };
  walk(paths);
  return [...names];
}

const encode = (p: SyntaxProblem): string => JSON.stringify(p);

/** The parts of Chevrotain's recovery engine the follow-set cache calls (not in its typings). */
interface GrammarPathEngine {
  flattenFollowSet(): TokenType[];
  getCurrentGrammarPath(
    tokType: TokenType,
    tokIdxInRule: number,
  ): { ruleStack: string[]; occurrenceStack: number[] };
  getNextPossibleTokenTypes(path: unknown): TokenType[];
}

/** How far in-repetition recovery looks for a point to resync at (see the parser's override). */
const resyncWindow = 256;

type RepetitionRecovery = (
  this: unknown,
  grammarRule: (...args: unknown[]) => unknown,
  grammarRuleArgs: unknown[],
  lookAheadFunc: () => boolean,
  expectedTokType: TokenType,
) => void;

// Chevrotain's own in-repetition recovery (a trait method missing from its typings).
const chevrotainRecovery = (
  EmbeddedActionsParser.prototype as unknown as { tryInRepetitionRecovery: RepetitionRecovery }
).tryInRepetitionRecovery;

/** The fields a node's children hang on. */
interface ParentNode {
  body?: Block;
  statements?: Statement[];
  header?: NumberStatement[];
  entries?: FactEntry[];
}

/**
 * The parser: one instance, re-fed per input. It builds the AST as it goes; every rule keeps
 * what it recognised even when recovery cuts it short, so a bad line costs only that line.
 */
export class KompassParser extends EmbeddedActionsParser {
  private readonly open: Span[] = [];
  private recovered: Span | undefined;

  /**
   * `validate` runs Chevrotain's checks of the grammar (ambiguities, left recursion, …). They can
   * only fail when this file changes and cost every process start, so only the tests run them.
   */
  constructor(options: { validate?: boolean } = {}) {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      skipValidations: options.validate !== true,
      errorMessageProvider: {
        buildMismatchTokenMessage: ({ expected }) =>
          encode({ kind: 'mismatch', expected: [expected.name] }),
        buildNotAllInputParsedMessage: () => encode({ kind: 'redundant', expected: [] }),
        buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
          encode({ kind: 'noAlternative', expected: describeExpected(expectedPathsPerAlt) }),
        buildEarlyExitMessage: ({ expectedIterationPaths }) =>
          encode({ kind: 'earlyExit', expected: describeExpected(expectedIterationPaths) }),
      },
    });
    this.performSelfAnalysis();
  }

  /**
   * Starts a node and hangs it on its parent at once, so it stays in the tree even when recovery
   * unwinds the rules above it. `close` ends it at the last token consumed.
   */
  private begin<T extends Span>(node: T): T {
    const parent = this.open[this.open.length - 1] as unknown as ParentNode | undefined;
    if (parent) {
      if ('statements' in node) parent.body = node as unknown as Block;
      else if (parent.statements) parent.statements.push(node as unknown as Statement);
      else if (parent.header) parent.header.push(node as unknown as NumberStatement);
      else if (parent.entries) parent.entries.push(node as unknown as FactEntry);
    }
    this.open.push(node);
    return node;
  }

  private close(): void {
    const node = this.open.pop();
    if (!node) return;
    const last = this.LA(0);
    if (real(last)) node.end = Math.max(node.end, end(last));
    this.recovered = node;
  }

  /** Rule config returning what the rule had built when recovery cut it short. */
  private partial<T>(): IRuleConfig<T> {
    return { recoveryValueFunc: () => this.recovered as T };
  }

  private keywordRule<T extends Statement>(
    name: string,
    keyword: TokenType,
    kind: T['kind'],
    body: (node: T) => void,
  ): () => T {
    return this.RULE(
      name,
      () => {
        const kw = this.CONSUME(keyword);
        // Chevrotain runs each rule once with stand-in tokens to record the grammar; nothing is
        // built then, and the checks of RECORDING_PHASE (rather than ACTION closures) keep that cheap.
        const node = this.RECORDING_PHASE
          ? (undefined as never)
          : this.begin(statementNode<T>(kind, keywordOf(kw), kw.startOffset, end(kw)));
        try {
          body(node);
        } finally {
          if (!this.RECORDING_PHASE) this.close();
        }
        return node;
      },
      this.partial(),
    );
  }

  /** Sets a field when there is a value; recovery leaves missing parts undefined. */
  private set<T, F extends keyof T>(node: T, field: F, value: T[F] | undefined): void {
    if (value !== undefined) node[field] = value;
  }

  /** Numbers that cannot count, recorded for the errors and left out of the tree. */
  readonly badNumbers: {
    token: IToken;
    problem: 'numberTooLarge' | 'notAValue' | 'stringForNumber';
    /** For a quoted number (`"58"`), the number it holds. */
    number?: string;
  }[] = [];

  /** A number naming an area or question (`3`, `1.2.3`). */
  private num(t: IToken): NumberNode | undefined {
    if (!real(t)) return undefined;
    const n = numNode(t);
    if (Math.abs(n.value) > Number.MAX_SAFE_INTEGER) {
      this.badNumbers.push({ token: t, problem: 'numberTooLarge' });
      return undefined;
    }
    return n;
  }

  /**
   * A number that counts (points, max, score, total, round, a fact): `1.2.3` is not one. A
   * quoted number (`"58"`) is an error that still counts as the number it holds.
   */
  private value(t: IToken): NumberNode | undefined {
    if (real(t) && t.tokenType !== NumberLiteral) {
      const inner = decodeString(t.image).value.trim();
      const held = /^-?\d+(?:[.,]\d+)?$/.test(inner) ? numNode({ ...t, image: inner }) : undefined;
      // Past 2^53 a quoted number cannot count either (as an unquoted one, see `num`).
      const n = held && Math.abs(held.value) <= Number.MAX_SAFE_INTEGER ? held : undefined;
      this.badNumbers.push({
        token: t,
        problem: 'stringForNumber',
        ...(n ? { number: inner } : {}),
      });
      return n ? { ...n, end: end(t) } : undefined;
    }
    if (real(t) && isDotted(t.image)) {
      this.badNumbers.push({ token: t, problem: 'notAValue' });
      return undefined;
    }
    return this.num(t);
  }

  private stringOf(t: IToken): StringNode | undefined {
    return real(t) ? strNode(t) : undefined;
  }

  private textRule(name: string, keyword: TokenType, kind: TextStatement['kind']) {
    return this.keywordRule<TextStatement>(name, keyword, kind, (node) => {
      const t = this.CONSUME(StringLike);
      if (!this.RECORDING_PHASE) this.set(node, 'value', this.stringOf(t));
    });
  }

  /** A number, or a one-line string where a number belongs (reported, see `value`). */
  private numberOrString(): IToken {
    return this.OR9([
      { ALT: () => this.CONSUME9(NumberLiteral) },
      { ALT: () => this.CONSUME9(StringLiteral) },
    ]);
  }

  private numberRule(name: string, keyword: TokenType, kind: NumberStatement['kind']) {
    return this.keywordRule<NumberStatement>(name, keyword, kind, (node) => {
      const t = this.numberOrString();
      if (!this.RECORDING_PHASE) this.set(node, 'value', this.value(t));
    });
  }

  private readonly organisation = this.textRule('organisation', K.Organisation, 'organisation');
  private readonly compare = this.keywordRule<CompareStatement>(
    'compare',
    K.Compare,
    'compare',
    (node) => {
      const t = this.CONSUME(StringLike);
      if (!this.RECORDING_PHASE) this.set(node, 'value', this.stringOf(t));
      this.OPTION(() => {
        const kw = this.CONSUME(K.As);
        const label = this.CONSUME2(StringLike);
        if (!this.RECORDING_PHASE) {
          node.asKeyword = kwNode(kw);
          this.set(node, 'label', this.stringOf(label));
        }
      });
    },
  );
  private readonly heading = this.textRule('heading', K.Heading, 'heading');
  private readonly strength = this.textRule('strength', K.Strength, 'strength');
  private readonly improvement = this.textRule('improvement', K.Improvement, 'improvement');
  private readonly alias = this.textRule('alias', K.Alias, 'alias');
  private readonly title = this.textRule('title', K.Title, 'title');
  private readonly summary = this.textRule('summary', K.Summary, 'summary');
  private readonly about = this.textRule('about', K.About, 'about');
  private readonly intro = this.textRule('intro', K.Intro, 'intro');
  private readonly round = this.numberRule('round', K.Round, 'round');
  private readonly total = this.numberRule('total', K.Total, 'total');
  private readonly score = this.numberRule('score', K.Score, 'score');
  private readonly max = this.numberRule('max', K.Max, 'max');

  private readonly frameworkRef = this.keywordRule<FrameworkRefStatement>(
    'frameworkRef',
    K.Framework,
    'frameworkRef',
    (node) => {
      const t = this.CONSUME(StringLike);
      if (!this.RECORDING_PHASE) this.set(node, 'name', this.stringOf(t));
    },
  );

  private readonly date = this.keywordRule<DateStatement>('date', K.Date, 'date', (node) => {
    const from = this.CONSUME(DateLiteral);
    if (!this.RECORDING_PHASE) {
      if (real(from)) node.from = dateNode(from);
    }
    this.OPTION(() => {
      const kw = this.CONSUME(K.To);
      const to = this.CONSUME2(DateLiteral);
      if (!this.RECORDING_PHASE) {
        node.toKeyword = kwNode(kw);
        if (real(to)) node.to = dateNode(to);
      }
    });
  });

  private readonly evaluators = this.keywordRule<EvaluatorsStatement>(
    'evaluators',
    K.Evaluators,
    'evaluators',
    (node) => {
      if (!this.RECORDING_PHASE) {
        node.names = [];
      }
      const first = this.CONSUME(StringLike);
      if (!this.RECORDING_PHASE) {
        const v = this.stringOf(first);
        if (v) node.names.push(v);
      }
      this.MANY(() => {
        this.CONSUME(Comma);
        const next = this.CONSUME2(StringLike);
        if (!this.RECORDING_PHASE) {
          const v = this.stringOf(next);
          if (v) node.names.push(v);
        }
      });
    },
  );

  private readonly language = this.keywordRule<LanguageStatement>(
    'language',
    K.Language,
    'language',
    (node) => {
      const t = this.OR([
        { ALT: () => this.CONSUME(Identifier) },
        { ALT: () => this.CONSUME(StringLiteral) },
      ]);
      if (!this.RECORDING_PHASE) {
        if (!real(t)) return;
        node.code =
          t.tokenType === Identifier
            ? wordNode(t)
            : { start: t.startOffset, end: end(t), text: decodeString(t.image).value };
      }
    },
  );

  private readonly section = this.keywordRule<SectionStatement>(
    'section',
    K.Section,
    'section',
    (node) => {
      const h = this.CONSUME(StringLike);
      if (!this.RECORDING_PHASE) this.set(node, 'heading', this.stringOf(h));
      const t = this.CONSUME2(StringLike);
      if (!this.RECORDING_PHASE) this.set(node, 'text', this.stringOf(t));
    },
  );

  private readonly example = this.keywordRule<ExampleStatement>(
    'example',
    K.Example,
    'example',
    (node) => {
      const m = this.CONSUME(StringLike);
      if (!this.RECORDING_PHASE) this.set(node, 'municipality', this.stringOf(m));
      this.OPTION(() => {
        const n = this.CONSUME2(StringLike);
        if (!this.RECORDING_PHASE) this.set(node, 'note', this.stringOf(n));
      });
    },
  );

  private readonly facts = this.keywordRule<FactsStatement>('facts', K.Facts, 'facts', (node) => {
    if (!this.RECORDING_PHASE) {
      node.entries = [];
    }
    const open = this.CONSUME(LCurly);
    this.MANY(() => {
      this.SUBRULE(this.fact);
    });
    const close = this.CONSUME(RCurly);
    if (!this.RECORDING_PHASE) {
      if (real(open))
        node.body = { start: open.startOffset, end: real(close) ? end(close) : node.end };
    }
  });

  private readonly fact = this.RULE(
    'fact',
    () => {
      const label = this.CONSUME(StringLike);
      const entry = this.RECORDING_PHASE
        ? (undefined as never)
        : this.begin<FactEntry>({
            label: strNode(label),
            start: label.startOffset,
            end: end(label),
          });
      try {
        const v = this.OR([
          { ALT: () => this.CONSUME2(StringLike) },
          { ALT: () => this.CONSUME(NumberLiteral) },
          { ALT: () => this.CONSUME(DateLiteral) },
        ]);
        if (!this.RECORDING_PHASE) {
          if (!real(v)) return;
          entry.value =
            v.tokenType === NumberLiteral
              ? this.value(v)
              : v.tokenType === DateLiteral
                ? dateNode(v)
                : strNode(v);
        }
      } finally {
        if (!this.RECORDING_PHASE) this.close();
      }
      return entry;
    },
    this.partial(),
  );

  private readonly question = this.keywordRule<QuestionStatement>(
    'question',
    K.Question,
    'question',
    (node) => {
      const n = this.CONSUME(NumberLiteral);
      if (!this.RECORDING_PHASE) this.set(node, 'number', this.num(n));
      this.OPTION(() => {
        const t = this.CONSUME(StringLike);
        if (!this.RECORDING_PHASE) this.set(node, 'title', this.stringOf(t));
      });
      this.OPTION2(() => {
        this.OR([
          {
            ALT: () => {
              const p = this.numberOrString();
              if (!this.RECORDING_PHASE) this.set(node, 'points', this.value(p));
              this.OPTION3(() => {
                // `14/15`, `14 av 15` and `14 of 15` are the same score.
                const sep = this.OR2([
                  { ALT: () => this.CONSUME(Slash) },
                  { ALT: () => this.CONSUME(K.Of) },
                ]);
                const m = this.CONSUME3(NumberLiteral);
                if (!this.RECORDING_PHASE) {
                  if (real(sep)) node.separator = wordNode(sep);
                  this.set(node, 'max', this.value(m));
                }
              });
            },
          },
          {
            // `/15`: not scored yet, the max already written (what a new evaluation starts with).
            ALT: () => {
              const sep = this.CONSUME2(Slash);
              const m = this.CONSUME5(NumberLiteral);
              if (!this.RECORDING_PHASE) {
                if (real(sep)) node.separator = wordNode(sep);
                this.set(node, 'max', this.value(m));
              }
            },
          },
          {
            ALT: () => {
              const kw = this.CONSUME(K.Max);
              const m = this.CONSUME4(NumberLiteral);
              if (!this.RECORDING_PHASE) {
                node.maxKeyword = kwNode(kw);
                this.set(node, 'max', this.value(m));
              }
            },
          },
        ]);
      });
    },
  );

  private readonly area = this.keywordRule<AreaStatement>('area', K.Area, 'area', (node) => {
    if (!this.RECORDING_PHASE) {
      node.header = [];
    }
    const n = this.CONSUME(NumberLiteral);
    if (!this.RECORDING_PHASE) this.set(node, 'number', this.num(n));
    this.OPTION(() => {
      const t = this.CONSUME(StringLike);
      if (!this.RECORDING_PHASE) this.set(node, 'title', this.stringOf(t));
    });
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.score) }, { ALT: () => this.SUBRULE(this.max) }]);
    });
    this.OPTION2(() => {
      this.SUBRULE(this.block);
    });
  });

  // Built once: Chevrotain would otherwise allocate the alternatives on every statement.
  private statementAlts?: IOrAlt<Statement | undefined>[];

  private readonly statement = this.RULE('statement', (): Statement | undefined =>
    this.OR(this.statementAlternatives()),
  );

  private statementAlternatives(): IOrAlt<Statement | undefined>[] {
    if (!this.statementAlts) {
      this.statementAlts = [
        { ALT: () => this.SUBRULE(this.area) },
        { ALT: () => this.SUBRULE(this.question) },
        { ALT: () => this.SUBRULE(this.score) },
        { ALT: () => this.SUBRULE(this.max) },
        { ALT: () => this.SUBRULE(this.heading) },
        { ALT: () => this.SUBRULE(this.intro) },
        { ALT: () => this.SUBRULE(this.section) },
        { ALT: () => this.SUBRULE(this.strength) },
        { ALT: () => this.SUBRULE(this.improvement) },
        { ALT: () => this.SUBRULE(this.example) },
        { ALT: () => this.SUBRULE(this.alias) },
        { ALT: () => this.SUBRULE(this.frameworkRef) },
        { ALT: () => this.SUBRULE(this.date) },
        { ALT: () => this.SUBRULE(this.evaluators) },
        { ALT: () => this.SUBRULE(this.organisation) },
        { ALT: () => this.SUBRULE(this.round) },
        { ALT: () => this.SUBRULE(this.language) },
        { ALT: () => this.SUBRULE(this.compare) },
        { ALT: () => this.SUBRULE(this.summary) },
        { ALT: () => this.SUBRULE(this.about) },
        { ALT: () => this.SUBRULE(this.facts) },
        { ALT: () => this.SUBRULE(this.total) },
        { ALT: () => this.SUBRULE(this.title) },
      ];
    }
    return this.statementAlts;
  }

  private readonly block = this.RULE(
    'block',
    () => {
      const open = this.CONSUME(LCurly);
      const block = this.RECORDING_PHASE
        ? (undefined as never)
        : this.begin<Block>({
            statements: [],
            closed: false,
            start: open.startOffset,
            end: end(open),
          });
      try {
        this.MANY(() => {
          this.SUBRULE(this.statement);
        });
        const close = this.CONSUME(RCurly);
        if (!this.RECORDING_PHASE) {
          if (real(close)) block.closed = true;
        }
      } finally {
        if (!this.RECORDING_PHASE) this.close();
      }
      return block;
    },
    this.partial(),
  );

  /** `evaluation "name" { ... }` or `framework "id" { ... }`: the start rule, one per chunk. */
  readonly topBlock = this.RULE(
    'topBlock',
    () => {
      const kw = this.OR([
        { ALT: () => this.CONSUME(K.Evaluation) },
        { ALT: () => this.CONSUME(K.Framework) },
      ]);
      const node = this.RECORDING_PHASE
        ? (undefined as never)
        : this.begin<TopBlock>({
            kind: kw.tokenType === K.Evaluation ? 'evaluation' : 'framework',
            keyword: keywordOf(kw),
            start: kw.startOffset,
            end: end(kw),
          });
      try {
        const name = this.CONSUME(StringLike);
        if (!this.RECORDING_PHASE) this.set(node, 'name', this.stringOf(name));
        this.SUBRULE(this.block);
      } finally {
        if (!this.RECORDING_PHASE) this.close();
      }
      return node;
    },
    this.partial(),
  );

  // Recovery asks for the tokens that may follow a point of the grammar; Chevrotain walks the
  // grammar for that each time. The answer depends only on where in the grammar we are.
  private readonly follows = new Map<string, TokenType[]>();

  /** Chevrotain's follow-set lookup, memoised per grammar position. */
  getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[] {
    const engine = this as unknown as GrammarPathEngine;
    const path = engine.getCurrentGrammarPath(tokType, tokIdxInRule);
    const key = `${path.ruleStack.join(',')}|${path.occurrenceStack.join(',')}|${tokType.name}|${tokIdxInRule}`;
    let follows = this.follows.get(key);
    if (!follows) {
      follows = engine.getNextPossibleTokenTypes(path);
      this.follows.set(key, follows);
    }
    return follows;
  }

  /**
   * Recovery inside a repetition first looks ahead for a token it could resync at, skips to it
   * tentatively, and rewinds when that fails: once per stray token, through everything up to the
   * resync point. A long run of stray tokens far from any such point (a text block spilled into
   * code, then no closing brace) made that quadratic: 15,000 stray words took seconds. Past
   * {@link resyncWindow} tokens the repetition gives up at once and the rule-level recovery,
   * which consumes what it skips, takes over; the errors reported stay one per run.
   */
  tryInRepetitionRecovery(
    grammarRule: (...args: unknown[]) => unknown,
    grammarRuleArgs: unknown[],
    lookAheadFunc: () => boolean,
    expectedTokType: TokenType,
  ): void {
    const follows = (this as unknown as GrammarPathEngine).flattenFollowSet();
    for (let k = 1; k <= resyncWindow; k++) {
      const next = this.LA(k);
      if (next.tokenType === EOF || follows.some((f) => tokenMatcher(next, f))) {
        chevrotainRecovery.call(this, grammarRule, grammarRuleArgs, lookAheadFunc, expectedTokType);
        return;
      }
    }
  }

  /**
   * Where rule-level recovery resyncs: the first token ahead that some rule on the stack can
   * continue with. Chevrotain tests every token ahead against every type of the whole stack's
   * follow set, and a failing rule asks again at each level it passes up: with deep nesting, a
   * long stretch without a resync point cost seconds (a 36 kB fuzz case, 6 s). Here the follow
   * set becomes a set of token type indexes once per call; the answer is Chevrotain's own (the
   * first type of the follow set in its order that the token matches).
   */
  findReSyncTokenType(): TokenType {
    const follows = (this as unknown as GrammarPathEngine).flattenFollowSet();
    const matching = new Set<number>();
    for (const f of follows) {
      matching.add(f.tokenTypeIdx!);
      if (f.isParent) for (const c of f.categoryMatches ?? []) matching.add(c);
    }
    for (let k = 1; ; k++) {
      const next = this.LA(k);
      // The end is always in the follow set (the document's own rule is followed by it).
      if (matching.has(next.tokenType.tokenTypeIdx!) || next.tokenType === EOF) {
        const found = follows.find((f) => tokenMatcher(next, f));
        if (found) return found;
        if (next.tokenType === EOF) return EOF;
      }
    }
  }

  /** Forgets nodes left open by an aborted parse. */
  clearOpenNodes(): void {
    this.open.length = 0;
    this.badNumbers.length = 0;
    this.recovered = undefined;
  }
}

/** A date node. */
export function dateNode(t: IToken): DateNode {
  return textNode(t.startOffset, t.image);
}

/** `dateNode` of the date the document `text` holds from `start` to `end`. */
export function dateNodeIn(text: string, start: number, end: number): DateNode {
  return textNode(start, shortTextIn(text, start, end));
}
