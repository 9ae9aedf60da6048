/** The report as Markdown (CommonMark with GFM tables): the same parts as the HTML, values escaped. */

import type { Analysis, AreaResult, EvaluationResult } from '../../grammar/src/index';
import { formatNumber, formatPercent } from '../../grammar/src/index';
import { chartData } from './chart';
import { escapeMarkdown as e } from './escape';
import { formatDateRange, type Labels, labelsFor } from './labels';
import { safeMarkdownSource } from './markdown-text';
import type { ReportOptions } from './options';
import { areaRows, contents, frameworkTitle, kicker, problems, questionRows, yearOf } from './view';

/** The whole report as one Markdown document. */
export function renderMarkdown(analysis: Analysis, options: ReportOptions = {}): string {
  const labels = labelsFor(analysis.evaluations[0]?.language ?? analysis.messageLanguage);
  const out: string[] = [];
  const list = problems(analysis, options.sourceText);
  if (list.length > 0) {
    out.push(`> **${e(labels.problems)}**`, '>');
    if (list.some((p) => p.severity === 'error')) out.push(`> ${e(labels.problemsIntro)}`, '>');
    for (const p of list) {
      const where = p.line === undefined ? '' : ` ${labels.line} ${p.line}:`;
      out.push(`> - **${e(labels[p.severity])}** \`${p.code}\`${e(where)} ${e(p.message)}`);
    }
    out.push('');
  }
  if (analysis.evaluations.length === 0) out.push(e(labels.noEvaluation), '');
  for (const ev of analysis.evaluations) out.push(...evaluationMd(ev, options));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function evaluationMd(ev: EvaluationResult, options: ReportOptions): string[] {
  const labels = labelsFor(ev.language);
  const out: string[] = [];
  const n = (x: number, group = false) => formatNumber(x, labels.lang, { group });
  const year = yearOf(ev);
  out.push(
    `# ${e(kicker(ev))}: ${e(labels.analysisOf.toLowerCase())} ${e(ev.name)}${year ? ` ${year}` : ''}`,
    '',
  );
  const meta: [string, string][] = [];
  if (ev.evaluators.length) meta.push([labels.evaluators, ev.evaluators.join(', ')]);
  if (ev.organisation) meta.push([labels.organisation, ev.organisation]);
  if (ev.dateFrom) meta.push([labels.date, formatDateRange(ev.dateFrom, ev.dateTo, labels)]);
  if (ev.round !== undefined) meta.push([labels.round, n(ev.round)]);
  const fw = frameworkTitle(ev);
  if (fw) meta.push([labels.framework, fw]);
  if (options.generatedAt)
    meta.push([labels.generated, options.generatedAt.toISOString().slice(0, 10)]);
  for (const [k, v] of meta) out.push(`- **${e(k)}:** ${e(v)}`);
  out.push('');

  const entries = contents(ev, labels);
  out.push(`## ${e(labels.contents)}`, '');
  for (const entry of entries) {
    out.push(`${entry.number}. ${e(entry.title)}`);
    for (const child of entry.children) out.push(`   - ${e(child.title)}`);
  }
  out.push('');
  const num = (part: string) => entries.find((x) => x.part === part)?.number ?? '';

  out.push(`## ${num('about')} ${e(labels.about)}`, '');
  for (const p of labels.aboutText) out.push(e(p), '');

  out.push(`## ${num('summary')} ${e(labels.summaryOf(ev.name))}`, '');
  out.push(
    `**${n(ev.total)}/${n(ev.max)}** – ${e(labels.totalOf(n(ev.total), n(ev.max)))} (${e(formatPercent(ev.percent, labels.lang))})`,
    '',
  );
  if (ev.summary) out.push(shiftHeadings(safeMarkdownSource(ev.summary), 3), '');
  const data = chartData(ev);
  const others = data.series.slice(1);
  out.push(`### ${e(labels.results)}`, '');
  out.push(
    `| ${e(labels.area)} | ${e(labels.score)} | ${e(labels.max)} | ${e(labels.percent)} |${others.map((s) => ` ${e(s.name)} |`).join('')}`,
    `|---|--:|--:|--:|${others.map(() => '--:|').join('')}`,
  );
  for (const row of areaRows(ev)) {
    const axis = data.axes.findIndex((a) => a.number === row.number);
    out.push(
      `| ${row.number}\\. ${e(row.title)} | ${score(row.score, labels)} | ${n(row.max)} | ${e(formatPercent(row.percent, labels.lang))} |${others.map((s) => ` ${score(axis >= 0 ? s.scores[axis] : undefined, labels)} |`).join('')}`,
    );
  }
  out.push(
    `| **${e(labels.total)}** | **${n(ev.total)}** | **${n(ev.max)}** | **${e(formatPercent(ev.percent, labels.lang))}** |${ev.comparisons
      .filter((c) => c.target)
      .map((c) => ` **${n(c.target!.total)}** |`)
      .join('')}`,
    '',
  );
  const failed = ev.comparisons.filter((c) => !c.target);
  if (failed.length)
    out.push(
      `${e(labels.comparisons)}: ${failed.map((c) => `${e(c.path)} ${e(labels.comparisonProblem)}`).join('; ')}`,
      '',
    );

  const rows = areaRows(ev);
  if (rows.length) {
    out.push(`## ${num('areas')} ${e(labels.areas)}`, '');
    for (const row of rows) out.push(...areaMd(row.area, row.number, row.title, row.max, labels));
  }
  if (num('overview')) {
    out.push(`## ${num('overview')} ${e(labels.overview)}`, '', e(labels.overviewIntro), '');
    for (const a of ev.areas)
      if (a.questions.length || a.missingQuestions.length)
        out.push(...questionTable(a, labels, `${a.number}. ${a.title}`));
    out.push(
      `**${e(labels.total)}: ${n(ev.total)}/${n(ev.max)} (${e(formatPercent(ev.percent, labels.lang))})**`,
      '',
    );
  }
  if (num('facts')) {
    out.push(`## ${num('facts')} ${e(labels.factsAbout(ev.name))}`, '', `| | |`, '|---|---|');
    for (const f of ev.facts)
      out.push(
        `| **${e(f.label)}** | ${e(typeof f.value === 'number' ? n(f.value, true) : f.value)} |`,
      );
    out.push('');
  }
  return out;
}

function areaMd(
  a: AreaResult | undefined,
  number: number,
  title: string,
  max: number,
  labels: Labels,
): string[] {
  const n = (x: number) => formatNumber(x, labels.lang);
  const out: string[] = [`### ${e(labels.areaNumber(number))} ${e(title)}`, ''];
  out.push(
    a?.score === undefined
      ? `**${e(labels.score)}:** _${e(labels.missing)}_ (${e(labels.max)} ${n(max)})`
      : `**${e(labels.score)}:** ${n(a.score)}/${n(max)} (${e(formatPercent(a.percent, labels.lang))})`,
    '',
  );
  if (!a) return [...out, `_${e(labels.missingArea)}_`, ''];
  if (a.headings.length) {
    out.push(`**${e(labels.headings)}:**`, '');
    for (const x of a.headings) out.push(`- ${e(x)}`);
    out.push('');
  }
  if (a.intro)
    out.push(`#### ${e(labels.intro)}`, '', shiftHeadings(safeMarkdownSource(a.intro), 5), '');
  for (const s of a.sections)
    out.push(`#### ${e(s.heading)}`, '', shiftHeadings(safeMarkdownSource(s.text), 5), '');
  if (a.strengths.length) {
    out.push(`#### ${e(labels.strengths)}`, '');
    for (const x of a.strengths) out.push(`- ${e(x)}`);
    out.push('');
  }
  if (a.improvements.length) {
    out.push(`#### ${e(labels.improvements)}`, '');
    for (const x of a.improvements) out.push(`- ${e(x)}`);
    out.push('');
  }
  if (a.examples.length) {
    out.push(`#### ${e(labels.examples)}`, '');
    for (const x of a.examples)
      out.push(`- **${e(x.municipality)}**${x.note ? ` – ${e(x.note)}` : ''}`);
    out.push('');
  }
  if (a.questions.length || a.missingQuestions.length) {
    out.push(`#### ${e(labels.questions)}`, '', ...questionTable(a, labels));
  }
  return out;
}

function questionTable(a: AreaResult, labels: Labels, caption?: string): string[] {
  const n = (x: number) => formatNumber(x, labels.lang);
  const out = [
    `| ${e(labels.question)} | ${caption ? e(caption) : ''} | ${e(labels.achieved)} | ${e(labels.max)} | ${e(labels.percent)} |`,
    '|--:|---|--:|--:|--:|',
  ];
  for (const q of questionRows(a)) {
    out.push(
      `| ${e(q.id)} | ${e(q.title)} | ${q.points === undefined ? `_${e(labels.missing)}_` : n(q.points)} | ${q.max === undefined ? '–' : n(q.max)} | ${e(formatPercent(q.percent, labels.lang))} |`,
    );
  }
  out.push(
    `| | **${e(labels.total)}** | **${a.score === undefined ? e(labels.missing) : n(a.score)}** | **${n(a.max)}** | **${e(formatPercent(a.percent, labels.lang))}** |`,
    '',
  );
  return out;
}

function score(value: number | undefined, labels: Labels): string {
  return value === undefined ? `_${e(labels.missing)}_` : formatNumber(value, labels.lang);
}

// Text blocks start their own headings at `#`; under a report heading they must start lower.
function shiftHeadings(text: string, level: number): string {
  let fence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) fence = !fence;
      if (fence) return line;
      return line.replace(
        /^( {0,3})(#{1,6})(?=\s|$)/,
        (_, pad: string, hashes: string) =>
          `${pad}${'#'.repeat(Math.min(6, hashes.length + level - 1))}`,
      );
    })
    .join('\n');
}
