/** Builds the report's structure (document.ts) from an analysis, once for every format. */

import {
  type Analysis,
  type AreaResult,
  type EvaluationResult,
  formatNumber,
  formatPercent,
  type SeverityCounts,
  severityCounts,
} from '../../grammar/src/index';
import { type ChartData, chartData } from './chart';
import type {
  Block,
  Cell,
  FigureBlock,
  Part,
  ReportDocument,
  Row,
  Run,
  TableBlock,
} from './document';
import { formatDateRange, type Labels, labelsFor } from './labels';
import type { ReportOptions } from './options';
import {
  areaRows,
  contents,
  frameworkTitle,
  kicker,
  type Problem,
  problems,
  questionRows,
  yearOf,
} from './view';

/** BCP 47 tags of the report languages, as the PDF, HTML and Word documents declare them. */
export const languageTags = { sv: 'sv-SE', en: 'en', nb: 'nb-NO' } as const;

/** The report's title: `Kommunkompassen – Västerås stad 2012`. */
export function reportTitle(e: EvaluationResult | undefined): string {
  if (!e) return 'Kommunkompassen';
  const year = yearOf(e);
  return `${kicker(e)} – ${e.name}${year ? ` ${year}` : ''}`;
}

/** The report of an analysed document as a structure every format lays out. */
export function buildReport(analysis: Analysis, options: ReportOptions = {}): ReportDocument {
  const { doc, parts } = reportInParts(analysis, options);
  doc.parts = [...parts];
  return doc;
}

/**
 * The report's structure with its parts left out (`doc.parts` is empty), and the parts one at a
 * time, built as they are asked for: a format that writes as it goes (HTML) then never holds the
 * structure of a 10 MB document's thousands of evaluations at once.
 */
export function reportInParts(
  analysis: Analysis,
  options: ReportOptions = {},
): { doc: ReportDocument; parts: Iterable<Part> } {
  const first = analysis.evaluations[0];
  const labels = labelsFor(first?.language ?? analysis.messageLanguage);
  const doc: ReportDocument = {
    lang: languageTags[labels.lang],
    title: reportTitle(first),
    header: reportTitle(first),
    pageLabel: labels.page,
    pageOf: labels.of,
    parts: [],
  };
  if (first?.evaluators.length) doc.author = first.evaluators.join(', ');
  if (first) doc.subject = `${labels.analysisOf} ${first.name}`;
  if (options.generatedAt) doc.generatedAt = options.generatedAt;
  return { doc, parts: partsOf(analysis, labels, options) };
}

function* partsOf(analysis: Analysis, labels: Labels, options: ReportOptions): Generator<Part> {
  const list = problems(analysis, options.sourceText);
  if (list.length > 0) yield problemsPart(list, labels, severityCounts(analysis));
  if (analysis.evaluations.length === 0)
    yield {
      id: 'empty',
      evaluation: 0,
      newPage: false,
      blocks: [{ kind: 'note', text: labels.noEvaluation, tone: 'info' }],
    };
  for (const [i, e] of analysis.evaluations.entries()) {
    const lang = languageTags[labelsFor(e.language).lang];
    for (const part of evaluationParts(e, i + 1, options)) yield { ...part, lang };
  }
}

/**
 * The problem list: severity, code, `rad N` / `line N` and message of every problem shown, under
 * the count of all of them (`counts`, those past the diagnostics cap included).
 */
export function problemsPart(
  list: readonly Problem[],
  labels: Labels,
  counts: Pick<SeverityCounts, 'errors' | 'warnings'>,
): Part {
  const { errors, warnings } = counts;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: labels.problems },
    { kind: 'paragraph', runs: [{ text: labels.problemCount(warnings, errors) }] },
  ];
  if (errors > 0) blocks.push({ kind: 'paragraph', runs: [{ text: labels.problemsIntro }] });
  blocks.push({
    kind: 'list',
    role: 'problems',
    items: list.map((p) => [
      { text: labels[p.severity], bold: true, tone: p.severity === 'error' ? 'error' : 'warning' },
      { text: ' ' },
      { text: p.code, code: true },
      { text: p.line === undefined ? ' ' : ` ${labels.line} ${p.line}: ` },
      { text: p.message },
    ]),
    lines: list.map((p) => p.line),
  });
  return { id: 'problems', evaluation: 0, newPage: false, blocks };
}

