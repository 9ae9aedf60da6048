/**
 * Tables: `Table` of `TR` rows with `TH` header cells and `TD` cells. Rows never split; after a
 * page break the header row is drawn again as an artifact (it was read once already). Column
 * widths follow the content: numbers as wide as they need, text columns share the rest.
 */

import type { Cell, KeyValueBlock, TableBlock } from '../document';
import { colorChange, colorOperators } from './colors';
import { contentSink } from './contentBuffer';
import { drawLine, number } from './fastText';
import type { Flow } from './flow';
import { bottom, color, type Face, margin, size, width } from './style';

/** Cell padding: 4 pt at the body's table size, less in the small type of a wide table. */
const padFor = (fontSize: number) => Math.round(fontSize * 42) / 100;

/** A cell as drawn. */
interface GridCell {
  text: string;
  face: Face;
  color: string;
  align: 'left' | 'right';
  span: number;
  tag: 'TH' | 'TD';
  /** What a header cell heads: its column (the header row) or its row (a label). */
  scope?: 'Column' | 'Row';
}

/** A row as drawn; `kind` sets its fill and whether it repeats after a page break. */
interface GridRow {
  cells: GridCell[];
  kind: 'head' | 'body' | 'foot';
}

interface Grid {
  widths: number[];
  rows: GridRow[];
  fontSize: number;
  borders: boolean;
  /** Fill of the first column's body cells (Kortfakta's labels). */
  keyFill?: string;
  caption?: string;
}

function cellOf(c: Cell, kind: GridRow['kind'], missingRow: boolean): GridCell {
  return {
    text: c.text,
    face: kind !== 'body' ? 'bold' : c.missing ? 'italic' : 'regular',
    color: c.missing ? color.warn : missingRow ? color.muted : color.fg,
    align: c.numeric ? 'right' : 'left',
    span: Math.max(1, c.span ?? 1),
    ...(kind === 'head' ? { tag: 'TH', scope: 'Column' } : { tag: 'TD' }),
  };
}

/** Lays out a table of the report. */
export function table(f: Flow, t: TableBlock): void {
  const rows: GridRow[] = [
    { kind: 'head', cells: t.head.map((c) => cellOf(c, 'head', false)) },
    ...t.rows.map(
      (r): GridRow => ({
        kind: 'body',
        cells: r.cells.map((c) => cellOf(c, 'body', Boolean(r.missing))),
      }),
    ),
  ];
  if (t.foot) rows.push({ kind: 'foot', cells: t.foot.cells.map((c) => cellOf(c, 'foot', false)) });
  // The caption is drawn unless a header cell already says it (the overview's question tables).
  const said = t.head.some((c) => c.text === t.caption);
  // A wide table (a comparison of many areas) gets smaller type before its header words break.
  let fontSize: number = size.table;
  let widths = columnWidths(f, rows, fontSize, true);
  while (!widths && fontSize > 6.5) {
    fontSize -= 0.5;
    widths = columnWidths(f, rows, fontSize, true);
  }
  if (!widths) widths = columnWidths(f, rows, fontSize, false);
  const grid: Grid = {
    widths: widths ?? evenWidths(rows),
    rows,
    fontSize,
    borders: true,
  };
  if (t.showCaption && !said) grid.caption = t.caption;
  drawGrid(f, grid);
}

/** Label and value pairs as a table of row headers: the title page's facts, Kortfakta. */
export function keyValue(f: Flow, b: KeyValueBlock): void {
  const rows: GridRow[] = b.rows.map((r) => ({
    kind: 'body',
    cells: [
      {
        text: r.key,
        face: b.role === 'facts' ? 'bold' : 'regular',
        color: b.role === 'facts' ? color.fg : color.muted,
        align: 'left',
        span: 1,
        tag: 'TH',
        scope: 'Row',
      },
      { text: r.value, face: 'regular', color: color.fg, align: 'left', span: 1, tag: 'TD' },
    ],
  }));
  if (b.role === 'facts')
    drawGrid(f, {
      widths: [width * 0.4, width * 0.6],
      rows,
      fontSize: size.table,
      borders: true,
      keyFill: color.head,
    });
  else drawGrid(f, { widths: [130, width - 130], rows, fontSize: 10.5, borders: false });
}

function evenWidths(rows: GridRow[]): number[] {
  const n = Math.max(...rows.map((r) => r.cells.reduce((s, c) => s + c.span, 0)));
  return Array.from({ length: n }, () => width / n);
}

/**
 * Widths from the content at a font size, as a browser lays out an automatic table: every column
 * gets at least its longest word (a header word may break when nothing else fits), and the room left goes to the columns in proportion to how much
 * more their content wants; undefined when the longest words alone do not fit.
 */
