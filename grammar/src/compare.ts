/**
 * The comparison model: a set of evaluations grouped by municipality, each group in date order,
 * with change since the previous round, question-level deltas, the set's average per framework,
 * and notes where evaluations of different frameworks meet. Plain data, no file system: the CLI,
 * the export and the editor's comparison view all read this.
 */

import { isValidDate } from './checks/metadata';
import { municipalityKey } from './compareName';
import { compareIds } from './evaluation';
import type { MessageLanguage } from './language';
import { messages } from './messages';
import type { EvaluationResult } from './model';
import { percent, sum } from './percent';

/** One area of one evaluation in a comparison. */
export interface CompareArea {
  number: number;
  title: string;
  /** Undefined when the evaluation does not give the area a score. */
  score?: number;
  max: number;
  percent?: number;
  /** Change of the score since the previous round, when both rounds scored the area. */
  delta?: number;
}

/** Change of one question's points since the previous round. */
export interface QuestionDelta {
  id: string;
  title: string;
  area: number;
  previous: number;
  current: number;
  delta: number;
}

/** One evaluation as a row of the comparison. */
export interface CompareRow {
  /** Place of the evaluation in the input, so a caller can find its source again. */
  index: number;
  uri: string;
  name: string;
  /** The normalised municipality name the row is grouped by. */
  key: string;
  /** The first date, YYYY-MM-DD, when the evaluation gives a valid one. */
  date?: string;
  /** The framework id, '' when the evaluation names none. */
  framework: string;
  frameworkTitle: string;
  round?: number;
  total: number;
  max: number;
  percent: number;
  /** Every area of the framework (or the areas present, without one), in number order. */
  areas: CompareArea[];
  /** The previous round of the same municipality, as an index into `rows`. */
  previous?: number;
  /** Change since the previous round; undefined for a first round or across frameworks. */
  delta?: { total: number; percent: number; questions: QuestionDelta[] };
  /** Set when the previous round used another framework, so no change is computed. */
  notComparable?: { previousFramework: string };
}

/** The rounds of one municipality. */
export interface CompareGroup {
  key: string;
  /** The name as the latest round writes it. */
  name: string;
  /** Indexes into `rows`, in date order. */
  rows: number[];
}

/** The set's average for one framework. */
export interface CompareAverage {
  framework: string;
  frameworkTitle: string;
  /** How many evaluations of this framework the average is over. */
  count: number;
  /** Mean total, to one decimal. */
  total: number;
  max: number;
  percent: number;
  /** Mean score per area over the evaluations that score it, to one decimal. */
  areas: (CompareArea & { count: number })[];
}

/** A note the views show beside the figures. */
export interface CompareNote {
  kind: 'frameworks' | 'rounds';
  /** The frameworks that meet, as ids. */
  frameworks: string[];
  /** For `rounds`: the municipality whose rounds change framework. */
  municipality?: string;
  message: string;
}

/** The whole comparison. */
export interface CompareModel {
  /** Every evaluation, sorted by municipality name, then date. */
  rows: CompareRow[];
  /** Municipalities in name order. */
  groups: CompareGroup[];
  /** One average per framework, in the order the frameworks first appear in `rows`. */
  averages: CompareAverage[];
  notes: CompareNote[];
  /** The highest area number of any row: the CSV and tables have this many area columns. */
  areaCount: number;
}

// Made on first use: building a collator loads locale data, a visible share of every start-up.
let collator: Intl.Collator | undefined;
const swedishOrder = () =>
  (collator ??= new Intl.Collator('sv', { sensitivity: 'base', numeric: true }));
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function rowOf(ev: EvaluationResult, index: number): CompareRow {
  const areas: CompareArea[] = ev.areas.map((a) => ({
    number: a.number,
    title: a.title,
    max: a.max,
    ...(a.score !== undefined ? { score: a.score } : {}),
    ...(a.percent !== undefined ? { percent: a.percent } : {}),
  }));
  for (const m of ev.missingAreas) areas.push({ number: m.number, title: m.title, max: m.max });
  areas.sort((a, b) => a.number - b.number);
  const row: CompareRow = {
    index,
    uri: ev.uri,
    name: ev.name,
    key: municipalityKey(ev.name) || `\u0000${ev.uri}`,
    framework: ev.frameworkId ?? '',
    frameworkTitle: ev.framework?.title ?? ev.frameworkId ?? '',
    total: ev.total,
    max: ev.max,
    percent: ev.percent,
    areas,
  };
  if (ev.dateFrom && isValidDate(ev.dateFrom)) row.date = ev.dateFrom;
  if (ev.round !== undefined && Number.isFinite(ev.round)) row.round = ev.round;
  return row;
}

/** Date order within a municipality: dated rounds first, then by round number, then by source. */
function byDate(a: CompareRow, b: CompareRow): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.round !== b.round) {
    if (a.round === undefined) return 1;
    if (b.round === undefined) return -1;
    return a.round - b.round;
  }
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.index - b.index;
}