function evaluationParts(e: EvaluationResult, n: number, options: ReportOptions): Part[] {
  const labels = labelsFor(e.language);
  const num = (x: number, group = false) => formatNumber(x, labels.lang, { group });
  const entries = contents(e, labels);
  const number = (part: string) => entries.find((x) => x.part === part)?.number;
  const heading = (part: string, text: string): Block => {
    const nr = number(part);
    return nr
      ? { kind: 'heading', level: 1, text, number: nr }
      : { kind: 'heading', level: 1, text };
  };
  const bookmark = (part: string, text: string) => {
    const nr = number(part);
    return { title: nr ? `${nr} ${text}` : text, level: 1 as const };
  };
  const parts: Part[] = [];

  const meta: { key: string; value: string }[] = [];
  if (e.evaluators.length) meta.push({ key: labels.evaluators, value: e.evaluators.join(', ') });
  if (e.organisation) meta.push({ key: labels.organisation, value: e.organisation });
  if (e.dateFrom)
    meta.push({ key: labels.date, value: formatDateRange(e.dateFrom, e.dateTo, labels) });
  if (e.round !== undefined) meta.push({ key: labels.round, value: num(e.round) });
  const fw = frameworkTitle(e);
  if (fw) meta.push({ key: labels.framework, value: fw });
  if (options.generatedAt)
    meta.push({ key: labels.generated, value: options.generatedAt.toISOString().slice(0, 10) });
  const year = yearOf(e);
  const title: Block[] = [
    { kind: 'paragraph', style: 'kicker', runs: [{ text: kicker(e) }] },
    { kind: 'paragraph', style: 'label', runs: [{ text: labels.analysisOf }] },
    { kind: 'paragraph', style: 'title', runs: [{ text: e.name }] },
  ];
  if (year) title.push({ kind: 'paragraph', style: 'year', runs: [{ text: year }] });
  title.push({ kind: 'keyValue', role: 'meta', rows: meta });
  parts.push({
    id: 'title',
    evaluation: n,
    newPage: n > 1,
    bookmark: { title: e.name, level: 1 },
    blocks: title,
  });

  parts.push({
    id: 'contents',
    evaluation: n,
    newPage: true,
    blocks: [
      { kind: 'heading', level: 1, text: labels.contents },
      { kind: 'contents', entries },
    ],
  });

  parts.push({
    id: 'about',
    evaluation: n,
    newPage: true,
    bookmark: bookmark('about', labels.about),
    blocks: [
      heading('about', labels.about),
      ...(e.about !== undefined
        ? [{ kind: 'text', source: e.about, level: 1 } satisfies Block]
        : aboutText(e, labels).map((p): Block => ({ kind: 'paragraph', runs: [{ text: p }] }))),
    ],
  });

  const data = chartData(e);
  const summary: Block[] = [
    heading('summary', labels.summaryOf(e.name)),
    totalBlock(e, labels, labels.totalOf(num(e.total), num(e.max))),
  ];
  if (e.summary) summary.push({ kind: 'text', source: e.summary, level: 1 });
  summary.push({ kind: 'heading', level: 2, text: labels.results });
  summary.push(areasTable(e, data, labels));
  if (data.axes.length >= 3) summary.push(figure('radar', data, labels));
  summary.push(figure('bars', data, labels));
  const failed = e.comparisons.filter((c) => !c.target);
  if (failed.length > 0)
    summary.push({
      kind: 'note',
      tone: 'error',
      text: `${labels.comparisons}: ${failed.map((c) => `${c.path} ${labels.comparisonProblem}`).join('; ')}`,
    });
  parts.push({
    id: 'summary',
    evaluation: n,
    newPage: true,
    bookmark: bookmark('summary', labels.summaryOf(e.name)),
    blocks: summary,
  });

  const rows = areaRows(e);
  rows.forEach((row, i) => {
    const blocks: Block[] = [];
    if (i === 0) blocks.push(heading('areas', labels.areas));
    blocks.push(...areaBlocks(row.area, row.number, row.title, row.max, labels));
    const part: Part = {
      id: `area-${row.number}`,
      evaluation: n,
      newPage: true,
      bookmark: { title: `${labels.areaNumber(row.number)} ${row.title}`, level: 2 },
      blocks,
    };
    if (i === 0) {
      // The areas' own heading opens the first area's page; its bookmark comes first.
      parts.push({
        id: 'areas',
        evaluation: n,
        newPage: true,
        bookmark: bookmark('areas', labels.areas),
        blocks: [],
      });
      part.newPage = false;
    }
    parts.push(part);
  });

  if (number('overview')) {
    const blocks: Block[] = [
      heading('overview', labels.overview),
      { kind: 'paragraph', runs: [{ text: labels.overviewIntro }] },
    ];
    for (const a of e.areas)
      if (a.questions.length > 0 || a.missingQuestions.length > 0)
        blocks.push(questionTable(a, labels, `${a.number}. ${a.title}`));
    blocks.push(totalBlock(e, labels, `${labels.total} ${num(e.total)}/${num(e.max)}`));
    parts.push({
      id: 'overview',
      evaluation: n,
      newPage: true,
      bookmark: bookmark('overview', labels.overview),
      blocks,
    });
  }
  if (number('facts')) {
    parts.push({
      id: 'facts',
      evaluation: n,
      newPage: true,
      bookmark: bookmark('facts', labels.factsAbout(e.name)),
      blocks: [
        heading('facts', labels.factsAbout(e.name)),
        {
          kind: 'keyValue',
          role: 'facts',
          rows: e.facts.map((f) => ({
            key: f.label,
            value: typeof f.value === 'number' ? num(f.value, true) : f.value,
          })),
        },
      ],
    });
  }
  return parts;
}

