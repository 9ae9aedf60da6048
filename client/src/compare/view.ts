/** Turns the core's comparison model into the plain data the comparison webview draws. */

import {
  type CompareModel,
  type CompareRow,
  formatDelta,
  formatNumber,
  type MessageLanguage,
} from '../../../grammar/src/index';
import type {
  Cell,
  CompareLabels,
  CompareView,
  ViewFramework,
  ViewGroup,
  ViewRow,
} from './messages';

const cell = (n: number | undefined, lang: MessageLanguage): Cell =>
  n === undefined ? { text: '' } : { value: n, text: formatNumber(n, lang) };
const changeCell = (n: number | undefined, lang: MessageLanguage): Cell =>
  n === undefined ? { text: '' } : { value: n, text: formatDelta(n, lang) };

function byNumber<T extends { number: number }>(
  items: readonly T[],
  count: number,
): (T | undefined)[] {
  const map = new Map(items.map((a) => [a.number, a]));
  return Array.from({ length: count }, (_, i) => map.get(i + 1));
}

/**
 * The view of a comparison. `model.rows[i].index` is the evaluation's place in the panel's list of
 * sources; the webview names rows by it when asking to open one.
 */
export function compareView(
  model: CompareModel,
  lang: MessageLanguage,
  labels: CompareLabels,
  problems: string[] = [],
): CompareView {
  const frameworkIndex = new Map<string, number>();
  const frameworks: ViewFramework[] = model.averages.map((a, i) => {
    frameworkIndex.set(a.framework, i);
    return {
      title: a.frameworkTitle || a.framework || '—',
      areas: a.areas.map((x) => ({ number: x.number, title: x.title, max: x.max })),
      average: {
        count: a.count,
        total: cell(a.total, lang),
        percent: cell(a.percent, lang),
        areas: byNumber(a.areas, model.areaCount).map((x) => ({
          score: cell(x?.score, lang),
          ...(x?.percent !== undefined ? { percent: x.percent } : {}),
        })),
      },
    };
  });
  const groupOf = new Map<number, number>();
  model.groups.forEach((g, gi) => {
    for (const r of g.rows) groupOf.set(r, gi);
  });
  const rows: ViewRow[] = model.rows.map((r, i) =>
    viewRow(r, groupOf.get(i) ?? 0, frameworkIndex, model, lang),
  );
  const groups: ViewGroup[] = model.groups.map((g) => {
    const group: ViewGroup = { name: g.name, rows: g.rows };
    const first = model.rows[g.rows[0]!]!;
    // A trend needs two rounds of one framework; the areas of the first round name the lines.
    const same = g.rows.filter((i) => model.rows[i]!.framework === first.framework);
    if (same.length >= 2) {
      group.trend = {
        rounds: same.map((i) => {
          const r = model.rows[i]!;
          return r.date ?? (r.round !== undefined ? `${labels.round} ${r.round}` : r.name);
        }),
        lines: first.areas.map((a) => ({
          label: `${a.number}. ${a.title}`,
          values: same.map((i) => model.rows[i]!.areas.find((x) => x.number === a.number)?.percent),
        })),
      };
    }
    return group;
  });
  return {
    rows,
    groups,
    frameworks,
    notes: model.notes.map((n) => n.message),
    areaCount: model.areaCount,
    problems,
    labels,
  };
}

function viewRow(
  r: CompareRow,
  group: number,
  frameworkIndex: Map<string, number>,
  model: CompareModel,
  lang: MessageLanguage,
): ViewRow {
  const row: ViewRow = {
    source: r.index,
    name: r.name,
    group,
    date: r.date ?? '',
    framework: r.frameworkTitle || r.framework,
    frameworkIndex: frameworkIndex.get(r.framework) ?? 0,
    round: cell(r.round, lang),
    total: cell(r.total, lang),
    percent: cell(r.percent, lang),
    change: changeCell(r.delta?.total, lang),
    areas: byNumber(r.areas, model.areaCount).map((a) => ({
      score: cell(a?.score, lang),
      change: changeCell(a?.delta, lang),
      ...(a?.percent !== undefined ? { percent: a.percent } : {}),
    })),
  };
  if (r.notComparable) {
    const note = model.notes.find((n) => n.kind === 'rounds' && n.municipality === r.name);
    if (note) row.notComparable = note.message;
  }
  return row;
}
