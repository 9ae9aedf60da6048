/**
 * The comparison report: the set's table, a trend chart per municipality across its rounds, the
 * ranking of the set per area and the average profile per framework, built as the report's own
 * structure (document.ts) so each format's layout renders it like an evaluation's report.
 */

import {
  type CompareModel,
  type CompareRow,
  formatDelta,
  formatNumber,
  formatPercent,
  percent,
} from '../../grammar/src/index';
import { figure, figureTable, languageTags, numCell } from './build';
import { type ChartAxis, type ChartData, seriesColors } from './chart';
import type { Block, FigureBlock, Part, ReportDocument, Row, TableBlock } from './document';
import { labelsFor } from './labels';

const words = {
  sv: {
    title: (n: number, m: number) =>
      `Jämförelse av ${n} utvärdering${n === 1 ? '' : 'ar'}, ${m} kommun${m === 1 ? '' : 'er'}`,
    set: 'Utvärderingarna',
    name: 'Namn',
    change: 'Förändring',
    trends: 'Utveckling per område mellan omgångarna',
    trendOf: (name: string) => `${name}: procent av max per område och omgång`,
    ranking: 'Rangordning per område',
    rankingIntro: 'Varje kommuns senaste omgång enligt ramverket, högst poäng först.',
    rank: 'Plats',
    averages: 'Medelprofil',
    averageOf: (fw: string, n: number) => `Medel av ${n} utvärderingar enligt ${fw}`,
    average: 'Medel',
    notes: 'Obs!',
  },
  en: {
    title: (n: number, m: number) =>
      `Comparison of ${n} ${n === 1 ? 'evaluation' : 'evaluations'}, ${m} ${m === 1 ? 'municipality' : 'municipalities'}`,
    set: 'The evaluations',
    name: 'Name',
    change: 'Change',
    trends: 'Trend per area across rounds',
    trendOf: (name: string) => `${name}: percent of max per area and round`,
    ranking: 'Ranking per area',
    rankingIntro: "Each municipality's latest round under the framework, highest score first.",
    rank: 'Rank',
    averages: 'Average profile',
    averageOf: (fw: string, n: number) => `Average of ${n} evaluations under ${fw}`,
    average: 'Average',
    notes: 'Note:',
  },
};

/**
 * A municipality's trend: one line per area across its rounds, as a percent of the area's max;
 * the alternative text states every percent, and the table holds the same numbers.
 */
export function trendFigure(
  caption: string,
  axes: ChartAxis[],
  rounds: { name: string; scores: (number | undefined)[] }[],
  lang: 'sv' | 'en',
): FigureBlock {
  const labels = labelsFor(lang);
  const data: ChartData = {
    axes,
    series: rounds.map((r, i) => ({
      name: r.name,
      own: true,
      scores: r.scores,
      color: seriesColors[i % seriesColors.length]!,
    })),
  };
  const value = (score: number | undefined, max: number) =>
    score === undefined ? labels.missing : formatPercent(percent(score, max), lang);
  const name = (a: ChartAxis) => `${a.number}. ${a.title}`;
  const alt = `${caption}. ${axes
    .map(
      (a, i) =>
        `${name(a)}: ${data.series.map((s) => `${s.name} ${value(s.scores[i], a.max)}`).join(', ')}`,
    )
    .join('; ')}.`;
  return {
    kind: 'figure',
    chart: 'trend',
    data,
    caption,
    alt,
    table: figureTable(caption, labels.area, data, value),
  };
}