/**
 * The about text as paragraphs: the evaluation's own (`about """…"""`, split at blank lines),
 * else its framework's (Kommunkompassen 2020 has its own).
 */
export function aboutText(e: EvaluationResult, labels: Labels): string[] {
  if (e.about !== undefined) {
    return e.about
      .split(/\n[ \t]*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .filter((p) => p !== '');
  }
  return (e.framework?.id ?? e.frameworkId) === 'kommunkompassen-2020'
    ? labels.aboutText2020
    : labels.aboutText;
}

/** The total said once: `561 av 800 poäng · 70 %` or `Totalt 561/800 · 70 %`. */
function totalBlock(e: EvaluationResult, labels: Labels, words: string): Block {
  return {
    kind: 'paragraph',
    style: 'total',
    runs: [{ text: `${words} · ${formatPercent(e.percent, labels.lang)}`, bold: true }],
  };
}

/** A table cell holding a number (right-aligned in every layout). */
export const numCell = (text: string): Cell => ({ text, numeric: true });

function scoreCell(value: number | undefined, labels: Labels): Cell {
  return value === undefined
    ? { text: labels.missing, numeric: true, missing: true }
    : numCell(formatNumber(value, labels.lang));
}

/** The results table: score, max and percent per area, a column per compared evaluation. */
export function areasTable(e: EvaluationResult, data: ChartData, labels: Labels): TableBlock {
  const others = data.series.slice(1);
  const n = (x: number) => formatNumber(x, labels.lang);
  return {
    kind: 'table',
    role: 'areas',
    caption: labels.results,
    showCaption: false,
    head: [
      { text: labels.area },
      numCell(labels.score),
      numCell(labels.max),
      numCell(labels.percent),
      ...others.map((s) => numCell(s.name)),
    ],
    rows: areaRows(e).map((row): Row => {
      const axis = data.axes.findIndex((a) => a.number === row.number);
      const r: Row = {
        key: String(row.number),
        cells: [
          { text: `${row.number}. ${row.title}` },
          scoreCell(row.score, labels),
          numCell(n(row.max)),
          numCell(formatPercent(row.percent, labels.lang)),
          ...others.map((s) => scoreCell(axis >= 0 ? s.scores[axis] : undefined, labels)),
        ],
      };
      if (!row.area) r.missing = true;
      return r;
    }),
    foot: {
      cells: [
        { text: labels.total },
        numCell(n(e.total)),
        numCell(n(e.max)),
        numCell(formatPercent(e.percent, labels.lang)),
        ...e.comparisons.filter((c) => c.target).map((c) => numCell(n(c.target!.total))),
      ],
    },
  };
}

/** A chart with its alternative text (every series' score per area) and the same numbers as a table. */
export function figure(chart: 'radar' | 'bars', data: ChartData, labels: Labels): FigureBlock {
  const caption = chart === 'radar' ? labels.profileRadar : labels.profileBars;
  const n = (x: number) => formatNumber(x, labels.lang);
  const value = (score: number | undefined, max: number) =>
    score === undefined
      ? labels.missing
      : chart === 'radar'
        ? formatPercent(Math.round((score * 100) / (max || 1)), labels.lang)
        : `${n(score)}/${n(max)}`;
  const alt = `${caption}. ${data.series
    .map(
      (s) =>
        `${s.name}: ${data.axes.map((a, i) => `${a.number}. ${a.title} ${value(s.scores[i], a.max)}`).join(', ')}`,
    )
    .join('. ')}.`;
  return {
    kind: 'figure',
    chart,
    data,
    caption,
    alt,
    table: figureTable(caption, labels.area, data, value),
  };
}

/** A chart's numbers as a table: a row per area, a column per series, each cell `value` gives. */
export function figureTable(
  caption: string,
  areaLabel: string,
  data: ChartData,
  value: (score: number | undefined, max: number) => string,
): TableBlock {
  return {
    kind: 'table',
    role: 'figure-data',
    caption,
    showCaption: false,
    head: [{ text: areaLabel }, ...data.series.map((s) => numCell(s.name))],
    rows: data.axes.map((a, i) => ({
      key: String(a.number),
      cells: [
        { text: `${a.number}. ${a.title}` },
        ...data.series.map((s) => numCell(value(s.scores[i], a.max))),
      ],
    })),
  };
}

function areaBlocks(
  a: AreaResult | undefined,
  number: number,
  title: string,
  max: number,
  labels: Labels,
): Block[] {
  const n = (x: number) => formatNumber(x, labels.lang);
  const out: Block[] = [
    { kind: 'heading', level: 2, number: labels.areaNumber(number), text: title },
    {
      kind: 'score',
      label: labels.score,
      topicsLabel: labels.headings,
      topics: a?.headings ?? [],
      missing: a?.score === undefined,
      score: a?.score === undefined ? labels.missing : n(a.score),
      of:
        a?.score === undefined
          ? `${labels.max} ${n(max)}`
          : `/${n(max)} · ${formatPercent(a.percent, labels.lang)}`,
    },
  ];
  if (!a) {
    out.push({ kind: 'note', tone: 'missing', text: labels.missingArea });
    return out;
  }
  if (a.intro) {
    out.push({ kind: 'heading', level: 3, text: labels.intro });
    out.push({ kind: 'text', source: a.intro, level: 3 });
  }
  for (const s of a.sections) {
    out.push({ kind: 'heading', level: 3, text: s.heading });
    out.push({ kind: 'text', source: s.text, level: 3 });
  }
  if (a.strengths.length || a.improvements.length) {
    const column = (label: string, items: string[], role: 'strengths' | 'improvements') => [
      { kind: 'heading', level: 3, text: label } as Block,
      { kind: 'list', role, items: items.map((x): Run[] => [{ text: x }]) } as Block,
    ];
    out.push({
      kind: 'columns',
      columns: [
        column(labels.strengths, a.strengths, 'strengths'),
        column(labels.improvements, a.improvements, 'improvements'),
      ],
    });
  }
  if (a.examples.length) {
    out.push({ kind: 'heading', level: 3, text: labels.examples });
    out.push({
      kind: 'list',
      role: 'examples',
      items: a.examples.map((x): Run[] =>
        x.note
          ? [{ text: x.municipality, bold: true }, { text: ` – ${x.note}` }]
          : [{ text: x.municipality, bold: true }],
      ),
    });
  }
  if (a.questions.length || a.missingQuestions.length) {
    out.push({ kind: 'heading', level: 3, text: labels.questions });
    out.push(questionTable(a, labels));
  }
  return out;
}

/** An area's questions: achieved, max and percent, with the area's total. */
export function questionTable(a: AreaResult, labels: Labels, caption?: string): TableBlock {
  const n = (x: number) => formatNumber(x, labels.lang);
  return {
    kind: 'table',
    role: 'questions',
    caption: caption ?? `${labels.questions}: ${a.number}. ${a.title}`,
    showCaption: caption !== undefined,
    head: [
      { text: caption ?? labels.question, span: 2 },
      numCell(labels.achieved),
      numCell(labels.max),
      numCell(labels.percent),
    ],
    rows: questionRows(a).map((q): Row => {
      const r: Row = {
        key: q.id,
        cells: [
          numCell(q.id),
          { text: q.title },
          q.points === undefined
            ? { text: labels.missing, numeric: true, missing: true }
            : numCell(n(q.points)),
          numCell(q.max === undefined ? '–' : n(q.max)),
          numCell(formatPercent(q.percent, labels.lang)),
        ],
      };
      if (q.missing) r.missing = true;
      return r;
    }),
    foot: {
      cells: [
        { text: '' },
        { text: labels.total },
        a.score === undefined
          ? { text: labels.missing, numeric: true, missing: true }
          : numCell(n(a.score)),
        numCell(n(a.max)),
        numCell(formatPercent(a.percent, labels.lang)),
      ],
    },
  };
}
