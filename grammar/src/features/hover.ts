import type { AreaStatement, Span } from '../ast';
import { keywordSpan } from '../ast';
import type { MessageLanguage } from '../language';
import type {
  Analysis,
  AreaResult,
  Comparison,
  EvaluationResult,
  Framework,
  QuestionResult,
} from '../model';
import { formatDelta, formatNumber, formatPercent, formatScore } from '../numbers';
import { percent } from '../percent';
import { locate, within } from './locate';
import { escapeMarkdown } from './text';
import { editorTexts } from './texts';

/** Hover content: Markdown and the stretch of source it describes. */
export interface HoverResult extends Span {
  markdown: string;
}

/** The hover at an offset: totals on an evaluation, area or question; a framework's shape. */
export function hover(analysis: Analysis, offset: number): HoverResult | undefined {
  const loc = locate(analysis, offset);
  const lang = analysis.messageLanguage;
  const block = loc.block;
  if (!block) return undefined;
  const s = loc.statement;
  if (!s) {
    const onHeader = within(keywordSpan(block), offset) || within(block.name, offset);
    if (!onHeader) return undefined;
    const span = { start: block.start, end: (block.name ?? keywordSpan(block)).end };
    if (loc.evaluation) return { ...span, markdown: evaluationHover(loc.evaluation, lang) };
    if (loc.framework) return { ...span, markdown: frameworkHover(loc.framework, lang) };
    return undefined;
  }
  if (s.kind === 'frameworkRef') {
    const f = loc.evaluation?.framework;
    return f ? { start: s.start, end: s.end, markdown: frameworkHover(f, lang) } : undefined;
  }
  if (s.kind === 'question' && loc.question && loc.evaluation) {
    return {
      start: s.start,
      end: s.end,
      markdown: questionHover(loc.question, loc.evaluation, lang),
    };
  }
  if (s.kind === 'area' && loc.areaResult && loc.evaluation) {
    const header = areaHeader(s);
    if (!within(header, offset)) return undefined;
    return { ...header, markdown: areaHover(loc.areaResult, loc.evaluation, lang) };
  }
  if (s.kind === 'area' && loc.frameworkArea && loc.framework) {
    const header = areaHeader(s);
    if (!within(header, offset)) return undefined;
    const fa = loc.frameworkArea;
    const T = editorTexts[lang].hover;
    const lines = [
      `**${T.area} ${fa.number} · ${escapeMarkdown(fa.title)}**`,
      '',
      `Max ${formatNumber(fa.max, lang)}, ${fa.questions.length} ${T.questions}`,
    ];
    return { ...header, markdown: lines.join('\n') };
  }
  return undefined;
}

function areaHeader(s: AreaStatement): Span {
  const last = [keywordSpan(s), s.number, s.title, ...s.header].filter((x): x is Span => !!x);
  return { start: s.start, end: Math.max(...last.map((x) => x.end)) };
}

/** A compare target's label, the one legends, tables and the CLI use too. */
function targetLabel(c: Comparison): string {
  return c.label ?? c.target?.name ?? c.path;
}

function usableComparisons(ev: EvaluationResult): Comparison[] {
  return ev.comparisons.filter((c) => c.target && !c.problem);
}

function scoreLine(points: number | undefined, max: number, lang: MessageLanguage): string {
  const p = points === undefined ? '' : ` (${formatPercent(percent(points, max), lang)})`;
  return `${formatScore(points, max, lang)} ${editorTexts[lang].hover.points}${p}`;
}

