/** What the comparison panel and its webview say to each other. Plain data, no markup. */

/** A number as shown (formatted in the extension host) and as sorted. */
export interface Cell {
  value?: number;
  text: string;
}

/** One evaluation as a row of the table. */
export interface ViewRow {
  /** Index into the panel's own list of sources: what the webview asks to open. */
  source: number;
  name: string;
  group: number;
  date: string;
  framework: string;
  /** Index into `frameworks`. */
  frameworkIndex: number;
  round: Cell;
  total: Cell;
  percent: Cell;
  /** Change of the total since the previous round; empty for a first round. */
  change: Cell;
  /** Score and change per area number 1…areaCount. */
  areas: { score: Cell; change: Cell; percent?: number }[];
  /** Why no change is shown, when the previous round used another framework. */
  notComparable?: string;
}

/** A framework of the set with its areas, for the radar's axes and the average rows. */
export interface ViewFramework {
  title: string;
  areas: { number: number; title: string; max: number }[];
  /** The set's average for this framework. */
  average: {
    count: number;
    total: Cell;
    percent: Cell;
    areas: { score: Cell; percent?: number }[];
  };
}

/** A municipality and its rounds, with the trend chart's data. */
export interface ViewGroup {
  name: string;
  rows: number[];
  /** Per area: percent per round, for the trend lines (only for groups with two rounds or more). */
  trend?: { rounds: string[]; lines: { label: string; values: (number | undefined)[] }[] };
}

/** Everything the webview shows. */
export interface CompareView {
  rows: ViewRow[];
  groups: ViewGroup[];
  frameworks: ViewFramework[];
  notes: string[];
  areaCount: number;
  /** Files that could not be read, with why. */
  problems: string[];
  labels: CompareLabels;
}

/** The words of the view, translated in the extension host. */
export interface CompareLabels {
  title: string;
  name: string;
  date: string;
  framework: string;
  round: string;
  total: string;
  percent: string;
  change: string;
  area: string;
  average: string;
  trends: string;
  radar: string;
  radarHint: string;
  radarOtherFramework: string;
  select: string;
  open: string;
  averages: string;
  emptyTitle: string;
  emptyText: string;
  emptyButton: string;
  sortHint: string;
  notes: string;
}

/** Extension → webview. */
export type ToCompareWebview = { type: 'update'; seq: number; view: CompareView };

/** Webview → extension. */
export type FromCompareWebview =
  | { type: 'open'; source: number }
  | { type: 'newEvaluation' }
  | { type: 'ready'; seq: number }
  /** The webview drew render `seq` in `ms`; `changes` are the change cells' texts, for tests. */
  | { type: 'rendered'; seq: number; ms: number; changes: string[]; radar: string[] };
