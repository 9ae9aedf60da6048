/**
 * The report as HTML: a self-contained document (inline CSS and SVG, no scripts, no remote
 * resources) for export, and the same markup as a body for the VS Code preview. Every value is
 * escaped here; text blocks go through markdown-text.ts.
 */

import type { Analysis, AreaResult, EvaluationResult } from '../../grammar/src/index';
import { formatNumber, formatPercent } from '../../grammar/src/index';
import { aboutText } from './build';
import { barsSvg, chartData, radarSvg } from './chart';
import { reportCss } from './css';
import { escapeHtml as h } from './escape';
import { formatDateRange, type Labels, labelsFor } from './labels';
import { renderMarkdownText } from './markdown-text';
import type { ReportOptions } from './options';
import {
  areaRows,
  type ContentsEntry,
  contents,
  frameworkTitle,
  kicker,
  type Problem,
  problems,
  questionRows,
  yearOf,
} from './view';

/** The id of a part of an evaluation: `kk-1-summary`, `kk-1-area-3`. Stable, so the preview can patch by id. */
export function partId(evaluation: number, part: string): string {
  return `kk-${evaluation}-${part}`;
}

/** The whole report as one self-contained HTML document for printing or sharing. */
export function renderHtml(analysis: Analysis, options: ReportOptions = {}): string {
  const first = analysis.evaluations[0];
  const labels = labelsFor(first?.language ?? analysis.messageLanguage);
  const title = first
    ? `${kicker(first)} – ${first.name}${yearOf(first) ? ` ${yearOf(first)}` : ''}`
    : 'Kommunkompassen';
  // The policy is defence in depth: even a markup bug could neither run a script nor fetch anything.
  return `<!DOCTYPE html>
<html lang="${labels.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Kompass">
<title>${h(title)}</title>
<style>${reportCss('print')}</style>
</head>
<body>
${renderHtmlBody(analysis, options)}
</body>
</html>
`;
}

/** The report's inner markup: a `div.kk-report` whose parts carry stable `id`s and `data-kk-part`. */
export function renderHtmlBody(analysis: Analysis, options: ReportOptions = {}): string {
  const first = analysis.evaluations[0];
  const labels = labelsFor(first?.language ?? analysis.messageLanguage);
  const out: string[] = [
    `<div class="kk-report" lang="${labels.lang}" data-kk-report="${h(analysis.uri)}">`,
  ];
  const list = problems(analysis, options.sourceText);
  if (list.length > 0) out.push(problemsHtml(list, labels));
  if (analysis.evaluations.length === 0)
    out.push(`<p class="kk-note">${h(labels.noEvaluation)}</p>`);
  analysis.evaluations.forEach((e, i) => {
    out.push(evaluationHtml(e, i + 1, options));
  });
  out.push('</div>');
  return out.join('\n');
}

function problemsHtml(list: Problem[], labels: Labels): string {
  const items = list
    .map((p) => {
      const where = p.line === undefined ? '' : ` ${h(labels.line)} ${p.line}:`;
      const line = p.line === undefined ? '' : ` data-kk-line="${p.line}"`;
      return `<li${line}><span class="kk-${p.severity}">${h(labels[p.severity])}</span> <code>${h(p.code)}</code>${where} ${h(p.message)}</li>`;
    })
    .join('');
  const errors = list.filter((p) => p.severity === 'error').length;
  const warnings = list.filter((p) => p.severity === 'warning').length;
  // Collapsed to one line, so a long list does not push the report out of view; errors stay open.
  const kind = errors > 0 ? 'kk-problems-errors' : 'kk-problems-warnings';
  return `<details class="kk-problems ${kind}" id="kk-problems" data-kk-part="problems"${errors > 0 ? ' open' : ''}><summary><strong>${h(labels.problems)}</strong>: <span class="kk-problem-count" data-kk-errors="${errors}" data-kk-warnings="${warnings}">${h(labels.problemCount(warnings, errors))}</span></summary>${errors > 0 ? `<p>${h(labels.problemsIntro)}</p>` : ''}<ul>${items}</ul></details>`;
}

