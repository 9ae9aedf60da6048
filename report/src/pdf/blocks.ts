/** Each block of the report's structure laid out on the page, in the order the structure gives. */

import type { NumberLanguage } from '../../../grammar/src/index';
import type {
  Block,
  ColumnsBlock,
  HeadingBlock,
  ListBlock,
  NoteBlock,
  ParagraphBlock,
  Run,
  ScoreBlock,
} from '../document';
import { figure, figureHeight } from './charts';
import type { Flow } from './flow';
import { color, margin, pageHeight, size, width } from './style';
import { keyValue, table } from './tables';
import { drawRuns, hang, heading, listItem, paragraph, runsHeight, textBlock } from './text';

/** What a block needs to know of the document around it. */
export interface BlockContext {
  lang: NumberLanguage;
  /** Called where a table of contents goes; it is drawn there once every page is known. */
  contents: (entries: import('../view').ContentsEntry[]) => void;
}

/** Lays out the blocks of a part; a chart is kept on one page with the chart after it when both fit. */
export function blocks(f: Flow, list: readonly Block[], ctx: BlockContext): void {
  list.forEach((b, i) => {
    const next = list[i + 1];
    if (b.kind === 'figure' && next?.kind === 'figure') {
      const both = figureHeight(f, b) + figureHeight(f, next);
      if (both <= pageHeight) f.ensure(both);
    }
    block(f, b, ctx);
  });
}

function block(f: Flow, b: Block, ctx: BlockContext): void {
  switch (b.kind) {
    case 'heading':
      heading(f, b.number ? `${b.number}  ${b.text}` : b.text, b.level);
      return;
    case 'paragraph':
      styledParagraph(f, b);
      return;
    case 'text':
      textBlock(f, b.source, b.level);
      return;
    case 'keyValue':
      keyValue(f, b);
      return;
    case 'table':
      table(f, b);
      return;
    case 'list':
      list(f, b);
      return;
    case 'figure':
      figure(f, b, ctx.lang);
      // A trend's lines carry no numbers: its table follows it (other charts have theirs beside).
      if (b.chart === 'trend') table(f, b.table);
      return;
    case 'note':
      note(f, b);
      return;
    case 'contents':
      ctx.contents(b.entries);
      return;
    case 'columns':
      columns(f, b, ctx);
      return;
    case 'score':
      score(f, b);
      return;
  }
}

function styledParagraph(f: Flow, b: ParagraphBlock): void {
  const d = f.doc;
  const text = b.runs.map((r) => r.text).join('');
  switch (b.style) {
    case 'kicker':
      d.y = Math.max(d.y, margin.top + 40);
      f.text(text, { font: 'bold', size: 20, color: color.accent });
      d.moveDown(2.5);
      return;
    case 'label':
      f.text(text.toUpperCase(), { size: 11, color: color.muted, characterSpacing: 1.5 });
      d.moveDown(0.4);
      return;
    case 'title':
      f.text(text, { font: 'bold', size: 28 });
      // A comparison's title is followed by its table, not by a year: keep them apart.
      d.moveDown(0.4);
      return;
    case 'year':
      f.text(text, { size: 18 });
      d.moveDown(2.5);
      return;
    case 'total':
      totalBox(f, b.runs);
      return;
    case 'lead':
      paragraph(f, b.runs, { size: 11 });
      return;
    default:
      paragraph(f, b.runs);
      return;
  }
}

/** The total in a box with an accent bar: said once, as the structure words it. */
function totalBox(f: Flow, runs: readonly Run[]): void {
  const d = f.doc;
  const inner = width - 32;
  const h = runsHeight(f, runs, inner, 14) + 20;
  f.ensure(h + 12);
  if (!f.atTop()) d.y += 4;
  const y = d.y;
  f.tags.artifact(() => {
    d.rect(margin.left, y, width, h).fillColor(color.box).fill();
    d.rect(margin.left, y, 5, h).fillColor(color.accent).fill();
  });
  d.y = y + 10;
  f.tags.leaf('P', () => drawRuns(f, runs, { x: margin.left + 18, width: inner, size: 14 }));
  d.y = y + h + 10;
}

function list(f: Flow, b: ListBlock): void {
  f.tags.group('L', () => {
    for (const item of b.items)
      listItem(f, '•', item, {
        x: margin.left + hang,
        width: width - hang,
        ...(b.role === 'problems' ? { size: size.small } : {}),
      });
  });
  f.doc.moveDown(0.3);
}

