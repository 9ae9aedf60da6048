/**
 * The report as HTML, laid out from the report's structure (document.ts, built by build.ts): a
 * self-contained document (inline CSS and SVG, no scripts, no remote resources) for export, and
 * the same markup as a body for the VS Code preview. This file holds layout only: what the report
 * says comes from the structure. Every value is escaped here; text blocks go through
 * markdown-text.ts. The classes and ids are what the preview's scroll sync and double-click
 * anchor to (client/src/preview/anchors.ts).
 */

import type { Analysis } from '../../grammar/src/index';
import { buildReport, reportInParts } from './build';
import { barsSvg, type ChartSeries, radarSvg } from './chart';
import { trendStyle, trendSvg } from './compareChart';
import { reportCss } from './css';
import type {
  Block,
  Cell,
  ContentsBlock,
  FigureBlock,
  HeadingBlock,
  ListBlock,
  Part,
  ReportDocument,
  Row,
  Run,
  TableBlock,
} from './document';
import { escapeHtml as h, isSafeUrl } from './escape';
import { type Labels, labelsFor } from './labels';
import { renderMarkdownText } from './markdown-text';
import type { ReportOptions } from './options';
import type { ContentsEntry } from './view';

/** The id of a part of an evaluation: `kk-1-summary`, `kk-1-area-3`. Stable, so the preview can patch by id. */
export function partId(evaluation: number, part: string): string {
  return `kk-${evaluation}-${part}`;
}

/** The whole report as one self-contained HTML document for printing or sharing. */
export function renderHtml(analysis: Analysis, options: ReportOptions = {}): string {
  return [...renderHtmlParts(analysis, options)].join('');
}

/**
 * The same document as {@link renderHtml}, in pieces to write one after another: each piece at
 * most one part of the report, each part built only when its piece is asked for. A page can be
 * longer than the longest string a JavaScript engine holds (a 10 MB document of 40,000 small
 * evaluations makes half a gigabyte of HTML), and its pieces never are.
 */
export function renderHtmlParts(analysis: Analysis, options: ReportOptions = {}): Iterable<string> {
  const { doc, parts } = reportInParts(analysis, options);
  return htmlDocumentParts(doc, parts, analysis.uri);
}

/** The report's inner markup: a `div.kk-report` whose parts carry stable `id`s and `data-kk-part`. */
export function renderHtmlBody(analysis: Analysis, options: ReportOptions = {}): string {
  return renderHtmlDocumentBody(buildReport(analysis, options), analysis.uri);
}

/** Lays out a report's structure as a self-contained HTML document; `uri` names its source. */
export function renderHtmlDocument(doc: ReportDocument, uri?: string): string {
  return [...htmlDocumentParts(doc, doc.parts, uri)].join('');
}

function* htmlDocumentParts(
  doc: ReportDocument,
  parts: Iterable<Part>,
  uri: string | undefined,
): Generator<string> {
  // The policy is defence in depth: even a markup bug could neither run a script nor fetch anything.
  yield `<!DOCTYPE html>
<html lang="${h(doc.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Kompass">
${doc.author ? `<meta name="author" content="${h(doc.author)}">\n` : ''}<title>${h(doc.title)}</title>
<style>${reportCss('print')}</style>
</head>
<body>
`;
  yield* htmlBodyParts(doc, parts, uri);
  yield `
</body>
</html>
`;
}

/** Lays out a report's structure as the preview's body: parts of an evaluation inside its `article`. */
export function renderHtmlDocumentBody(doc: ReportDocument, uri?: string): string {
  return [...htmlBodyParts(doc, doc.parts, uri)].join('');
}

/** The body's markup in pieces, a line break before all but the first. */
function* htmlBodyParts(
  doc: ReportDocument,
  parts: Iterable<Part>,
  uri: string | undefined,
): Generator<string> {
  const labels = labelsFor(doc.lang.split('-')[0]);
  yield `<div class="kk-report" lang="${h(doc.lang)}"${uri === undefined ? '' : ` data-kk-report="${h(uri)}"`}>`;
  let article = 0;
  // An empty part (the areas' own) marks where the next part's opening heading belongs.
  let opens: Part | undefined;
  for (const part of parts) {
    let out = '';
    if (part.evaluation !== article) {
      if (article > 0) out += '\n</article>';
      article = part.evaluation;
      if (article > 0)
        out += `\n<article class="kk-evaluation" id="kk-${article}" data-kk-evaluation="${article}"${part.lang ? ` lang="${h(part.lang)}"` : ''}>`;
    }
    if (part.blocks.length === 0) {
      opens = part;
      if (out) yield out;
      continue;
    }
    let blocks = part.blocks;
    const first = blocks[0];
    if (opens && first?.kind === 'heading') {
      out += `\n${headingHtml(first, { id: partElementId(opens), page: opens.newPage, open: true })}`;
      blocks = blocks.slice(1);
    }
    opens = undefined;
    yield `${out}\n${partHtml(part, blocks, labels)}`;
  }
  yield `${article > 0 ? '\n</article>' : ''}\n</div>`;
}