function evaluationHtml(e: EvaluationResult, n: number, options: ReportOptions): string {
  const labels = labelsFor(e.language);
  const entries = contents(e, labels);
  const num = (part: string) => entries.find((x) => x.part === part)?.number;
  const parts = [
    titleHtml(e, n, labels, options),
    contentsHtml(entries, n, labels),
    aboutHtml(e, n, labels, num('about')),
    summaryHtml(e, n, labels, num('summary')),
  ];
  const rows = areaRows(e);
  if (rows.length > 0) {
    parts.push(
      `<h2 class="kk-areas-heading" id="${partId(n, 'areas')}">${numbered(num('areas'), labels.areas)}</h2>`,
    );
    for (const row of rows)
      parts.push(areaHtml(row.area, row.number, row.title, row.max, n, labels));
  }
  if (num('overview')) parts.push(overviewHtml(e, n, labels, num('overview')));
  if (num('facts')) parts.push(factsHtml(e, n, labels, num('facts')));
  return `<article class="kk-evaluation" id="kk-${n}" data-kk-evaluation="${n}" lang="${labelsFor(e.language).lang}">\n${parts.join('\n')}\n</article>`;
}

function numbered(number: string | undefined, title: string): string {
  return number ? `<span class="kk-number">${h(number)}</span> ${h(title)}` : h(title);
}

function titleHtml(e: EvaluationResult, n: number, labels: Labels, options: ReportOptions): string {
  const meta: [string, string][] = [];
  if (e.evaluators.length > 0) meta.push([labels.evaluators, e.evaluators.join(', ')]);
  if (e.organisation) meta.push([labels.organisation, e.organisation]);
  if (e.dateFrom) meta.push([labels.date, formatDateRange(e.dateFrom, e.dateTo, labels)]);
  if (e.round !== undefined) meta.push([labels.round, formatNumber(e.round, labels.lang)]);
  const fw = frameworkTitle(e);
  if (fw) meta.push([labels.framework, fw]);
  if (options.generatedAt)
    meta.push([labels.generated, options.generatedAt.toISOString().slice(0, 10)]);
  const year = yearOf(e);
  return `<header class="kk-part kk-title-page" id="${partId(n, 'title')}" data-kk-part="title">
<p class="kk-kicker">${h(kicker(e))}</p>
<p class="kk-analysis-of">${h(labels.analysisOf)}</p>
<h1 class="kk-municipality">${h(e.name)}</h1>
${year ? `<p class="kk-year">${h(year)}</p>` : ''}
<dl class="kk-meta">${meta.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>
</header>`;
}

function contentsHtml(entries: ContentsEntry[], n: number, labels: Labels): string {
  const list = (items: ContentsEntry[]): string =>
    `<ol>${items
      .map(
        (entry) =>
          `<li><a href="#${partId(n, entry.part)}">${numbered(entry.number, entry.title)}</a>${entry.children.length ? list(entry.children) : ''}</li>`,
      )
      .join('')}</ol>`;
  return `<nav class="kk-part kk-contents" id="${partId(n, 'contents')}" data-kk-part="contents" aria-labelledby="${partId(n, 'contents')}-h"><h2 id="${partId(n, 'contents')}-h">${h(labels.contents)}</h2>${list(entries)}</nav>`;
}

function aboutHtml(
  e: EvaluationResult,
  n: number,
  labels: Labels,
  number: string | undefined,
): string {
  return `<section class="kk-part kk-about" id="${partId(n, 'about')}" data-kk-part="about"><h2>${numbered(number, labels.about)}</h2>${aboutText(
    e,
    labels,
  )
    .map((p) => `<p>${h(p)}</p>`)
    .join('')}</section>`;
}

