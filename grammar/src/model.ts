import type {
  AreaStatement,
  CompareStatement,
  QuestionStatement,
  Span,
  StringNode,
  TopBlock,
} from './ast';
import type { Diagnostic } from './diagnostics';
import type { FileProblem } from './fileAccess';
import type { MessageLanguage } from './language';
import type { ParseResult } from './parse';

/** A question as a framework defines it. */
export interface FrameworkQuestion {
  /** Dotted number, e.g. `1.2`. */
  id: string;
  area: number;
  title: string;
  max: number;
  /** Where it is defined: the number in the framework's source. */
  span?: Span;
}

/** An area as a framework defines it. */
export interface FrameworkArea {
  number: number;
  title: string;
  aliases: string[];
  headings: string[];
  max: number;
  questions: FrameworkQuestion[];
  span?: Span;
}

/** A framework: its areas, questions and maxes. */
export interface Framework {
  id: string;
  title: string;
  language: string;
  areas: FrameworkArea[];
  /** Sum of the area maxes (800 for Kommunkompassen). */
  max: number;
  /** The document defining it; `kompass-builtin:` URIs for the shipped ones. */
  uri: string;
  builtin: boolean;
  /** The framework's name in its source. */
  span?: Span;
  areaByNumber: ReadonlyMap<number, FrameworkArea>;
  questionById: ReadonlyMap<string, FrameworkQuestion>;
}

/** A question of an evaluation with its resolved title and max. */
export interface QuestionResult {
  id: string;
  title: string;
  points?: number;
  max?: number;
  percent?: number;
  node: QuestionStatement;
  definition?: FrameworkQuestion;
}

/** A narrative section under a heading. */
export interface Section {
  heading: string;
  text: string;
}

/** A municipality named as a good example. */
export interface GoodExample {
  municipality: string;
  note?: string;
}

/** An area of an evaluation with its score worked out. */
export interface AreaResult {
  number: number;
  title: string;
  /** The score that counts: the questions' sum, else the stated score; undefined when neither exists. */
  score?: number;
  /** The stated `score`, if any. */
  statedScore?: number;
  /** The sum of the questions, when the area has questions. */
  computedScore?: number;
  max: number;
  percent?: number;
  questions: QuestionResult[];
  /** Framework questions the area lacks (empty for summary-only areas). */
  missingQuestions: FrameworkQuestion[];
  headings: string[];
  intro?: string;
  sections: Section[];
  strengths: string[];
  improvements: string[];
  examples: GoodExample[];
  node: AreaStatement;
  definition?: FrameworkArea;
}

/** A `compare` target and what became of it. */
export interface Comparison {
  path: string;
  node: CompareStatement;
  /**
   * What the comparison is called in legends, table columns, hover and the CLI: the label given
   * with `as`, else the target's name, with its year or round when that name is the evaluation's own.
   */
  label?: string;
  /** The resolved URI of the target. */
  uri?: string;
  /** The target evaluation, when it could be read and fits. */
  target?: EvaluationResult;
  problem?:
    | 'missing'
    | 'unreadable'
    | 'notEvaluation'
    | 'otherFramework'
    | 'cycle'
    | 'self'
    | 'outside'
    /** Still being read by an asynchronous host; no diagnostic yet. */
    | 'pending';
  /** Why an `unreadable` target could not be read. */
  readProblem?: { error: FileProblem; detail?: string };
  /** For a `cycle`: the URIs of the chain, this document first and last. */
  cycle?: string[];
}

/** A fact of the facts box. */
export interface Fact {
  label: string;
  value: string | number;
}

/** An evaluation with everything worked out: the model the server, report and CLI read. */
export interface EvaluationResult {
  name: string;
  /** The name its own series carries beside comparisons: the name, with the year or round when a comparison has the same name. */
  label: string;
  uri: string;
  frameworkId?: string;
  framework?: Framework;
  /** The `language` as written (default `sv`). */
  language: string;
  dateFrom?: string;
  dateTo?: string;
  evaluators: string[];
  organisation?: string;
  round?: number;
  summary?: string;
  /** The evaluation's own about text (`about """…"""`), told instead of the framework's. */
  about?: string;
  facts: Fact[];
  comparisons: Comparison[];
  /** The areas in number order. */
  areas: AreaResult[];
  missingAreas: FrameworkArea[];
  /** Sum of the area scores. */
  total: number;
  statedTotal?: number;
  /** Sum of the framework's area maxes, or of the areas present without a framework. */
  max: number;
  percent: number;
  /** True when no area has questions: an evaluation published as area totals. */
  summaryOnly: boolean;
  node: TopBlock;
  nameNode?: StringNode;
}

/** Everything known about one document. */
export interface Analysis {
  uri: string;
  version: number;
  parse: ParseResult;
  /** The language diagnostics are worded in. */
  messageLanguage: MessageLanguage;
  evaluations: EvaluationResult[];
  frameworks: Framework[];
  diagnostics: Diagnostic[];
  /**
   * How many diagnostics of each severity the cap left out (`maxDiagnostics`); the last
   * diagnostic, a KK050, then stands for them. Undefined when none were left out.
   */
  omitted?: SeverityCounts;
}

/** Diagnostics counted by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  information: number;
}