function columnWidths(
  f: Flow,
  rows: GridRow[],
  fontSize: number,
  wholeHeaderWords: boolean,
): number[] | undefined {
  const d = f.doc;
  const pad = padFor(fontSize);
  const n = Math.max(...rows.map((r) => r.cells.reduce((s, c) => s + c.span, 0)));
  const least = new Array<number>(n).fill(0);
  const wants = new Array<number>(n).fill(0);
  for (const r of rows) {
    let col = 0;
    for (const c of r.cells) {
      if (c.span === 1) {
        const m = measure(d, c.face, fontSize, c.text);
        if (wholeHeaderWords || r.kind !== 'head')
          least[col] = Math.max(least[col]!, m.word + 2 * pad + 1);
        // When header words must break, the room goes first to making them whole.
        const wanted = wholeHeaderWords ? m.whole : m.word;
        wants[col] = Math.max(wants[col]!, Math.min(width, wanted + 2 * pad + 1));
      }
      col += c.span;
    }
  }
  const floor = least.reduce((a, b) => a + b, 0);
  if (floor > width) return undefined;
  const want = wants.reduce((a, b) => a + b, 0);
  if (want <= width) {
    // Room to spare goes to the columns of text, which read better wide; numbers stay compact.
    const text = wants.map((w, i) => (rows.some((r) => r.kind === 'body' && isText(r, i)) ? w : 0));
    const weight = text.reduce((a, b) => a + b, 0);
    return wants.map(
      (w, i) => w + (weight > 0 ? ((width - want) * text[i]!) / weight : (width - want) / n),
    );
  }
  const extra = want - floor;
  return least.map((l, i) => l + ((width - floor) * (wants[i]! - l)) / (extra || 1));
}

/** A cell text's widest word and its whole width, by face and size: tables repeat their texts. */
const measures = new WeakMap<PDFKit.PDFDocument, Map<string, { word: number; whole: number }>>();

function measure(
  d: PDFKit.PDFDocument,
  face: Face,
  fontSize: number,
  text: string,
): { word: number; whole: number } {
  let known = measures.get(d);
  if (!known) {
    known = new Map();
    measures.set(d, known);
  }
  const key = `${face} ${fontSize} ${text}`;
  let m = known.get(key);
  if (!m) {
    d.font(face).fontSize(fontSize);
    // Breaks at spaces only: `56 %` holds a no-break space.
    const words = text.split(/[ \t\n]+/).map((w) => d.widthOfString(w));
    m = { word: Math.max(0, ...words), whole: d.widthOfString(text) };
    known.set(key, m);
  }
  return m;
}

/** Whether a row's cell in column `col` holds text (not a number). */
function isText(row: GridRow, col: number): boolean {
  let at = 0;
  for (const c of row.cells) {
    if (at === col) return c.span === 1 && c.align === 'left' && c.text.length > 0;
    at += c.span;
  }
  return false;
}

/** The width of each cell of a row, spans summed. */
function cellWidths(row: GridRow, widths: number[]): number[] {
  let col = 0;
  return row.cells.map((c) => {
    let w = 0;
    for (let i = 0; i < c.span; i++) w += widths[col++] ?? 0;
    return w;
  });
}

/** A cell's text fits on one line: it is drawn without pdfkit's line wrapping, the costly part. */
function oneLine(f: Flow, c: GridCell, w: number, fontSize: number): boolean {
  if (c.text.includes('\n')) return false;
  f.doc.font(c.face).fontSize(fontSize);
  return f.doc.widthOfString(c.text) <= w;
}

function rowHeight(f: Flow, row: GridRow, widths: number[], fontSize: number): number {
  const d = f.doc;
  const pad = padFor(fontSize);
  const ws = cellWidths(row, widths);
  return Math.max(
    ...row.cells.map((c, i) => {
      const w = ws[i]! - 2 * pad;
      if (oneLine(f, c, w, fontSize)) return d.currentLineHeight(true) + 2 * pad;
      d.font(c.face).fontSize(fontSize);
      return d.heightOfString(c.text || ' ', { width: w }) + 2 * pad;
    }),
  );
}

/**
 * A row's cell fills and borders written as one piece: the operators pdfkit's `rect`, `fillColor`,
 * `fill`, `lineWidth`, `strokeColor` and `stroke` write for each cell, the same bytes, without a
 * dozen calls and pieces per cell. False (nothing written) when the colours are not cached or the
 * page's content is not buffered (contentBuffer.ts).
 */
