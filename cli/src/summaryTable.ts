/** `kompass summary` over several files: one table of every evaluation, as text, CSV or JSON. */

import {
  type CompareModel,
  type CompareRow,
  formatDelta,
  formatNumber,
  type MessageLanguage,
} from '../../grammar/src/index';
import { csvField } from '../../report/src/escape';

const labels = {
  sv: {
    name: 'Namn',
    date: 'Datum',
    framework: 'Ramverk',
    round: 'Omg.',
    total: 'Totalt',
    max: 'Max',
    percent: '%',
    change: 'Förändr.',
    average: (n: number) => `Medel av ${n}`,
    none: 'inget ramverk',
    notes: 'Obs!',
  },
  en: {
    name: 'Name',
    date: 'Date',
    framework: 'Framework',
    round: 'Round',
    total: 'Total',
    max: 'Max',
    percent: '%',
    change: 'Change',
    average: (n: number) => `Average of ${n}`,
    none: 'no framework',
    notes: 'Note:',
  },
};

function areaScores(row: { areas: { number: number; score?: number }[] }, count: number) {
  const byNumber = new Map(row.areas.map((a) => [a.number, a.score]));
  return Array.from({ length: count }, (_, i) => byNumber.get(i + 1));
}

/** The column count of the area columns: at least eight, more for bigger frameworks. */
function areaColumns(model: CompareModel): number {
  return Math.max(8, model.areaCount);
}

/**
 * The comparison as a plain-text table: a row per evaluation sorted by name then date, with the
 * change since the previous round, then the set's average per framework and any notes.
 */
export function formatSummaryTable(model: CompareModel, lang: MessageLanguage): string {
  const L = labels[lang];
  const n = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, lang));
  const areas = areaColumns(model);
  const header = [
    L.name,
    L.date,
    L.framework,
    L.round,
    L.total,
    L.max,
    L.percent,
    L.change,
    ...Array.from({ length: areas }, (_, i) => String(i + 1)),
  ];
  const rows: string[][] = [header];
  const fw = (r: { frameworkTitle: string; framework: string }) =>
    r.frameworkTitle || r.framework || L.none;
  for (const r of model.rows) {
    rows.push([
      r.name,
      r.date ?? '',
      fw(r),
      n(r.round),
      n(r.total),
      n(r.max),
      `${r.percent}`,
      r.delta ? formatDelta(r.delta.total, lang) : '',
      ...areaScores(r, areas).map(n),
    ]);
  }
  for (const a of model.averages) {
    rows.push([
      L.average(a.count),
      '',
      fw(a),
      '',
      n(a.total),
      n(a.max),
      `${a.percent}`,
      '',
      ...areaScores(a, areas).map(n),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // Text columns are left-aligned, numbers right-aligned.
  const line = (r: string[]) =>
    r
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = rows.slice(0, model.rows.length + 1).map(line);
  if (model.averages.length > 0) {
    out.push('');
    for (const r of rows.slice(model.rows.length + 1)) out.push(line(r));
  }
  for (const note of model.notes) out.push('', `${L.notes} ${note.message}`);
  return `${out.join('\n')}\n`;
}

/**
 * The comparison as CSV, exactly `name,date,framework,round,total,max,area1,…,area8` (and area9…
 * when a framework has more areas): one row per evaluation, empty fields where unknown.
 */
export function formatSummaryCsv(model: CompareModel): string {
  const areas = areaColumns(model);
  const header = [
    'name',
    'date',
    'framework',
    'round',
    'total',
    'max',
    ...Array.from({ length: areas }, (_, i) => `area${i + 1}`),
  ];
  const lines = [header.join(',')];
  for (const r of model.rows) {
    const cells = [r.name, r.date, r.framework || undefined, r.round, r.total, r.max];
    lines.push([...cells, ...areaScores(r, areas)].map((c) => csvField(c, ',')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function rowJson(r: CompareRow, source: string | undefined) {
  return {
    name: r.name,
    municipality: r.key.startsWith('\u0000') ? null : r.key,
    file: source ?? r.uri,
    date: r.date ?? null,
    framework: r.framework || null,
    frameworkTitle: r.frameworkTitle || null,
    round: r.round ?? null,
    total: r.total,
    max: r.max,
    percent: r.percent,
    areas: r.areas.map((a) => ({
      number: a.number,
      title: a.title,
      score: a.score ?? null,
      max: a.max,
      percent: a.percent ?? null,
      change: a.delta ?? null,
    })),
    previous: r.previous ?? null,
    change: r.delta
      ? { total: r.delta.total, percent: r.delta.percent, questions: r.delta.questions }
      : null,
    notComparableWith: r.notComparable?.previousFramework ?? null,
  };
}

/**
 * The comparison as JSON: the rows of the table (with their changes since the previous round and
 * question-level changes), the municipalities with their rounds, the averages and the notes.
 * `sources` names each row's file as the user gave it, by the row's input index.
 */
export function formatSummaryJson(model: CompareModel, sources: readonly string[] = []): string {
  return `${JSON.stringify(
    {
      rows: model.rows.map((r) => rowJson(r, sources[r.index])),
      groups: model.groups.map((g) => ({ municipality: g.key, name: g.name, rows: g.rows })),
      averages: model.averages.map((a) => ({
        framework: a.framework || null,
        frameworkTitle: a.frameworkTitle || null,
        count: a.count,
        total: a.total,
        max: a.max,
        percent: a.percent,
        areas: a.areas.map((x) => ({
          number: x.number,
          title: x.title,
          score: x.score ?? null,
          max: x.max,
          percent: x.percent ?? null,
          count: x.count,
        })),
      })),
      notes: model.notes.map((x) => ({
        kind: x.kind,
        frameworks: x.frameworks,
        municipality: x.municipality ?? null,
        message: x.message,
      })),
    },
    null,
    2,
  )}\n`;
}