function summaryHtml(
  e: EvaluationResult,
  n: number,
  labels: Labels,
  number: string | undefined,
): string {
  const out: string[] = [
    `<section class="kk-part kk-summary" id="${partId(n, 'summary')}" data-kk-part="summary">`,
    `<h2>${numbered(number, labels.summaryOf(e.name))}</h2>`,
    `<div class="kk-total" data-kk-total="${e.total}" data-kk-max="${e.max}"><span class="kk-total-score">${h(`${formatNumber(e.total, labels.lang)}/${formatNumber(e.max, labels.lang)}`)}</span><span>${h(labels.points)} · ${h(formatPercent(e.percent, labels.lang))}</span></div>`,
  ];
  if (e.summary) out.push(`<div class="kk-text">${renderMarkdownText(e.summary, 3)}</div>`);
  const data = chartData(e);
  const others = data.series.slice(1);
  out.push(`<h3>${h(labels.results)}</h3>`);
  out.push(
    `<table class="kk-table kk-areas-table"><thead><tr><th>${h(labels.area)}</th><th class="kk-num">${h(labels.score)}</th><th class="kk-num">${h(labels.max)}</th><th class="kk-num">${h(labels.percent)}</th>${others.map((s) => `<th class="kk-num">${h(s.name)}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const row of areaRows(e)) {
    const axis = data.axes.findIndex((a) => a.number === row.number);
    out.push(
      `<tr data-kk-area="${row.number}"><td>${h(`${row.number}. ${row.title}`)}</td>${scoreCell(row.score, labels)}<td class="kk-num">${h(formatNumber(row.max, labels.lang))}</td><td class="kk-num">${h(formatPercent(row.percent, labels.lang))}</td>${others.map((s) => scoreCell(axis >= 0 ? s.scores[axis] : undefined, labels)).join('')}</tr>`,
    );
  }
  out.push(
    `</tbody><tfoot><tr><td>${h(labels.total)}</td><td class="kk-num">${h(formatNumber(e.total, labels.lang))}</td><td class="kk-num">${h(formatNumber(e.max, labels.lang))}</td><td class="kk-num">${h(formatPercent(e.percent, labels.lang))}</td>${e.comparisons
      .filter((c) => c.target)
      .map((c) => `<td class="kk-num">${h(formatNumber(c.target!.total, labels.lang))}</td>`)
      .join('')}</tr></tfoot></table>`,
  );
  if (data.axes.length >= 3) {
    out.push(
      `<figure class="kk-figure kk-profile"><figcaption>${h(labels.profileRadar)}</figcaption>${radarSvg(data, labels)}${legendHtml(data.series)}</figure>`,
    );
  }
  out.push(
    `<figure class="kk-figure kk-profile-bars"><figcaption>${h(labels.profileBars)}</figcaption>${barsSvg(data, labels)}${legendHtml(data.series)}</figure>`,
  );
  const failed = e.comparisons.filter((c) => !c.target);
  if (failed.length > 0) {
    out.push(
      `<p class="kk-note">${h(labels.comparisons)}: ${failed.map((c) => `${h(c.path)} ${h(labels.comparisonProblem)}`).join('; ')}</p>`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function legendHtml(series: { name: string; color: string; own: boolean }[]): string {
  return `<ul class="kk-legend">${series
    .map(
      (s, i) =>
        `<li data-series="${i}"><svg width="22" height="12" aria-hidden="true"><rect x="1" y="1" width="20" height="10" fill="${s.color}" fill-opacity="${s.own ? 0.5 : 0.2}" stroke="${s.color}" stroke-width="2"${s.own ? '' : ' stroke-dasharray="4 2"'}/></svg>${h(s.name)}</li>`,
    )
    .join('')}</ul>`;
}

function scoreCell(value: number | undefined, labels: Labels): string {
  return value === undefined
    ? `<td class="kk-num kk-missing" data-kk-missing="score">${h(labels.missing)}</td>`
    : `<td class="kk-num">${h(formatNumber(value, labels.lang))}</td>`;
}

function areaHtml(
  a: AreaResult | undefined,
  number: number,
  title: string,
  max: number,
  n: number,
  labels: Labels,
): string {
  const out: string[] = [
    `<section class="kk-part kk-area" id="${partId(n, `area-${number}`)}" data-kk-part="area-${number}" data-kk-area="${number}">`,
    `<h3><span class="kk-area-number">${h(labels.areaNumber(number))}</span> ${h(title)}</h3>`,
  ];
  const score =
    a?.score === undefined
      ? `<span class="kk-score kk-missing" data-kk-missing="score">${h(labels.missing)}</span><span class="kk-of">${h(`${labels.max} ${formatNumber(max, labels.lang)}`)}</span>`
      : `<span class="kk-score">${h(formatNumber(a.score, labels.lang))}</span><span class="kk-of">${h(`/${formatNumber(max, labels.lang)} · ${formatPercent(a.percent, labels.lang)}`)}</span>`;
  const headings = a?.headings ?? [];
  out.push(
    `<div class="kk-scorebox"><div class="kk-scorebox-headings"><h4>${h(labels.headings)}</h4>${headings.length ? `<ul>${headings.map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : ''}</div><div class="kk-scorebox-score"><span class="kk-label">${h(labels.score)}</span>${score}</div></div>`,
  );
  if (!a) {
    out.push(`<p class="kk-missing">${h(labels.missingArea)}</p></section>`);
    return out.join('\n');
  }
  if (a.intro)
    out.push(
      `<h4>${h(labels.intro)}</h4><div class="kk-text">${renderMarkdownText(a.intro, 5)}</div>`,
    );
  for (const s of a.sections)
    out.push(`<h4>${h(s.heading)}</h4><div class="kk-text">${renderMarkdownText(s.text, 5)}</div>`);
  if (a.strengths.length || a.improvements.length) {
    const list = (items: string[]) =>
      items.length ? `<ul>${items.map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : '';
    out.push(
      `<div class="kk-pair"><div class="kk-strengths"><h4>${h(labels.strengths)}</h4>${list(a.strengths)}</div><div class="kk-improvements"><h4>${h(labels.improvements)}</h4>${list(a.improvements)}</div></div>`,
    );
  }
  if (a.examples.length) {
    out.push(
      `<h4>${h(labels.examples)}</h4><ul class="kk-examples">${a.examples.map((x) => `<li><strong>${h(x.municipality)}</strong>${x.note ? ` – ${h(x.note)}` : ''}</li>`).join('')}</ul>`,
    );
  }
  if (a.questions.length || a.missingQuestions.length) {
    out.push(`<h4>${h(labels.questions)}</h4>${questionTable(a, labels)}`);
  }
  out.push('</section>');
  return out.join('\n');
}

function questionTable(a: AreaResult, labels: Labels, caption?: string): string {
  const rows = questionRows(a)
    .map((q) => {
      const points =
        q.points === undefined
          ? `<td class="kk-num kk-missing" data-kk-missing="points">${h(labels.missing)}</td>`
          : `<td class="kk-num">${h(formatNumber(q.points, labels.lang))}</td>`;
      return `<tr data-kk-question="${h(q.id)}"${q.missing ? ' class="kk-row-missing"' : ''}><td class="kk-num">${h(q.id)}</td><td>${h(q.title)}</td>${points}<td class="kk-num">${q.max === undefined ? '–' : h(formatNumber(q.max, labels.lang))}</td><td class="kk-num">${h(formatPercent(q.percent, labels.lang))}</td></tr>`;
    })
    .join('');
  const head = caption ?? labels.question;
  return `<table class="kk-table kk-questions"><thead><tr><th colspan="2">${h(head)}</th><th class="kk-num">${h(labels.achieved)}</th><th class="kk-num">${h(labels.max)}</th><th class="kk-num">${h(labels.percent)}</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><td></td><td>${h(labels.total)}</td>${a.score === undefined ? `<td class="kk-num kk-missing">${h(labels.missing)}</td>` : `<td class="kk-num">${h(formatNumber(a.score, labels.lang))}</td>`}<td class="kk-num">${h(formatNumber(a.max, labels.lang))}</td><td class="kk-num">${h(formatPercent(a.percent, labels.lang))}</td></tr></tfoot></table>`;
}

function overviewHtml(
  e: EvaluationResult,
  n: number,
  labels: Labels,
  number: string | undefined,
): string {
  const tables = e.areas
    .filter((a) => a.questions.length > 0 || a.missingQuestions.length > 0)
    .map((a) => questionTable(a, labels, `${a.number}. ${a.title}`))
    .join('\n');
  return `<section class="kk-part kk-overview" id="${partId(n, 'overview')}" data-kk-part="overview"><h2>${numbered(number, labels.overview)}</h2><p>${h(labels.overviewIntro)}</p>\n${tables}\n<div class="kk-total"><span>${h(labels.total)}</span><span class="kk-total-score">${h(`${formatNumber(e.total, labels.lang)}/${formatNumber(e.max, labels.lang)}`)}</span><span>${h(formatPercent(e.percent, labels.lang))}</span></div></section>`;
}

function factsHtml(
  e: EvaluationResult,
  n: number,
  labels: Labels,
  number: string | undefined,
): string {
  const rows = e.facts
    .map(
      (f) =>
        `<tr><th scope="row">${h(f.label)}</th><td>${h(typeof f.value === 'number' ? formatNumber(f.value, labels.lang, { group: true }) : f.value)}</td></tr>`,
    )
    .join('');
  return `<section class="kk-part kk-facts" id="${partId(n, 'facts')}" data-kk-part="facts"><h2>${numbered(number, labels.factsAbout(e.name))}</h2><table class="kk-table kk-facts-table"><tbody>${rows}</tbody></table></section>`;
}