function boxes(
  d: PDFKit.PDFDocument,
  y: number,
  h: number,
  ws: readonly number[],
  fills: readonly (string | undefined)[],
  borders: boolean,
): boolean {
  const sink = contentSink(d);
  if (!sink) return false;
  // Every colour made before any is written, so that nothing is written unless all can be.
  if (borders && colorOperators(d, color.border, true) === undefined) return false;
  for (const fill of fills) if (fill && colorOperators(d, fill, false) === undefined) return false;
  if (!borders && !fills.some(Boolean)) return true;
  sink.start();
  let first = true;
  const op = (text: string) => {
    if (!first) sink.piece('\n');
    first = false;
    sink.piece(text);
  };
  const box = (x: number, w: number) => {
    op(number(x));
    sink.piece(' ');
    sink.piece(ny);
    sink.piece(' ');
    sink.piece(number(w));
    sink.piece(' ');
    sink.piece(nh);
    sink.piece(' re');
  };
  const set = (c: string, stroke: boolean) => {
    const change = colorChange(d, c, stroke)!;
    if (change) op(change);
  };
  let filled: string | undefined;
  let x = margin.left;
  const ny = number(y);
  const nh = number(h);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const fill = fills[i];
    if (fill) {
      box(x, w);
      set(fill, false);
      op('f');
      filled = fill;
    }
    if (borders) {
      box(x, w);
      op('0.5 w');
      set(color.border, true);
      op('S');
    }
    x += w;
  }
  sink.end();
  // What `fillColor` remembers, as it would.
  if (filled) (d as unknown as { _fillColor: unknown[] })._fillColor = [filled, undefined];
  return true;
}

function drawGrid(f: Flow, g: Grid): void {
  const d = f.doc;
  const pad = padFor(g.fontSize);
  const tags = f.tags;
  const head = g.rows.find((r) => r.kind === 'head');
  const heights = g.rows.map((r) => rowHeight(f, r, g.widths, g.fontSize));
  const captionHeight = () => {
    if (!g.caption) return 0;
    f.look('italic', size.small);
    return d.heightOfString(g.caption, { width }) + 4;
  };
  // The caption, the header and the first body row start on the same page.
  f.ensure(captionHeight() + heights.slice(0, head ? 2 : 1).reduce((a, b) => a + b, 0));
  const draw = (row: GridRow, h: number, repeat: boolean) => {
    const y = d.y;
    const ws = cellWidths(row, g.widths);
    tags.artifact(() => {
      const fills = row.cells.map((c, i) =>
        row.kind !== 'body'
          ? g.borders
            ? color.head
            : undefined
          : i === 0 && c.tag === 'TH'
            ? g.keyFill
            : undefined,
      );
      if (boxes(d, y, h, ws, fills, g.borders)) return;
      let x = margin.left;
      row.cells.forEach((_, i) => {
        const w = ws[i]!;
        const fill = fills[i];
        if (fill) d.rect(x, y, w, h).fillColor(fill).fill();
        if (g.borders) d.rect(x, y, w, h).lineWidth(0.5).strokeColor(color.border).stroke();
        x += w;
      });
    });
    const cells = () => {
      let x = margin.left;
      row.cells.forEach((c, i) => {
        const w = ws[i]!;
        const inner = w - 2 * pad;
        const cx = x;
        const text = () => {
          const doc = f.look(c.face, g.fontSize, c.color);
          if (!oneLine(f, c, inner, g.fontSize))
            doc.text(c.text, cx + pad, y + pad, { width: inner, align: c.align });
          else if (c.text) {
            const left = c.align === 'right' ? cx + w - pad - doc.widthOfString(c.text) : cx + pad;
            if (!drawLine(doc, c.text, left, y + pad))
              doc.text(c.text, left, y + pad, { lineBreak: false });
          }
        };
        if (repeat) tags.artifact(text);
        else if (c.scope) tags.leaf(c.tag, text, undefined, { O: 'Table', Scope: c.scope });
        else tags.leaf(c.tag, text);
        x += w;
      });
    };
    if (repeat) cells();
    else tags.group('TR', cells);
    d.x = margin.left;
    d.y = y + (g.borders ? h : h + 3);
  };
  tags.group('Table', () => {
    if (g.caption) {
      const caption = g.caption;
      tags.leaf('Caption', () =>
        f.look('italic', size.small, color.muted).text(caption, margin.left, d.y, { width }),
      );
      d.y += 4;
    }
    g.rows.forEach((row, i) => {
      const h = heights[i]!;
      if (d.y + h > bottom && !f.atTop()) {
        f.newPage();
        if (head && row !== head) draw(head, heights[g.rows.indexOf(head)]!, true);
      }
      draw(row, h, false);
    });
  });
  d.y += 10;
}