function partElementId(part: Part): string {
  return part.evaluation > 0 ? partId(part.evaluation, part.id) : `kk-${part.id}`;
}

/** The kind of a part, as its class: `area-3` is an `kk-area`. */
function partKind(part: Part): string {
  return part.id.replace(/-\d+$/, '');
}

function partHtml(part: Part, blocks: readonly Block[], labels: Labels): string {
  const id = partElementId(part);
  const page = part.newPage ? ' kk-page' : '';
  const attrs = `id="${h(id)}" data-kk-part="${h(part.id)}"`;
  const ctx: Context = { labels, evaluation: part.evaluation };
  switch (part.id) {
    case 'problems':
      return problemsHtml(blocks, ctx);
    case 'title':
      return `<header class="kk-part kk-title-page${page}" ${attrs}>\n${blocksHtml(blocks, ctx)}\n</header>`;
    case 'contents': {
      const [heading, ...rest] = blocks;
      const head =
        heading?.kind === 'heading'
          ? headingHtml(heading, { id: `${id}-h` })
          : blockHtml(heading!, ctx);
      return `<nav class="kk-part kk-contents${page}" ${attrs} aria-labelledby="${h(id)}-h">${head}${blocksHtml(rest, ctx)}</nav>`;
    }
  }
  const area = /^area-(\d+)$/.exec(part.id);
  const areaAttr = area ? ` data-kk-area="${area[1]}"` : '';
  return `<section class="kk-part kk-${h(partKind(part))}${page}" ${attrs}${areaAttr}>\n${blocksHtml(blocks, ctx)}\n</section>`;
}

interface Context {
  labels: Labels;
  /** The evaluation the part belongs to, for the contents' links. */
  evaluation: number;
}

function blocksHtml(blocks: readonly Block[], ctx: Context): string {
  return blocks.map((b) => blockHtml(b, ctx)).join('\n');
}

/** HTML heading level of a report heading: the title page holds the only `h1`. */
const tag = (level: number) => `h${Math.min(6, level + 1)}`;

function headingHtml(
  b: HeadingBlock,
  options: { id?: string; page?: boolean; open?: boolean } = {},
): string {
  const t = tag(b.level);
  const classes = [...(options.open ? ['kk-opens'] : []), ...(options.page ? ['kk-page'] : [])];
  const attrs = `${classes.length ? ` class="${classes.join(' ')}"` : ''}${options.id ? ` id="${h(options.id)}"` : ''}`;
  const numberClass = b.level === 2 ? 'kk-area-number' : 'kk-number';
  const text = b.number
    ? `<span class="${numberClass}">${h(b.number)}</span> ${h(b.text)}`
    : h(b.text);
  return `<${t}${attrs}>${text}</${t}>`;
}

/** Inline runs: bold, italic, code, safe links; a tone colours a problem's severity. */
export function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      let s = r.code ? `<code>${h(r.text)}</code>` : h(r.text);
      if (r.bold) s = `<strong>${s}</strong>`;
      if (r.italic) s = `<em>${s}</em>`;
      if (r.tone) s = `<span class="kk-${r.tone}">${s}</span>`;
      if (r.link && isSafeUrl(r.link))
        s = `<a href="${h(r.link)}" rel="noopener noreferrer">${s}</a>`;
      return s;
    })
    .join('');
}

const paragraphClass: Record<
  NonNullable<Extract<Block, { kind: 'paragraph' }>['style']>,
  string
> = {
  kicker: 'kk-kicker',
  label: 'kk-analysis-of',
  title: 'kk-municipality',
  year: 'kk-year',
  lead: 'kk-lead',
  total: 'kk-total',
};

