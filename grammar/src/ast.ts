/** A stretch of the source: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A keyword as written, so tools can follow the document's language (English or Swedish). One
 * object per keyword and spelling, shared by every statement that uses it: it stands at its
 * statement's `start` (see `keywordSpan`) and holds no offsets of its own.
 */
export interface Keyword {
  /** The keyword's name, e.g. `Question`. */
  name: string;
  text: string;
  swedish: boolean;
}

/** A keyword inside a statement (`to`, `as`, `max`), with where it stands. */
export interface KeywordNode extends Keyword, Span {}

/** A string or text block with its decoded value. */
export interface StringNode extends Span {
  value: string;
  /** True for `"""` text blocks. */
  block: boolean;
  /** Set when the literal is not closed. */
  unterminated?: boolean;
}

/** A number as written (`14`, `14.5`, `1.2.3`). */
export interface NumberNode extends Span {
  text: string;
  /** The numeric value; NaN for dotted question numbers like `1.2.3`. */
  value: number;
}

/** A bare word such as a language code. */
export interface WordNode extends Span {
  text: string;
}

/** A `YYYY-MM-DD` date. */
export interface DateNode extends Span {
  text: string;
}

interface StatementBase extends Span {
  /** The statement's first keyword; it starts at the statement's `start`. */
  keyword: Keyword;
}

/** `framework "id"` inside an evaluation. */
export interface FrameworkRefStatement extends StatementBase {
  kind: 'frameworkRef';
  name?: StringNode;
}
/** `date a [to b]`. */
export interface DateStatement extends StatementBase {
  kind: 'date';
  from?: DateNode;
  toKeyword?: KeywordNode;
  to?: DateNode;
}
/** `evaluators "a", "b"`. */
export interface EvaluatorsStatement extends StatementBase {
  kind: 'evaluators';
  names: StringNode[];
}
/** Statements holding one string: organisation, heading, strength, improvement, alias, title, summary, about, intro. */
export interface TextStatement extends StatementBase {
  kind:
    | 'organisation'
    | 'heading'
    | 'strength'
    | 'improvement'
    | 'alias'
    | 'title'
    | 'summary'
    | 'about'
    | 'intro';
  value?: StringNode;
}
/** `compare "path.kompass" [as "Label"]`. */
export interface CompareStatement extends StatementBase {
  kind: 'compare';
  /** The path of the evaluation compared with. */
  value?: StringNode;
  asKeyword?: KeywordNode;
  /** The label its series carries in legends, tables, hover and the CLI. */
  label?: StringNode;
}
/** Statements holding one number: round, total, score, max. */
export interface NumberStatement extends StatementBase {
  kind: 'round' | 'total' | 'score' | 'max';
  value?: NumberNode;
}
/** `language sv`. */
export interface LanguageStatement extends StatementBase {
  kind: 'language';
  code?: WordNode;
}
/** `section "heading" """text"""`. */
export interface SectionStatement extends StatementBase {
  kind: 'section';
  heading?: StringNode;
  text?: StringNode;
}
/** `example "Municipality" "what to look at"`. */
export interface ExampleStatement extends StatementBase {
  kind: 'example';
  municipality?: StringNode;
  note?: StringNode;
}
/** One `"label" value` line of a facts block. */
export interface FactEntry extends Span {
  label: StringNode;
  value?: StringNode | NumberNode | DateNode;
}
/** `facts { ... }`. */
export interface FactsStatement extends StatementBase {
  kind: 'facts';
  entries: FactEntry[];
  body?: Span;
}
/** `question 1.1 "title" 14/15` or, in a framework, `question 1.1 "title" max 15`. */
export interface QuestionStatement extends StatementBase {
  kind: 'question';
  number?: NumberNode;
  title?: StringNode;
  points?: NumberNode;
  /** The max after a slash, `av` or `of` (`14/15`, `14 av 15`, or `/15` before it is scored). */
  max?: NumberNode;
  /** The `/`, `av` or `of` between points and max. */
  separator?: WordNode;
  /** The max after the `max` keyword (frameworks). */
  maxKeyword?: KeywordNode;
}
/** `area N ["title"] [score S] [max M] [{ ... }]`. */
export interface AreaStatement extends StatementBase {
  kind: 'area';
  number?: NumberNode;
  title?: StringNode;
  /** `score` / `max` written on the header line. */
  header: NumberStatement[];
  body?: Block;
}

/** Anything that may stand in a block. Where each may stand is checked by the analyzer. */
export type Statement =
  | FrameworkRefStatement
  | DateStatement
  | EvaluatorsStatement
  | TextStatement
  | CompareStatement
  | NumberStatement
  | LanguageStatement
  | SectionStatement
  | ExampleStatement
  | FactsStatement
  | QuestionStatement
  | AreaStatement;

/** `{ statements }` with the braces' offsets. */
export interface Block extends Span {
  statements: Statement[];
  /** False when the closing brace is missing. */
  closed: boolean;
}

/** A top-level `evaluation "name" { ... }` or `framework "id" { ... }`. */
export interface TopBlock extends Span {
  kind: 'evaluation' | 'framework';
  /** It starts at the block's `start`. */
  keyword: Keyword;
  name?: StringNode;
  body?: Block;
}

/** A comment, kept for formatting. */
export interface CommentNode extends Span {
  text: string;
  block: boolean;
}

/** A whole document. */
export interface DocumentNode extends Span {
  blocks: TopBlock[];
  comments: CommentNode[];
}

/** Where the first keyword of a statement or top-level block stands. */
export function keywordSpan(node: { start: number; keyword: Keyword }): Span {
  return { start: node.start, end: node.start + node.keyword.text.length };
}
