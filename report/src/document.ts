/**
 * The report as a structure: a document of parts, each a list of blocks (headings, paragraphs,
 * key/value rows, tables with header rows, lists, figures with a text alternative, notes). It is
 * built once from the analysis (build.ts); each format only lays it out. A comparison report
 * builds the same blocks, so every format renders it too.
 */

import type { ChartData } from './chart';
import type { ContentsEntry } from './view';

/** A run of text with its styling; `link` only ever holds a safe (http, https, mailto) address. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: string;
  /** Shown in the colour of a problem's severity (the problem list's `fel`, `varning`). */
  tone?: 'error' | 'warning';
}

/** Heading levels of the report's own structure: 1 parts, 2 areas, 3 sections of an area. */
export type HeadingLevel = 1 | 2 | 3;

/** A heading; `number` is shown before the text (`3`, `Område 2`). */
export interface HeadingBlock {
  kind: 'heading';
  level: HeadingLevel;
  text: string;
  number?: string;
}

/** A paragraph of runs; `style` says what it is, for the formats that set it apart. */
export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  style?: 'kicker' | 'label' | 'title' | 'year' | 'lead' | 'total';
}

/** A text block of the evaluation (Markdown); its `#` headings start below `level`. */
export interface TextBlock {
  kind: 'text';
  source: string;
  /** The report heading level the text sits under; its `#` becomes `level + 1`. */
  level: HeadingLevel;
}

/** Label and value pairs: the title page's facts, Kortfakta. */
export interface KeyValueBlock {
  kind: 'keyValue';
  rows: { key: string; value: string }[];
  role?: 'meta' | 'facts';
}

/** A cell of a table. */
export interface Cell {
  text: string;
  /** A value the document lacks, shown as such. */
  missing?: boolean;
  /** A number: aligned right. */
  numeric?: boolean;
  /** Spans this many columns. */
  span?: number;
}

/** A row of a table; `key` identifies it (area number, question id) for the formats that mark rows. */
export interface Row {
  cells: Cell[];
  key?: string;
  missing?: boolean;
}

/** A table: one header row that repeats on every page, body rows, and an optional total row. */
export interface TableBlock {
  kind: 'table';
  /** What the table holds, in words: the caption, also its accessible name. */
  caption: string;
  /** Whether the caption is shown (a table under its own heading keeps it for assistive tech only). */
  showCaption: boolean;
  head: Cell[];
  rows: Row[];
  foot?: Row;
  role: 'areas' | 'questions' | 'figure-data' | 'problems' | 'comparison';
}

/** A bulleted list; `role` tells strengths from improvements from examples. */
export interface ListBlock {
  kind: 'list';
  items: Run[][];
  role: 'headings' | 'strengths' | 'improvements' | 'examples' | 'problems' | 'plain';
  /** A heading-like label the list sits under, kept with it (Styrkor, Förbättringsmöjligheter). */
  label?: string;
  /** Per item, the 1-based source line it comes from, for formats that link back to the source. */
  lines?: (number | undefined)[];
}

/** A chart with a text alternative that states its numbers, and the numbers as a table. */
export interface FigureBlock {
  kind: 'figure';
  /** `trend`: one line per axis (area) across the series (rounds), as a percent of the axis's max. */
  chart: 'radar' | 'bars' | 'trend';
  data: ChartData;
  caption: string;
  alt: string;
  table: TableBlock;
}

/** A short note set apart: a missing area, comparisons that could not load, an empty document. */
export interface NoteBlock {
  kind: 'note';
  text: string;
  tone: 'info' | 'missing' | 'error';
}

/** The table of contents; each format fills in page numbers where it has pages. */
export interface ContentsBlock {
  kind: 'contents';
  entries: ContentsEntry[];
}

/** Blocks shown side by side where there is room (strengths beside improvements). */
export interface ColumnsBlock {
  kind: 'columns';
  columns: Block[][];
}

/** The score box of an area: its topics and its score. */
export interface ScoreBlock {
  kind: 'score';
  label: string;
  /** `58` or the missing word. */
  score: string;
  /** `/100 · 58 %` or `Max 100`. */
  of: string;
  missing: boolean;
  topics: string[];
  topicsLabel: string;
}

/** Anything a part holds. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | TextBlock
  | KeyValueBlock
  | TableBlock
  | ListBlock
  | FigureBlock
  | NoteBlock
  | ContentsBlock
  | ColumnsBlock
  | ScoreBlock;

/** A part of the report: a page or section that starts a new page in print. */
export interface Part {
  /** Stable within an evaluation: `title`, `summary`, `area-3`, `overview`; `problems` for the document's problems. */
  id: string;
  /** The evaluation it belongs to, counted from 1; 0 for parts of the document as a whole. */
  evaluation: number;
  /** Where it appears in bookmarks and the navigation pane, when it does. */
  bookmark?: { title: string; level: 1 | 2 };
  /** Starts on a new page in paged formats. */
  newPage: boolean;
  /** BCP 47 language of the part when it is an evaluation's (each evaluation may have its own). */
  lang?: string;
  blocks: Block[];
}

/** The whole report. */
export interface ReportDocument {
  /** BCP 47 language of the report's text: `sv-SE`, `en`, `nb-NO`. */
  lang: string;
  /** The title shown in a window's title bar and the document's properties. */
  title: string;
  /** The evaluators, for the document's author. */
  author?: string;
  subject?: string;
  /** Running header text for paged formats. */
  header: string;
  /** `Sida`, `Page`: for page numbers. */
  pageLabel: string;
  /** `av`, `of`: between a page number and the page count (`Sida 3 av 26`). */
  pageOf?: string;
  /** The date the report was made, when given. */
  generatedAt?: Date;
  parts: Part[];
}
