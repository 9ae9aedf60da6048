/**
 * The report as PDF (A4), drawn with pdfkit: title page, contents with page numbers, the
 * charts from chart.ts, tables that break between rows and repeat their header, and page
 * numbers. Only the embedded DejaVu fonts are used (fonts.ts).
 */

import PDFDocument from 'pdfkit';
import type { Analysis, AreaResult, EvaluationResult } from '../../grammar/src/index';
import { formatNumber, formatPercent } from '../../grammar/src/index';
import { aboutText, figure, languageTags, reportTitle } from './build';
import {
  type BarGeometry,
  barGeometry,
  type ChartData,
  type ChartSeries,
  chartData,
  type RadarGeometry,
  radarGeometry,
} from './chart';
import { parseFonts } from './fonts';
import { formatDateRange, type Labels, labelsFor } from './labels';
import { type InlineRun, markdownBlocks } from './markdown-text';
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

type Doc = PDFKit.PDFDocument;

const A4: [number, number] = [595.28, 841.89];
const margin = { top: 62, bottom: 64, left: 56, right: 56 };
const width = A4[0] - margin.left - margin.right;
const color = {
  fg: '#1b1f24',
  muted: '#5b6470',
  border: '#c7ccd3',
  head: '#eef1f5',
  box: '#f6f8fa',
  accent: '#1d5fa6',
  error: '#b3261e',
  warn: '#9a5b00',
};
const size = { body: 10, small: 8.5, h1: 28, h2: 17, h3: 13.5, h4: 11 };