function note(f: Flow, b: NoteBlock): void {
  const tone = b.tone === 'error' ? color.error : b.tone === 'missing' ? color.warn : color.muted;
  paragraph(f, [{ text: b.text, italic: true }], { color: tone });
}

/**
 * Strengths beside improvements: each column a heading and a list, side by side when they fit on
 * a page, read column by column; otherwise one after the other.
 */
function columns(f: Flow, b: ColumnsBlock, ctx: BlockContext): void {
  const d = f.doc;
  const gap = 16;
  const colWidth = (width - gap * (b.columns.length - 1)) / b.columns.length;
  const simple = b.columns.every(
    (c) => c.length === 2 && c[0]!.kind === 'heading' && c[1]!.kind === 'list',
  );
  const heightOf = (c: Block[]) => {
    const l = c[1] as ListBlock;
    f.look('bold', size.h3);
    let h = d.heightOfString((c[0] as HeadingBlock).text, { width: colWidth }) + 14;
    for (const item of l.items)
      h += runsHeight(f, item, colWidth - hang) + d.currentLineHeight() * 0.3 + 2;
    return h;
  };
  const tallest = simple ? Math.max(...b.columns.map(heightOf)) : Number.POSITIVE_INFINITY;
  if (tallest > pageHeight) {
    for (const c of b.columns) blocks(f, c, ctx);
    return;
  }
  f.ensure(tallest + 16);
  if (!f.atTop()) d.moveDown(0.6);
  const top = d.y;
  let end = top;
  b.columns.forEach((c, i) => {
    const x = margin.left + i * (colWidth + gap);
    const h = c[0] as HeadingBlock;
    const l = c[1] as ListBlock;
    d.y = top;
    f.tags.leaf(`H${h.level}`, () =>
      f.look('bold', size.h3).text(h.text, x, top, { width: colWidth }),
    );
    f.tags.artifact(() =>
      d
        .moveTo(x, d.y + 2)
        .lineTo(x + colWidth, d.y + 2)
        .lineWidth(0.8)
        .strokeColor(color.border)
        .stroke(),
    );
    d.y += 8;
    f.tags.group('L', () => {
      for (const item of l.items) listItem(f, '•', item, { x: x + hang, width: colWidth - hang });
    });
    end = Math.max(end, d.y);
  });
  d.x = margin.left;
  d.y = end + 6;
}

/** The score box of an area: its topics as a list on the left, the score on the right. */
function score(f: Flow, b: ScoreBlock): void {
  const d = f.doc;
  const right = 110;
  const inner = width - right - 24 - hang;
  const topics = b.topics.reduce((h, t) => h + runsHeight(f, [{ text: t }], inner) + 3, 0);
  const height = Math.max(70, 30 + topics + 8);
  f.ensure(height + 10);
  const y = d.y + 2;
  f.tags.artifact(() => {
    d.rect(margin.left, y, width, height).fillColor(color.box).fill();
    d.rect(margin.left, y, width, height).lineWidth(0.8).strokeColor(color.border).stroke();
    d.moveTo(margin.left + width - right, y)
      .lineTo(margin.left + width - right, y + height)
      .stroke();
  });
  if (b.topics.length > 0) {
    f.tags.leaf('P', () =>
      f.look('bold', size.h3).text(b.topicsLabel, margin.left + 12, y + 8, { width: inner }),
    );
    d.y += 2;
    f.tags.group('L', () => {
      for (const t of b.topics)
        listItem(f, '•', [{ text: t }], { x: margin.left + 12 + hang, width: inner });
    });
  }
  const cx = margin.left + width - right;
  f.tags.leaf('P', () => {
    f.look('regular', size.small, color.muted).text(b.label, cx, y + 10, {
      width: right,
      align: 'center',
    });
    f.look('bold', b.missing ? 14 : 24, b.missing ? color.warn : color.fg).text(
      b.score,
      cx,
      y + 24,
      { width: right, align: 'center' },
    );
    f.look('regular', size.small, color.muted).text(b.of, cx, d.y, {
      width: right,
      align: 'center',
    });
  });
  d.x = margin.left;
  d.y = y + height + 10;
}