function blockHtml(b: Block, ctx: Context): string {
  switch (b.kind) {
    case 'heading':
      return headingHtml(b);
    case 'paragraph': {
      if (b.style === 'title') return `<h1 class="kk-municipality">${runsHtml(b.runs)}</h1>`;
      if (b.style === 'total')
        return `<p class="kk-total"><span class="kk-total-score">${runsHtml(b.runs.map((r) => ({ ...r, bold: false })))}</span></p>`;
      const cls = b.style ? ` class="${paragraphClass[b.style]}"` : '';
      return `<p${cls}>${runsHtml(b.runs)}</p>`;
    }
    case 'text':
      // Headings written in the text start below the heading it sits under.
      return `<div class="kk-text">${renderMarkdownText(b.source, b.level + 2)}</div>`;
    case 'keyValue':
      if (b.role === 'facts')
        return `<table class="kk-table kk-facts-table"><tbody>${b.rows
          .map((r) => `<tr><th scope="row">${h(r.key)}</th><td>${h(r.value)}</td></tr>`)
          .join('')}</tbody></table>`;
      return `<dl class="kk-meta">${b.rows.map((r) => `<dt>${h(r.key)}</dt><dd>${h(r.value)}</dd>`).join('')}</dl>`;
    case 'table':
      return tableHtml(b);
    case 'list':
      return listHtml(b);
    case 'figure':
      return figureHtml(b, ctx);
    case 'note':
      return `<p class="${b.tone === 'missing' ? 'kk-missing' : 'kk-note'}">${h(b.text)}</p>`;
    case 'contents':
      return contentsHtml(b, ctx);
    case 'columns':
      return `<div class="kk-pair">${b.columns.map((c) => `<div${columnClass(c)}>${blocksHtml(c, ctx)}</div>`).join('')}</div>`;
    case 'score': {
      const score = b.missing
        ? `<span class="kk-score kk-missing">${h(b.score)}</span>`
        : `<span class="kk-score">${h(b.score)}</span>`;
      const topics = b.topics.length
        ? `<ul>${b.topics.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`
        : '';
      return `<div class="kk-scorebox"><div class="kk-scorebox-headings"><p class="kk-label">${h(b.topicsLabel)}</p>${topics}</div><div class="kk-scorebox-score"><span class="kk-label">${h(b.label)}</span>${score}<span class="kk-of">${h(b.of)}</span></div></div>`;
    }
  }
}

/** A column is named after the list it holds: `kk-strengths`, `kk-improvements`. */
function columnClass(blocks: readonly Block[]): string {
  const list = blocks.find((b): b is ListBlock => b.kind === 'list');
  return list ? ` class="kk-${list.role}"` : '';
}

function listHtml(b: ListBlock): string {
  if (b.items.length === 0) return '';
  const cls = b.role === 'examples' ? ' class="kk-examples"' : '';
  const items = b.items.map((item, i) => {
    const line = b.lines?.[i];
    return `<li${line === undefined ? '' : ` data-kk-line="${line}"`}>${runsHtml(item)}</li>`;
  });
  return `<ul${cls}>${items.join('')}</ul>`;
}

const tableClass: Record<TableBlock['role'], string> = {
  areas: 'kk-areas-table',
  questions: 'kk-questions',
  'figure-data': 'kk-figure-data',
  problems: 'kk-problems-table',
  comparison: 'kk-comparison',
};

/** The attribute a row's key goes in, so tests and the preview find an area's or a question's row. */
const rowKey: Partial<Record<TableBlock['role'], string>> = {
  areas: 'data-kk-area',
  questions: 'data-kk-question',
};

function cellHtml(c: Cell, cellTag: 'td' | 'th', scope?: 'col'): string {
  const classes = [...(c.numeric ? ['kk-num'] : []), ...(c.missing ? ['kk-missing'] : [])];
  const attrs = `${scope ? ` scope="${c.span && c.span > 1 ? 'colgroup' : scope}"` : ''}${classes.length ? ` class="${classes.join(' ')}"` : ''}${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}`;
  return `<${cellTag}${attrs}>${h(c.text)}</${cellTag}>`;
}

function rowHtml(r: Row, role: TableBlock['role']): string {
  const key = rowKey[role];
  const attrs = `${key && r.key !== undefined ? ` ${key}="${h(r.key)}"` : ''}${r.missing ? ' class="kk-row-missing"' : ''}`;
  return `<tr${attrs}>${r.cells.map((c) => cellHtml(c, 'td')).join('')}</tr>`;
}