/** Renders the report as a PDF document with the fonts given as bytes (`options.fonts`). */
export async function renderPdf(
  analysis: Analysis,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  if (!options.fonts) {
    throw new Error(
      'The PDF needs the report fonts: pass `fonts` (report/src/index.ts reads them in Node).',
    );
  }
  const fonts = parseFonts(options.fonts);
  const first = analysis.evaluations[0];
  const labels = labelsFor(first?.language ?? analysis.messageLanguage);
  const info: PDFKit.DocumentInfo = {
    Title: reportTitle(first),
    Creator: 'Kompass',
    Producer: 'Kompass',
  };
  if (first?.evaluators.length) info.Author = first.evaluators.join(', ');
  if (options.generatedAt) info.CreationDate = options.generatedAt;
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    info,
    lang: languageTags[labels.lang],
    displayTitle: true,
    // Tagged: a structure tree (headings, tables, lists, figures with alternative text) that
    // assistive technology reads in the order the pages show; page furniture is marked artifact.
    tagged: true,
    pdfVersion: '1.7',
    // Without `font: null` pdfkit would load Helvetica from its data files, which a bundle cannot reach.
    font: null as unknown as string,
  });
  // pdfkit takes a parsed fontkit font as a source too (its types only list files and buffers).
  for (const face of ['regular', 'bold', 'italic'] as const)
    doc.registerFont(face, fonts[face] as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('regular');
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const w = new Writer(doc);
  w.startStructure();
  const list = problems(analysis, options.sourceText);
  if (list.length > 0) w.problems(list, labels);
  if (analysis.evaluations.length === 0) w.paragraph([{ text: labels.noEvaluation }]);
  analysis.evaluations.forEach((e, i) => {
    if (i > 0 || (list.length > 0 && doc.y > A4[1] / 2)) w.newPage();
    evaluationPdf(w, e, options);
  });
  w.pageNumbers(labelsFor(first?.language ?? analysis.messageLanguage), first);
  w.endStructure();
  doc.end();
  await ended;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function evaluationPdf(w: Writer, e: EvaluationResult, options: ReportOptions): void {
  const labels = labelsFor(e.language);
  const doc = w.doc;
  const n = (x: number, group = false) => formatNumber(x, labels.lang, { group });
  const outline = doc.outline.addItem(e.name);

  // Title page
  w.skipPageNumber.add(w.page());
  doc.y = Math.max(doc.y, margin.top + 40);
  w.text(kicker(e), { font: 'bold', size: 20, color: color.accent });
  doc.moveDown(2.5);
  w.text(labels.analysisOf.toUpperCase(), { size: 11, color: color.muted, characterSpacing: 1.5 });
  doc.moveDown(0.4);
  w.text(e.name, { font: 'bold', size: size.h1 });
  const year = yearOf(e);
  if (year) w.text(year, { size: 18 });
  doc.moveDown(2.5);
  const meta: [string, string][] = [];
  if (e.evaluators.length) meta.push([labels.evaluators, e.evaluators.join(', ')]);
  if (e.organisation) meta.push([labels.organisation, e.organisation]);
  if (e.dateFrom) meta.push([labels.date, formatDateRange(e.dateFrom, e.dateTo, labels)]);
  if (e.round !== undefined) meta.push([labels.round, n(e.round)]);
  const fw = frameworkTitle(e);
  if (fw) meta.push([labels.framework, fw]);
  if (options.generatedAt)
    meta.push([labels.generated, options.generatedAt.toISOString().slice(0, 10)]);
  for (const [k, v] of meta) {
    const y = doc.y;
    w.text(k, { size: 10.5, color: color.muted, x: margin.left, y, width: 120 });
    const after = doc.y;
    w.text(v, { size: 10.5, x: margin.left + 130, y, width: width - 130 });
    doc.y = Math.max(after, doc.y) + 4;
  }

  // Contents: its page is kept now and filled in when every section's page is known.
  w.newPage();
  const contentsPage = w.page();
  // Filled in last, but placed here in the structure tree, where the page is read.
  const contentsEl = w.element('Sect');
  const entries = contents(e, labels);
  const pages = new Map<string, number>();
  const num = (part: string) => entries.find((x) => x.part === part)?.number;
  const section = (part: string, title: string) => {
    w.newPage();
    pages.set(part, w.page());
    const number = num(part);
    outline.addItem(number ? `${number} ${title}` : title);
    w.heading(number ? `${number}  ${title}` : title, 2);
  };

  section('about', labels.about);
  for (const p of aboutText(e, labels)) w.paragraph([{ text: p }]);

  section('summary', labels.summaryOf(e.name));
  w.totalBox(
    `${n(e.total)}/${n(e.max)}`,
    `${labels.points} · ${formatPercent(e.percent, labels.lang)}`,
  );
  if (e.summary) w.markdown(e.summary, 3);
  const data = chartData(e);
  const others = data.series.slice(1);
  w.heading(labels.results, 3);
  const otherWidth = others.length ? Math.min(110, (width - 300) / others.length) : 0;
  const areaCols: Column[] = [
    { width: width - 150 - otherWidth * others.length },
    { width: 48, align: 'right' },
    { width: 44, align: 'right' },
    { width: 58, align: 'right' },
    ...others.map(() => ({ width: otherWidth, align: 'right' as const })),
  ];
  w.table(
    areaCols,
    [labels.area, labels.score, labels.max, labels.percent, ...others.map((s) => s.name)],
    areaRows(e).map((row) => {
      const axis = data.axes.findIndex((a) => a.number === row.number);
      return [
        `${row.number}. ${row.title}`,
        scoreCell(row.score, labels),
        n(row.max),
        formatPercent(row.percent, labels.lang),
        ...others.map((s) => scoreCell(axis >= 0 ? s.scores[axis] : undefined, labels)),
      ];
    }),
    [
      labels.total,
      n(e.total),
      n(e.max),
      formatPercent(e.percent, labels.lang),
      ...e.comparisons.filter((c) => c.target).map((c) => n(c.target!.total)),
    ],
  );
  if (data.axes.length >= 3) w.radar(data, labels);
  w.bars(data, labels);
  const failed = e.comparisons.filter((c) => !c.target);
  if (failed.length)
    w.paragraph([
      {
        text: `${labels.comparisons}: ${failed.map((c) => `${c.path} ${labels.comparisonProblem}`).join('; ')}`,
        italic: true,
      },
    ]);

  const rows = areaRows(e);
  let areasItem: PDFKit.PDFOutline | undefined;
  if (rows.length) {
    rows.forEach((row, i) => {
      w.newPage();
      if (i === 0) {
        pages.set('areas', w.page());
        const number = num('areas');
        const item = outline.addItem(number ? `${number} ${labels.areas}` : labels.areas);
        w.heading(number ? `${number}  ${labels.areas}` : labels.areas, 2);
        areasItem = item;
      }
      pages.set(`area-${row.number}`, w.page());
      areasItem?.addItem(`${labels.areaNumber(row.number)} ${row.title}`);
      areaPdf(w, row.area, row.number, row.title, row.max, labels);
    });
  }
  if (num('overview')) {
    section('overview', labels.overview);
    w.paragraph([{ text: labels.overviewIntro }]);
    for (const a of e.areas)
      if (a.questions.length || a.missingQuestions.length) {
        w.ensure(60);
        w.questionTable(a, labels, `${a.number}. ${a.title}`);
      }
    w.totalBox(
      `${n(e.total)}/${n(e.max)}`,
      `${labels.total} · ${formatPercent(e.percent, labels.lang)}`,
    );
  }
  if (num('facts')) {
    section('facts', labels.factsAbout(e.name));
    w.table(
      [{ width: width * 0.4, bold: true, fill: color.head }, { width: width * 0.6 }],
      undefined,
      e.facts.map((f) => [f.label, typeof f.value === 'number' ? n(f.value, true) : f.value]),
    );
  }
  const after = w.page();
  w.goTo(contentsPage);
  w.within(contentsEl, () => {
    w.heading(labels.contents, 2);
    w.contents(entries, pages);
  });
  contentsEl.end();
  w.goTo(after);
}

function areaPdf(
  w: Writer,
  a: AreaResult | undefined,
  number: number,
  title: string,
  max: number,
  labels: Labels,
): void {
  const n = (x: number) => formatNumber(x, labels.lang);
  w.heading(`${labels.areaNumber(number)}  ${title}`, 3);
  const score =
    a?.score === undefined
      ? { big: labels.missing, small: `${labels.max} ${n(max)}`, missing: true }
      : {
          big: n(a.score),
          small: `/${n(max)} · ${formatPercent(a.percent, labels.lang)}`,
          missing: false,
        };
  w.scoreBox(labels.headings, a?.headings ?? [], labels.score, score);
  if (!a) {
    w.paragraph([{ text: labels.missingArea, italic: true }], { color: color.warn });
    return;
  }
  if (a.intro) {
    w.heading(labels.intro, 4);
    w.markdown(a.intro, 5);
  }
  for (const s of a.sections) {
    w.heading(s.heading, 4);
    w.markdown(s.text, 5);
  }
  if (a.strengths.length || a.improvements.length) {
    const count = Math.max(a.strengths.length, a.improvements.length);
    const pairs: Cell[][] = [];
    for (let i = 0; i < count; i++) {
      const s = a.strengths[i];
      const m = a.improvements[i];
      pairs.push([s === undefined ? '' : `•  ${s}`, m === undefined ? '' : `•  ${m}`]);
    }
    w.ensure(60);
    w.doc.moveDown(0.4);
    w.table(
      [{ width: width / 2 }, { width: width / 2 }],
      [labels.strengths, labels.improvements],
      pairs,
      undefined,
      {
        borders: false,
        asLists: true,
      },
    );
  }
  if (a.examples.length) {
    w.heading(labels.examples, 4);
    const list = w.element('L');
    w.within(list, () => {
      for (const x of a.examples)
        w.paragraph(
          [{ text: x.municipality, bold: true }, ...(x.note ? [{ text: ` – ${x.note}` }] : [])],
          { marker: '•' },
        );
    });
    list.end();
  }
  if (a.questions.length || a.missingQuestions.length) {
    w.heading(labels.questions, 4);
    w.questionTable(a, labels);
  }
}

function scoreCell(value: number | undefined, labels: Labels): Cell {
  return value === undefined
    ? { text: labels.missing, italic: true, color: color.warn }
    : formatNumber(value, labels.lang);
}

/** A table cell: text, optionally styled. */
type Cell = string | { text: string; bold?: boolean; italic?: boolean; color?: string };

interface Column {
  width: number;
  align?: 'left' | 'right' | 'center';
  bold?: boolean;
  fill?: string;
}

interface TextStyle {
  font?: 'regular' | 'bold' | 'italic';
  size?: number;
  color?: string;
  x?: number;
  y?: number;
  width?: number;
  align?: 'left' | 'right' | 'center';
  characterSpacing?: number;
}

/** The page layout on top of pdfkit: headings, paragraphs, boxes, tables and charts, page by page. */
class Writer {
  /** Pages (0-based) that get no page number: the title pages. */
  readonly skipPageNumber = new Set<number>();
  private readonly bottom = A4[1] - margin.bottom;

  private parents: PDFKit.PDFStructureElement[] = [];
  private textType = 'P';

  constructor(readonly doc: Doc) {}

  startStructure(): void {
    const root = this.doc.struct('Document');
    this.doc.addStructure(root);
    this.parents = [root];
  }

  endStructure(): void {
    while (this.parents.length > 0) this.parents.pop()!.end();
  }

  private get parent(): PDFKit.PDFStructureElement {
    return this.parents[this.parents.length - 1]!;
  }

  /** Adds an empty element (`L`, `Table`, `TR`) under the current one; filled by `within`. */
  element(
    type: string,
    options: PDFKit.Mixins.StructureElementOptions = {},
  ): PDFKit.PDFStructureElement {
    const el = this.doc.struct(type, options);
    this.parent.add(el);
    return el;
  }

  /** Runs `fill` with `el` as the parent of the content it draws. */
  within(el: PDFKit.PDFStructureElement, fill: () => void): void {
    this.parents.push(el);
    try {
      fill();
    } finally {
      this.parents.pop();
    }
  }

  /** Draws content as one structure element of `type` under `parent` (the current one by default). */
  leaf(
    type: string,
    draw: () => void,
    options: PDFKit.Mixins.StructureElementOptions = {},
    parent: PDFKit.PDFStructureElement = this.parent,
  ): void {
    const el = this.doc.struct(type, options);
    parent.add(el);
    el.add(this.doc.markStructureContent(type));
    draw();
    this.doc.endMarkedContent();
    el.end();
  }

  /** Draws page furniture (rules, fills, borders, running heads) outside the structure tree. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage(): void {
    this.doc.addPage();
  }

  goTo(page: number): void {
    this.doc.switchToPage(page);
    this.doc.x = margin.left;
    this.doc.y = margin.top;
  }

  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  text(s: string, style: TextStyle = {}): void {
    const d = this.doc;
    d.font(style.font ?? 'regular')
      .fontSize(style.size ?? size.body)
      .fillColor(style.color ?? color.fg);
    const opts: PDFKit.Mixins.TextOptions = {
      width: style.width ?? width,
      align: style.align ?? 'left',
    };
    if (style.characterSpacing) opts.characterSpacing = style.characterSpacing;
    this.leaf(this.textType, () => {
      if (style.x !== undefined) d.text(s, style.x, style.y ?? d.y, opts);
      else d.text(s, margin.left, d.y, opts);
    });
    d.x = margin.left;
  }

  /** A heading drawn at `level` (2 parts … 5), tagged H1–H3 by the same rank unless `tag` says otherwise. */
  heading(s: string, level: 2 | 3 | 4 | 5 | 6, tag?: string): void {
    const fontSize =
      level === 2 ? size.h2 : level === 3 ? size.h3 : level === 4 ? size.h4 : size.body;
    this.doc.font('bold').fontSize(fontSize);
    const h = this.doc.heightOfString(s, { width });
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(h + 50);
    if (this.doc.y > margin.top + 1) this.doc.moveDown(level <= 3 ? 0.8 : 0.5);
    this.textType = tag ?? (level === 2 ? 'H1' : level === 3 ? 'H2' : level === 4 ? 'H3' : 'H4');
    this.text(s, { font: 'bold', size: fontSize, color: level === 2 ? color.accent : color.fg });
    this.textType = 'P';
    if (level === 2) this.rule(2, 1.5, color.accent);
    else this.doc.moveDown(0.3);
  }

  paragraph(
    runs: InlineRun[],
    opts: { indent?: number; marker?: string; color?: string; size?: number } = {},
  ): void {
    if (runs.length === 0) return;
    const d = this.doc;
    const fontSize = opts.size ?? size.body;
    const indent = (opts.indent ?? 0) * 14 + (opts.marker ? 14 : 0);
    d.fontSize(fontSize);
    this.ensure(d.currentLineHeight(true) * 2);
    const y = d.y;
    this.leaf(opts.marker ? 'LI' : 'P', () => {
      if (opts.marker) {
        d.font('regular')
          .fillColor(opts.color ?? color.fg)
          .text(opts.marker, margin.left + indent - 14, y, { width: 14, lineBreak: false });
        d.y = y;
      }
      runs.forEach((r, i) => {
        d.font(r.bold ? 'bold' : r.italic ? 'italic' : 'regular').fillColor(
          r.link ? color.accent : (opts.color ?? color.fg),
        );
        const o: PDFKit.Mixins.TextOptions = {
          continued: i < runs.length - 1,
          lineGap: 1.5,
          link: r.link ?? null,
          underline: Boolean(r.link),
        };
        if (i === 0) {
          o.width = width - indent;
          d.text(r.text, margin.left + indent, y, o);
        } else d.text(r.text, o);
      });
    });
    d.x = margin.left;
    d.moveDown(0.45);
  }

  /** A text block; its `#` headings are tagged one rank below `headingLevel` (the HTML's level). */
  markdown(text: string, headingLevel: number): void {
    let list: PDFKit.PDFStructureElement | undefined;
    const endList = () => {
      list?.end();
      list = undefined;
    };
    for (const b of markdownBlocks(text)) {
      if (b.kind === 'paragraph' && b.marker) {
        list ??= this.element('L');
        const o: { indent: number; marker: string } = {
          indent: Math.max(0, b.indent - 1),
          marker: b.marker,
        };
        this.within(list, () => this.paragraph(b.runs, o));
        continue;
      }
      endList();
      if (b.kind === 'heading')
        this.heading(
          b.runs.map((r) => r.text).join(''),
          b.level <= 1 ? 4 : 5,
          `H${Math.min(6, headingLevel - 2 + b.level)}`,
        );
      else if (b.kind === 'paragraph') {
        const o: { indent: number; marker?: string } = {
          indent: Math.max(0, b.indent - (b.marker ? 1 : 0)),
        };
        if (b.marker) o.marker = b.marker;
        this.paragraph(b.runs, o);
      } else if (b.kind === 'code')
        this.paragraph([{ text: b.text, code: true }], { indent: b.indent + 1, size: size.small });
      else {
        this.ensure(12);
        this.rule(4, 0.5, color.border);
      }
    }
    endList();
  }

  problems(list: Problem[], labels: Labels): void {
    const d = this.doc;
    const top = d.y;
    const startPage = this.page();
    d.y += 8;
    this.text(labels.problems, {
      font: 'bold',
      size: size.h4,
      color: color.error,
      x: margin.left + 12,
      width: width - 24,
    });
    d.moveDown(0.2);
    if (list.some((p) => p.severity === 'error'))
      this.text(labels.problemsIntro, { x: margin.left + 12, width: width - 24, size: size.small });
    d.moveDown(0.3);
    for (const p of list) {
      const where = p.line === undefined ? '' : ` ${labels.line} ${p.line}:`;
      d.font('bold')
        .fontSize(size.small)
        .fillColor(p.severity === 'error' ? color.error : color.warn);
      d.text(`${labels[p.severity]} ${p.code}`, margin.left + 12, d.y, {
        width: width - 24,
        continued: true,
      });
      d.font('regular').fillColor(color.fg).text(`${where} ${p.message}`);
    }
    d.y += 8;
    // The frame is drawn only when the list fits on the page it started on.
    if (d.y > top && this.page() === startPage)
      d.rect(margin.left, top, width, d.y - top)
        .lineWidth(1)
        .strokeColor(color.error)
        .stroke();
    d.x = margin.left;
    d.moveDown(1);
  }

  totalBox(big: string, small: string): void {
    const d = this.doc;
    this.ensure(50);
    const y = d.y + 4;
    this.artifact(() => {
      d.rect(margin.left, y, width, 40).fillColor(color.box).fill();
      d.rect(margin.left, y, 5, 40).fillColor(color.accent).fill();
    });
    this.leaf('P', () => {
      d.font('bold')
        .fontSize(20)
        .fillColor(color.fg)
        .text(big, margin.left + 16, y + 9, { lineBreak: false });
      const bigWidth = d.widthOfString(big);
      d.font('regular')
        .fontSize(size.body)
        .fillColor(color.muted)
        .text(small, margin.left + 30 + bigWidth, y + 16, { lineBreak: false });
    });
    d.x = margin.left;
    d.y = y + 52;
  }

  scoreBox(
    headingsLabel: string,
    headings: string[],
    scoreLabel: string,
    score: { big: string; small: string; missing: boolean },
  ): void {
    const d = this.doc;
    const right = 110;
    const inner = width - right - 24;
    d.font('regular').fontSize(size.body);
    const listH = headings.reduce(
      (h, x) => h + d.heightOfString(`•  ${x}`, { width: inner }) + 1,
      0,
    );
    const height = Math.max(70, 30 + listH + 8);
    this.ensure(height + 10);
    const y = d.y + 2;
    this.artifact(() => {
      d.rect(margin.left, y, width, height).fillColor(color.box).fill();
      d.rect(margin.left, y, width, height).lineWidth(0.8).strokeColor(color.border).stroke();
      d.moveTo(margin.left + width - right, y)
        .lineTo(margin.left + width - right, y + height)
        .stroke();
    });
    this.leaf('P', () =>
      d
        .font('bold')
        .fontSize(size.h4)
        .fillColor(color.fg)
        .text(headingsLabel, margin.left + 12, y + 8, { width: inner }),
    );
    d.font('regular').fontSize(size.body);
    const list = this.element('L');
    for (const x of headings) {
      this.leaf(
        'LI',
        () => d.text(`•  ${x}`, margin.left + 12, d.y + 1, { width: inner }),
        {},
        list,
      );
    }
    list.end();
    const cx = margin.left + width - right;
    this.leaf('P', () => {
      d.font('regular')
        .fontSize(size.small)
        .fillColor(color.muted)
        .text(scoreLabel, cx, y + 10, { width: right, align: 'center' });
      d.font('bold')
        .fontSize(score.missing ? 14 : 24)
        .fillColor(score.missing ? color.warn : color.fg)
        .text(score.big, cx, y + 24, { width: right, align: 'center' });
      d.font('regular')
        .fontSize(size.small)
        .fillColor(color.muted)
        .text(score.small, cx, d.y, { width: right, align: 'center' });
    });
    d.x = margin.left;
    d.y = y + height + 10;
  }

  questionTable(a: AreaResult, labels: Labels, caption?: string): void {
    const n = (x: number) => formatNumber(x, labels.lang);
    const cols: Column[] = [
      { width: 34 },
      { width: width - 34 - 150 },
      { width: 55, align: 'right' },
      { width: 40, align: 'right' },
      { width: 55, align: 'right' },
    ];
    const rows: Cell[][] = questionRows(a).map((q) => [
      q.id,
      q.missing ? { text: q.title, color: color.muted } : q.title,
      q.points === undefined
        ? { text: labels.missing, italic: true, color: color.warn }
        : n(q.points),
      q.max === undefined ? '–' : n(q.max),
      formatPercent(q.percent, labels.lang),
    ]);
    this.table(
      cols,
      ['', caption ?? labels.question, labels.achieved, labels.max, labels.percent],
      rows,
      [
        '',
        labels.total,
        a.score === undefined
          ? { text: labels.missing, italic: true, color: color.warn }
          : n(a.score),
        n(a.max),
        formatPercent(a.percent, labels.lang),
      ],
    );
  }

  /** A table whose rows never split; on a page break the header row is drawn again. */
  table(
    cols: Column[],
    header: string[] | undefined,
    rows: Cell[][],
    footer?: Cell[],
    opts: { borders?: boolean; asLists?: boolean } = {},
  ): void {
    const d = this.doc;
    const pad = 4;
    const borders = opts.borders ?? true;
    // Columns of lists side by side (strengths, improvements) are tagged as a heading and a list
    // each, in reading order; anything else as a table of rows with header cells.
    const columnParts = opts.asLists
      ? cols.map(() => ({ heading: this.element('H3'), list: this.element('L') }))
      : undefined;
    const tableEl = columnParts ? undefined : this.element('Table');
    let headerDrawn = false;
    const cell = (c: Cell) => (typeof c === 'string' ? { text: c } : c);
    const heightOf = (row: Cell[], bold: boolean) =>
      Math.max(
        ...row.map((c, i) => {
          const x = cell(c);
          d.font(
            bold || x.bold || cols[i]?.bold ? 'bold' : x.italic ? 'italic' : 'regular',
          ).fontSize(size.body - 0.5);
          return d.heightOfString(x.text || ' ', { width: cols[i]!.width - 2 * pad }) + 2 * pad;
        }),
      );
    const draw = (row: Cell[], kind: 'header' | 'body' | 'footer') => {
      const bold = kind !== 'body';
      const h = heightOf(row, bold);
      const y = d.y;
      let x = margin.left;
      // A header row drawn again after a page break is a repetition, not content.
      const repeated = kind === 'header' && headerDrawn;
      if (kind === 'header') headerDrawn = true;
      const rowEl = tableEl && !repeated ? this.doc.struct('TR') : undefined;
      if (rowEl) tableEl!.add(rowEl);
      // The row's fills and borders in one artifact, then its cells as content.
      this.artifact(() => {
        let bx = margin.left;
        for (const col of cols.slice(0, row.length)) {
          const fill = kind !== 'body' ? (borders ? color.head : undefined) : col.fill;
          if (fill) d.rect(bx, y, col.width, h).fillColor(fill).fill();
          if (borders)
            d.rect(bx, y, col.width, h).lineWidth(0.5).strokeColor(color.border).stroke();
          bx += col.width;
        }
      });
      row.forEach((c, i) => {
        const col = cols[i]!;
        const t = cell(c);
        const text = () =>
          d
            .font(bold || t.bold || col.bold ? 'bold' : t.italic ? 'italic' : 'regular')
            .fontSize(size.body - 0.5)
            .fillColor(t.color ?? color.fg)
            .text(t.text, x + pad, y + pad, {
              width: col.width - 2 * pad,
              align: col.align ?? 'left',
            });
        const part = columnParts?.[i];
        if (repeated) this.artifact(text);
        else if (part && kind === 'header') this.leaf('H3', text, {}, part.heading);
        else if (part) {
          if (t.text) this.leaf('LI', text, {}, part.list);
        } else this.leaf(kind === 'header' || col.bold ? 'TH' : 'TD', text, {}, rowEl);
        x += col.width;
      });
      rowEl?.end();
      if (!borders && kind === 'header') {
        this.artifact(() =>
          d
            .moveTo(margin.left, y + h)
            .lineTo(margin.left + width, y + h)
            .lineWidth(0.8)
            .strokeColor(color.border)
            .stroke(),
        );
      }
      d.x = margin.left;
      d.y = y + h;
    };
    const first = rows[0];
    const headH = header ? heightOf(header, true) : 0;
    if (d.y + headH + (first ? heightOf(first, false) : 0) > this.bottom) this.newPage();
    if (header) draw(header, 'header');
    for (const row of rows) {
      if (d.y + heightOf(row, false) > this.bottom) {
        this.newPage();
        if (header) draw(header, 'header');
      }
      draw(row, 'body');
    }
    if (footer) {
      if (d.y + heightOf(footer, true) > this.bottom) this.newPage();
      draw(footer, 'footer');
    }
    tableEl?.end();
    for (const part of columnParts ?? []) {
      part.heading.end();
      part.list.end();
    }
    d.y += 10;
  }

  legend(series: ChartSeries[]): void {
    const d = this.doc;
    d.font('regular').fontSize(size.small);
    let x = margin.left;
    let y = d.y + 2;
    for (const s of series) {
      const w = 24 + d.widthOfString(s.name) + 18;
      if (x + w > margin.left + width) {
        x = margin.left;
        y += 14;
      }
      d.save();
      d.rect(x, y + 1, 18, 8)
        .fillOpacity(s.own ? 0.5 : 0.2)
        .fillColor(s.color)
        .fill();
      d.restore();
      if (!s.own) d.dash(3, { space: 2 });
      d.rect(x, y + 1, 18, 8)
        .lineWidth(1.2)
        .strokeColor(s.color)
        .stroke();
      d.undash();
      d.fillColor(color.fg).text(s.name, x + 24, y, { lineBreak: false });
      x += w;
    }
    d.x = margin.left;
    d.y = y + 20;
  }

  /** A horizontal line across the text width, `gap` below the current position. */
  private rule(gap: number, lineWidth: number, stroke: string): void {
    const y = this.doc.y + gap;
    this.artifact(() =>
      this.doc
        .moveTo(margin.left, y)
        .lineTo(margin.left + width, y)
        .lineWidth(lineWidth)
        .strokeColor(stroke)
        .stroke(),
    );
    this.doc.y = y + 8;
  }

  /** Makes room for a chart, writes its caption, and gives the origin of the drawing. */
  private chartStart(caption: string, height: number): { ox: number; oy: number } {
    const d = this.doc;
    this.ensure(height + 40);
    this.leaf('Caption', () =>
      d.font('italic').fontSize(size.small).fillColor(color.muted).text(caption, margin.left, d.y, {
        width,
      }),
    );
    return { ox: margin.left, oy: d.y + 4 };
  }

  radar(data: ChartData, labels: Labels): void {
    const g = radarGeometry(data, width);
    const { ox, oy } = this.chartStart(labels.profileRadar, g.height);
    this.leaf('Figure', () => this.drawRadar(data, g, ox, oy), {
      alt: figure('radar', data, labels).alt,
    });
  }

  private drawRadar(data: ChartData, g: RadarGeometry, ox: number, oy: number): void {
    const d = this.doc;
    const at = (p: [number, number]): [number, number] => [ox + p[0], oy + p[1]];
    d.lineWidth(0.6).strokeColor(color.border);
    for (const ring of g.rings) d.polygon(...ring.points.map(at)).stroke();
    for (const a of g.axes)
      d.moveTo(...at(g.center))
        .lineTo(...at(a.end))
        .stroke();
    d.font('regular').fontSize(6.5).fillColor(color.muted);
    for (const ring of g.rings)
      d.text(String(ring.percent), ...at([ring.label[0], ring.label[1] - 7]), { lineBreak: false });
    for (const p of g.polygons) {
      d.save();
      d.polygon(...p.points.map(at))
        .fillOpacity(p.series.own ? 0.22 : 0.06)
        .fillColor(p.series.color)
        .fill();
      d.restore();
      if (!p.series.own) d.dash(5, { space: 3 });
      d.polygon(...p.points.map(at))
        .lineWidth(p.series.own ? 2 : 1.5)
        .strokeColor(p.series.color)
        .stroke();
      d.undash();
    }
    d.font('regular').fontSize(7.5).fillColor(color.fg);
    for (const a of g.axes) {
      const box = 120;
      const x =
        a.anchor === 'start'
          ? a.label[0]
          : a.anchor === 'end'
            ? a.label[0] - box
            : a.label[0] - box / 2;
      a.lines.forEach((line, j) => {
        const [px, py] = at([x, a.label[1] - 8 + j * 10]);
        d.text(line, px, py, {
          width: box,
          align: a.anchor === 'start' ? 'left' : a.anchor === 'end' ? 'right' : 'center',
          lineBreak: false,
        });
      });
    }
    d.x = margin.left;
    d.y = oy + g.height;
    this.legend(data.series);
  }

  bars(data: ChartData, labels: Labels): void {
    const g = barGeometry(data, width);
    const { ox, oy } = this.chartStart(labels.profileBars, g.height);
    this.leaf('Figure', () => this.drawBars(data, g, ox, oy, labels), {
      alt: figure('bars', data, labels).alt,
    });
  }

  private drawBars(data: ChartData, g: BarGeometry, ox: number, oy: number, labels: Labels): void {
    const d = this.doc;
    d.lineWidth(0.5).strokeColor(color.border);
    d.font('regular').fontSize(6.5).fillColor(color.muted);
    for (const t of g.ticks) {
      d.moveTo(ox + t.x, oy)
        .lineTo(ox + t.x, oy + g.height - 14)
        .stroke();
      d.text(String(t.percent), ox + t.x - 10, oy + g.height - 10, {
        width: 20,
        align: 'center',
        lineBreak: false,
      });
    }
    for (const group of g.groups) {
      d.font('regular').fontSize(7.5).fillColor(color.fg);
      group.lines.forEach((line, j) => {
        d.text(line, ox, oy + group.labelY - 7 + j * 10, {
          width: g.left - 8,
          align: 'right',
          lineBreak: false,
        });
      });
      for (const b of group.bars) {
        d.save();
        d.rect(ox + b.x, oy + b.y, Math.max(b.w, 0.5), b.h)
          .fillOpacity(b.series.own ? 1 : 0.75)
          .fillColor(b.series.color)
          .fill();
        d.restore();
        if (b.value !== undefined) {
          d.font('regular')
            .fontSize(7)
            .fillColor(color.fg)
            .text(formatNumber(b.value, labels.lang), ox + b.x + b.w + 4, oy + b.y + 1.5, {
              lineBreak: false,
            });
        }
      }
    }
    d.x = margin.left;
    d.y = oy + g.height + 4;
    this.legend(data.series);
  }

  contents(entries: ContentsEntry[], pages: Map<string, number>): void {
    const d = this.doc;
    const toc = this.element('TOC');
    const line = (entry: ContentsEntry, depth: number) => {
      const page = pages.get(entry.part);
      const label = entry.number ? `${entry.number}  ${entry.title}` : entry.title;
      const x = margin.left + depth * 18;
      const y = d.y;
      d.font(depth === 0 ? 'bold' : 'regular')
        .fontSize(depth === 0 ? 11 : size.body)
        .fillColor(color.fg);
      let after = y;
      this.leaf(
        'TOCI',
        () => {
          d.text(label, x, y, { width: width - depth * 18 - 40 });
          after = d.y;
          if (page !== undefined)
            d.font('regular').text(String(page + 1), margin.left + width - 40, y, {
              width: 40,
              align: 'right',
            });
        },
        {},
        toc,
      );
      d.y = after + (depth === 0 ? 6 : 3);
      for (const child of entry.children) line(child, depth + 1);
    };
    for (const entry of entries) line(entry, 0);
    toc.end();
    d.x = margin.left;
  }

  pageNumbers(labels: Labels, e: EvaluationResult | undefined): void {
    const d = this.doc;
    const range = d.bufferedPageRange();
    const running = e ? `${kicker(e)} – ${e.name}${yearOf(e) ? ` ${yearOf(e)}` : ''}` : '';
    for (let i = range.start; i < range.start + range.count; i++) {
      if (this.skipPageNumber.has(i)) continue;
      d.switchToPage(i);
      // Writing inside the bottom margin would otherwise make pdfkit start a new page.
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0;
      const y = A4[1] - 40;
      d.markContent('Artifact', { type: 'Pagination' });
      d.moveTo(margin.left, y - 6)
        .lineTo(margin.left + width, y - 6)
        .lineWidth(0.5)
        .strokeColor(color.border)
        .stroke();
      d.font('regular').fontSize(size.small).fillColor(color.muted);
      d.text(running, margin.left, y, { width: width - 90, lineBreak: false });
      d.text(`${labels.page} ${i + 1} ${labels.of} ${range.count}`, margin.left + width - 90, y, {
        width: 90,
        align: 'right',
        lineBreak: false,
      });
      d.endMarkedContent();
      d.page.margins.bottom = bottom;
    }
  }
}