/** The comparison of a set as a report every layout can render; `lang` is `sv` or `en`. */
export function buildComparisonReport(model: CompareModel, lang: 'sv' | 'en'): ReportDocument {
  const labels = labelsFor(lang);
  const W = words[lang];
  const n = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, lang));
  const title = W.title(model.rows.length, model.groups.length);
  const areaNumbers = Array.from({ length: Math.max(8, model.areaCount) }, (_, i) => i + 1);
  const fw = (r: { frameworkTitle: string; framework: string }) => r.frameworkTitle || r.framework;

  const setTable: TableBlock = {
    kind: 'table',
    role: 'comparison',
    caption: W.set,
    showCaption: false,
    head: [
      { text: W.name },
      { text: labels.date },
      { text: labels.framework },
      numCell(labels.round),
      numCell(labels.total),
      numCell(labels.percent),
      numCell(W.change),
      ...areaNumbers.map((a) => numCell(String(a))),
    ],
    rows: model.rows.map((r): Row => {
      const byNumber = new Map(r.areas.map((a) => [a.number, a]));
      return {
        key: String(r.index),
        cells: [
          { text: r.name },
          { text: r.date ?? '' },
          { text: fw(r) },
          numCell(n(r.round)),
          numCell(n(r.total)),
          numCell(formatPercent(r.percent, lang)),
          numCell(r.delta ? formatDelta(r.delta.total, lang) : ''),
          ...areaNumbers.map((a) => {
            const x = byNumber.get(a);
            const d = x?.delta === undefined ? '' : ` (${formatDelta(x.delta, lang)})`;
            return numCell(x?.score === undefined ? '' : `${n(x.score)}${d}`);
          }),
        ],
      };
    }),
  };
  const first: Block[] = [
    // The report's title, as an evaluation's name is: the HTML's one h1, Markdown's #, Word's Title.
    { kind: 'paragraph', style: 'title', runs: [{ text: title }] },
    ...model.notes.map(
      (note): Block => ({ kind: 'note', tone: 'info', text: `${W.notes} ${note.message}` }),
    ),
    setTable,
  ];
  const parts: Part[] = [
    {
      id: 'comparison',
      evaluation: 0,
      newPage: false,
      bookmark: { title, level: 1 },
      blocks: first,
    },
  ];

  const trendBlocks: Block[] = [];
  for (const g of model.groups) {
    const rows = g.rows.map((i) => model.rows[i]!);
    const same = rows.filter((r) => r.framework === rows[0]!.framework);
    if (same.length < 2) continue;
    trendBlocks.push({ kind: 'heading', level: 2, text: g.name });
    trendBlocks.push(
      trendFigure(
        W.trendOf(g.name),
        same[0]!.areas.map((a) => ({ number: a.number, title: a.title, max: a.max })),
        same.map((r) => ({
          name: r.date ?? `${labels.round} ${n(r.round)}`,
          scores: same[0]!.areas.map((a) => r.areas.find((x) => x.number === a.number)?.score),
        })),
        lang,
      ),
    );
  }
  if (trendBlocks.length > 0) {
    parts.push({
      id: 'trends',
      evaluation: 0,
      newPage: true,
      bookmark: { title: W.trends, level: 1 },
      blocks: [{ kind: 'heading', level: 1, text: W.trends }, ...trendBlocks],
    });
  }

  const ranking: Block[] = [
    { kind: 'heading', level: 1, text: W.ranking },
    { kind: 'paragraph', runs: [{ text: W.rankingIntro }] },
  ];
  const averages: Block[] = [{ kind: 'heading', level: 1, text: W.averages }];
  for (const avg of model.averages) {
    const latest = new Map<string, CompareRow>();
    for (const r of model.rows) if (r.framework === avg.framework) latest.set(r.key, r);
    if (model.averages.length > 1) ranking.push({ kind: 'heading', level: 2, text: fw(avg) });
    for (const area of avg.areas) {
      const ranked = [...latest.values()]
        .map((r) => ({ r, a: r.areas.find((x) => x.number === area.number) }))
        .filter((x) => x.a?.score !== undefined)
        .sort((x, y) => y.a!.score! - x.a!.score! || x.r.name.localeCompare(y.r.name, 'sv'));
      if (ranked.length === 0) continue;
      ranking.push({
        kind: 'table',
        role: 'comparison',
        caption: `${area.number}. ${area.title}`,
        showCaption: true,
        head: [
          numCell(W.rank),
          { text: W.name },
          { text: labels.date },
          numCell(labels.score),
          numCell(labels.percent),
        ],
        rows: ranked.map((x, i) => ({
          cells: [
            numCell(String(i + 1)),
            { text: x.r.name },
            { text: x.r.date ?? '' },
            numCell(n(x.a!.score)),
            numCell(formatPercent(x.a!.percent, lang)),
          ],
        })),
      });
    }
    const data = {
      axes: avg.areas.map((a) => ({ number: a.number, title: a.title, max: a.max })),
      series: [
        {
          name: W.averageOf(fw(avg), avg.count),
          own: true,
          scores: avg.areas.map((a) => a.score),
          color: '#1d5fa6',
        },
      ],
    };
    averages.push({ kind: 'heading', level: 2, text: W.averageOf(fw(avg), avg.count) });
    averages.push(figure('radar', data, labels));
  }
  parts.push({
    id: 'ranking',
    evaluation: 0,
    newPage: true,
    bookmark: { title: W.ranking, level: 1 },
    blocks: ranking,
  });
  parts.push({
    id: 'averages',
    evaluation: 0,
    newPage: true,
    bookmark: { title: W.averages, level: 1 },
    blocks: averages,
  });
  return {
    lang: languageTags[lang],
    title,
    header: title,
    pageLabel: labels.page,
    pageOf: labels.of,
    parts,
  };
}