function evaluationHover(ev: EvaluationResult, lang: MessageLanguage): string {
  const T = editorTexts[lang].hover;
  const out: string[] = [];
  const fw = ev.framework ? ` · ${escapeMarkdown(ev.framework.title)}` : '';
  out.push(`**${escapeMarkdown(ev.name)}**${fw}`, '');
  out.push(
    `${T.total} ${formatScore(ev.total, ev.max, lang)} (${formatPercent(ev.percent, lang)})`,
  );
  const comps = usableComparisons(ev);
  if (ev.areas.length > 0 || ev.missingAreas.length > 0) {
    const head = [T.area, T.scoreHeader, '%'];
    const align = ['---', '---:', '---:'];
    for (const c of comps) {
      head.push(`Δ ${escapeMarkdown(targetLabel(c))}`);
      align.push('---:');
    }
    out.push('', `| ${head.join(' | ')} |`, `|${align.join('|')}|`);
    const rows = [
      ...ev.areas.map((a) => ({ n: a.number, title: a.title, area: a as AreaResult | undefined })),
      ...ev.missingAreas.map((fa) => ({ n: fa.number, title: fa.title, area: undefined })),
    ].sort((x, y) => x.n - y.n);
    for (const r of rows) {
      const a = r.area;
      const cells = [
        `${r.n} ${escapeMarkdown(r.title)}`,
        a ? formatScore(a.score, a.max, lang) : T.missingCell,
        a?.percent !== undefined ? formatPercent(a.percent, lang) : '',
      ];
      for (const c of comps) {
        const other = c.target!.areas.find((x) => x.number === r.n);
        cells.push(
          a?.score !== undefined && other?.score !== undefined
            ? formatDelta(a.score - other.score, lang)
            : '',
        );
      }
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  if (comps.length > 0) {
    out.push('', `${T.comparedWith}:`);
    for (const c of comps) {
      const t = c.target!;
      out.push(
        `- ${escapeMarkdown(targetLabel(c))}: ${formatScore(t.total, t.max, lang)} (${formatPercent(t.percent, lang)}), ${T.difference} ${formatDelta(ev.total - t.total, lang)}`,
      );
    }
  }
  if (ev.statedTotal !== undefined && ev.statedTotal !== ev.total) {
    out.push('', `${T.statedTotal}: ${formatNumber(ev.statedTotal, lang)}`);
  }
  return out.join('\n');
}

function areaHover(a: AreaResult, ev: EvaluationResult, lang: MessageLanguage): string {
  const T = editorTexts[lang].hover;
  const out: string[] = [];
  out.push(`**${T.area} ${a.number} · ${escapeMarkdown(a.title)}**`, '');
  out.push(scoreLine(a.score, a.max, lang));
  if (a.statedScore !== undefined && a.computedScore !== undefined) {
    if (a.statedScore !== a.computedScore) {
      out.push(
        '',
        `${T.statedScore} ${formatNumber(a.statedScore, lang)}, ${T.questionsAddUpTo} ${formatNumber(a.computedScore, lang)}`,
      );
    }
  }
  for (const c of usableComparisons(ev)) {
    const other = c.target!.areas.find((x) => x.number === a.number);
    if (a.score === undefined || other?.score === undefined) continue;
    out.push(
      '',
      `Δ ${escapeMarkdown(targetLabel(c))}: ${formatDelta(a.score - other.score, lang)} (${formatScore(other.score, other.max, lang)})`,
    );
  }
  if (a.questions.length > 0) {
    out.push('', `| ${T.question} | ${T.pointsHeader} | % |`);
    out.push('|---|---:|---:|');
    for (const q of a.questions) {
      const p = q.percent !== undefined ? formatPercent(q.percent, lang) : '';
      out.push(
        `| ${q.id} ${escapeMarkdown(shorten(q.title))} | ${formatScore(q.points, q.max, lang)} | ${p} |`,
      );
    }
  }
  if (a.missingQuestions.length > 0) {
    const list = a.missingQuestions
      .map((q) => `${q.id} (max ${formatNumber(q.max, lang)})`)
      .join(', ');
    out.push('', `${T.missing}: ${list}`);
  }
  return out.join('\n');
}

function questionHover(q: QuestionResult, ev: EvaluationResult, lang: MessageLanguage): string {
  const T = editorTexts[lang].hover;
  const out: string[] = [];
  out.push(`**${T.question} ${q.id}** · ${escapeMarkdown(q.title)}`, '');
  if (q.max !== undefined) out.push(scoreLine(q.points, q.max, lang));
  else out.push(`${formatScore(q.points, undefined, lang)} ${T.points}`);
  for (const c of usableComparisons(ev)) {
    const area = c.target!.areas.find((a) => a.questions.some((x) => x.id === q.id));
    const other = area?.questions.find((x) => x.id === q.id);
    if (q.points === undefined || other?.points === undefined) continue;
    out.push(
      '',
      `Δ ${escapeMarkdown(targetLabel(c))}: ${formatDelta(q.points - other.points, lang)} (${formatScore(other.points, other.max, lang)})`,
    );
  }
  if (ev.framework && q.definition) {
    out.push('', `*${escapeMarkdown(ev.framework.title)}*`);
  }
  return out.join('\n');
}

function frameworkHover(f: Framework, lang: MessageLanguage): string {
  const questions = f.areas.reduce((n, a) => n + a.questions.length, 0);
  const T = editorTexts[lang].hover;
  const out = [
    `**${escapeMarkdown(f.title)}** (\`${f.id}\`)`,
    '',
    `${f.areas.length} ${T.areas}, ${questions} ${T.questions}, max ${formatNumber(f.max, lang)}`,
  ];
  if (f.areas.length > 0) {
    out.push('', `| ${T.area} | ${T.questionsHeader} | Max |`);
    out.push('|---|---:|---:|');
    for (const a of f.areas) {
      out.push(
        `| ${a.number} ${escapeMarkdown(a.title)} | ${a.questions.length} | ${formatNumber(a.max, lang)} |`,
      );
    }
  }
  return out.join('\n');
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57).trimEnd()}…` : s;
}