function tableHtml(t: TableBlock): string {
  // A caption the header row already says (the overview's question tables) is not said twice.
  const shown = t.showCaption && t.head[0]?.text !== t.caption;
  const caption = shown ? `<caption>${h(t.caption)}</caption>` : '';
  const label = shown ? '' : ` aria-label="${h(t.caption)}"`;
  const table = `<table class="kk-table ${tableClass[t.role]}"${label}>${caption}<thead><tr>${t.head
    .map((c) => cellHtml(c, 'th', 'col'))
    .join('')}</tr></thead><tbody>${t.rows.map((r) => rowHtml(r, t.role)).join('')}</tbody>${
    t.foot ? `<tfoot>${rowHtml(t.foot, t.role)}</tfoot>` : ''
  }</table>`;
  // Wide tables scroll sideways in their own box, which the keyboard can reach.
  return t.role === 'comparison' && t.head.length > 6
    ? `<div class="kk-scroll" role="region" tabindex="0" aria-label="${h(t.caption)}">${table}</div>`
    : table;
}

const figureClass: Record<FigureBlock['chart'], string> = {
  radar: 'kk-profile',
  bars: 'kk-profile-bars',
  trend: 'kk-trend',
};

/** A chart whose accessible name states its numbers, its legend, and the numbers as a table. */
function figureHtml(f: FigureBlock, ctx: Context): string {
  const svg =
    f.chart === 'radar'
      ? radarSvg(f.data, ctx.labels, 560, f.alt)
      : f.chart === 'bars'
        ? barsSvg(f.data, ctx.labels, 560, f.alt)
        : trendSvg(f.data, f.alt, ctx.labels.lang);
  const legend =
    f.chart === 'trend'
      ? f.data.axes.map((a, i) => ({ name: `${a.number}. ${a.title}`, swatch: trendSwatch(i) }))
      : f.data.series.map((s) => ({ name: s.name, swatch: seriesSwatch(s) }));
  return `<figure class="kk-figure ${figureClass[f.chart]}"><figcaption>${h(f.caption)}</figcaption>${svg}${legendHtml(legend)}${tableHtml(f.table)}</figure>`;
}

function legendHtml(items: readonly { name: string; swatch: string }[]): string {
  return `<ul class="kk-legend">${items
    .map(
      (x, i) =>
        `<li data-series="${i}"><svg width="22" height="12" aria-hidden="true">${x.swatch}</svg>${h(x.name)}</li>`,
    )
    .join('')}</ul>`;
}

function seriesSwatch(s: ChartSeries): string {
  return `<rect x="1" y="1" width="20" height="10" fill="${s.color}" fill-opacity="${s.own ? 0.5 : 0.2}" stroke="${s.color}" stroke-width="2"${s.own ? '' : ' stroke-dasharray="4 2"'}/>`;
}

function trendSwatch(index: number): string {
  const { color, dash } = trendStyle(index);
  return `<line x1="1" y1="6" x2="21" y2="6" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
}

function contentsHtml(b: ContentsBlock, ctx: Context): string {
  const list = (items: readonly ContentsEntry[]): string =>
    `<ol>${items
      .map(
        (entry) =>
          `<li><a href="#${h(ctx.evaluation > 0 ? partId(ctx.evaluation, entry.part) : `kk-${entry.part}`)}">${entry.number ? `<span class="kk-number">${h(entry.number)}</span> ${h(entry.title)}` : h(entry.title)}</a>${entry.children.length ? list(entry.children) : ''}</li>`,
      )
      .join('')}</ol>`;
  return list(b.entries);
}

/**
 * The problem list, collapsed to one line so a long list does not push the report out of view;
 * open when there are errors. Each item carries its source line for the preview to open.
 */
function problemsHtml(blocks: readonly Block[], ctx: Context): string {
  const heading = blocks.find((b): b is HeadingBlock => b.kind === 'heading');
  const list = blocks.find((b): b is ListBlock => b.kind === 'list');
  const [count, ...rest] = blocks.filter((b) => b.kind === 'paragraph');
  const tones = (list?.items ?? []).map((item) => item.find((r) => r.tone)?.tone);
  const errors = tones.filter((t) => t === 'error').length;
  const warnings = tones.filter((t) => t === 'warning').length;
  const kind = errors > 0 ? 'kk-problems-errors' : 'kk-problems-warnings';
  const countText = count?.kind === 'paragraph' ? runsHtml(count.runs) : '';
  return `<details class="kk-problems ${kind}" id="kk-problems" data-kk-part="problems"${errors > 0 ? ' open' : ''}><summary><strong>${h(heading?.text ?? '')}</strong>: <span class="kk-problem-count" data-kk-errors="${errors}" data-kk-warnings="${warnings}">${countText}</span></summary>${blocksHtml(rest, ctx)}${list ? listHtml(list) : ''}</details>`;
}