function questionDeltas(prev: EvaluationResult, cur: EvaluationResult): QuestionDelta[] {
  const before = new Map<string, number>();
  for (const a of prev.areas)
    for (const q of a.questions) if (q.points !== undefined) before.set(q.id, q.points);
  const out: QuestionDelta[] = [];
  for (const a of cur.areas) {
    for (const q of a.questions) {
      const p = before.get(q.id);
      if (p === undefined || q.points === undefined) continue;
      out.push({
        id: q.id,
        title: q.title,
        area: a.number,
        previous: p,
        current: q.points,
        delta: sum([q.points, -p]),
      });
    }
  }
  return out.sort((x, y) => compareIds(x.id, y.id));
}

function applyDelta(
  row: CompareRow,
  prev: CompareRow,
  evs: readonly EvaluationResult[],
  lang: MessageLanguage,
  notes: CompareNote[],
): void {
  if (row.framework !== prev.framework) {
    row.notComparable = { previousFramework: prev.framework };
    const frameworks = [prev.frameworkTitle || prev.framework, row.frameworkTitle || row.framework];
    notes.push({
      kind: 'rounds',
      frameworks: [prev.framework, row.framework],
      municipality: row.name,
      message: messages.roundsNotComparable(lang, row.name, frameworks),
    });
    return;
  }
  const before = new Map(prev.areas.map((a) => [a.number, a.score]));
  for (const a of row.areas) {
    const p = before.get(a.number);
    if (p !== undefined && a.score !== undefined) a.delta = sum([a.score, -p]);
  }
  row.delta = {
    total: sum([row.total, -prev.total]),
    percent: row.percent - prev.percent,
    questions: questionDeltas(evs[prev.index]!, evs[row.index]!),
  };
}

function averageOf(rows: readonly CompareRow[]): CompareAverage {
  const first = rows[0]!;
  const areas = new Map<number, { title: string; max: number; total: number; count: number }>();
  for (const r of rows) {
    for (const a of r.areas) {
      const acc = areas.get(a.number) ?? { title: a.title, max: a.max, total: 0, count: 0 };
      if (a.score !== undefined) {
        acc.total += a.score;
        acc.count++;
      }
      areas.set(a.number, acc);
    }
  }
  const total = oneDecimal(sum(rows.map((r) => r.total)) / rows.length);
  const max = Math.max(...rows.map((r) => r.max));
  return {
    framework: first.framework,
    frameworkTitle: first.frameworkTitle,
    count: rows.length,
    total,
    max,
    percent: percent(total, max),
    areas: [...areas.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([number, acc]) => {
        const area: CompareArea & { count: number } = {
          number,
          title: acc.title,
          max: acc.max,
          count: acc.count,
        };
        if (acc.count > 0) {
          area.score = oneDecimal(acc.total / acc.count);
          area.percent = percent(area.score, acc.max);
        }
        return area;
      }),
  };
}

/**
 * Compares a set of evaluations: groups them by municipality (name normalised), orders each group
 * by date, and works out change since the previous round and the set's average per framework.
 * Evaluations of different frameworks are never averaged or subtracted together; a note says so.
 * `lang` is the language of the notes.
 */
export function compareEvaluations(
  evaluations: readonly EvaluationResult[],
  lang: MessageLanguage = 'sv',
): CompareModel {
  const unsorted = evaluations.map(rowOf);
  const byKey = new Map<string, CompareRow[]>();
  for (const r of unsorted) {
    const g = byKey.get(r.key);
    if (g) g.push(r);
    else byKey.set(r.key, [r]);
  }
  const groupsInOrder = [...byKey.values()].map((g) => g.sort(byDate));
  const display = (g: CompareRow[]) => g[g.length - 1]!.name || g[0]!.uri;
  groupsInOrder.sort(
    (a, b) => swedishOrder().compare(display(a), display(b)) || (a[0]!.key < b[0]!.key ? -1 : 1),
  );

  const rows: CompareRow[] = [];
  const groups: CompareGroup[] = [];
  const notes: CompareNote[] = [];
  for (const g of groupsInOrder) {
    const indexes: number[] = [];
    g.forEach((r, i) => {
      if (i > 0) {
        r.previous = rows.length - 1;
        applyDelta(r, g[i - 1]!, evaluations, lang, notes);
      }
      indexes.push(rows.length);
      rows.push(r);
    });
    groups.push({ key: g[0]!.key, name: display(g), rows: indexes });
  }

  const byFramework = new Map<string, CompareRow[]>();
  for (const r of rows) {
    const list = byFramework.get(r.framework);
    if (list) list.push(r);
    else byFramework.set(r.framework, [r]);
  }
  const averages = [...byFramework.values()].map(averageOf);
  if (averages.length > 1) {
    notes.unshift({
      kind: 'frameworks',
      frameworks: averages.map((a) => a.framework),
      message: messages.frameworksNotComparable(
        lang,
        averages.map((a) => a.frameworkTitle || a.framework || messages.noFrameworkLabel(lang)),
      ),
    });
  }
  const areaCount = Math.max(0, ...rows.flatMap((r) => r.areas.map((a) => a.number)));
  return { rows, groups, averages, notes, areaCount };
}
