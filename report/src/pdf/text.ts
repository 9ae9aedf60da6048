/** Headings, paragraphs of styled runs, list items with hanging indent, and the evaluation's text blocks. */

import type { Run } from '../document';
import { markdownBlocks } from '../markdown-text';
import { drawContinued } from './fastText';
import type { Flow } from './flow';
import { breakLongWords } from './longWords';
import { color, margin, size, width } from './style';

/** The space between a list marker and its text; wrapped lines start under the text. */
export const hang = 14;

/** How a heading of each tag level looks: H1 parts, H2 areas, H3 sections, H4+ inside text. */
function headingLook(level: number): { size: number; color: string } {
  if (level <= 1) return { size: size.h1, color: color.accent };
  if (level === 2) return { size: size.h2, color: color.fg };
  if (level === 3) return { size: size.h3, color: color.fg };
  return { size: size.body, color: color.fg };
}

/** A heading tagged `H{level}` (1–6), kept on a page with a few lines of what follows it. */
export function heading(f: Flow, text: string, level: number): void {
  const d = f.doc;
  const look = headingLook(level);
  f.look('bold', look.size);
  const h = d.heightOfString(text, { width });
  f.ensure(h + 50);
  if (!f.atTop()) d.moveDown(level <= 2 ? 0.8 : 0.5);
  f.text(text, { font: 'bold', size: look.size, color: look.color }, `H${Math.min(6, level)}`);
  if (level <= 1) f.rule(2, 1.5, color.accent);
  else d.moveDown(0.3);
}

/** How runs are set: where they start, how wide, in which size and colour. */
export interface RunsLook {
  x?: number;
  width?: number;
  size?: number;
  color?: string;
  lineGap?: number;
}

/** Draws runs as one flowing text from (x, current y); wrapped lines start at x too. */
export function drawRuns(f: Flow, runs: readonly Run[], look: RunsLook = {}): void {
  const d = f.doc;
  const x = look.x ?? margin.left;
  const y = d.y;
  d.fontSize(look.size ?? size.body);
  const list = runs.filter((r) => r.text.length > 0);
  if (list.length === 0) list.push({ text: ' ' });
  const fill = (r: Run) => {
    const tone = r.tone === 'error' ? color.error : r.tone === 'warning' ? color.warn : undefined;
    return r.link ? color.accent : (tone ?? look.color ?? color.fg);
  };
  const face = (r: Run) => (r.bold ? 'bold' : r.italic ? 'italic' : 'regular');
  const pieces = list.map((r) => ({
    text: breakLongWords(r.text),
    face: face(r),
    fill: fill(r),
    link: r.link ?? null,
    underline: Boolean(r.link),
  }));
  const w = look.width ?? margin.left + width - x;
  if (list.length > 1 && drawContinued(d, pieces, x, y, w, look.lineGap ?? 1.5)) {
    d.x = margin.left;
    return;
  }
  list.forEach((r, i) => {
    d.font(face(r)).fillColor(fill(r));
    const o: PDFKit.Mixins.TextOptions = {
      continued: i < list.length - 1,
      lineGap: look.lineGap ?? 1.5,
      link: r.link ?? null,
      underline: Boolean(r.link),
    };
    if (i === 0) {
      o.width = w;
      d.text(r.text, x, y, o);
    } else d.text(r.text, o);
  });
  d.x = margin.left;
}

/** The height runs take at a width. */
export function runsHeight(
  f: Flow,
  runs: readonly Run[],
  w: number,
  fontSize: number = size.body,
): number {
  const d = f.doc;
  d.font('regular').fontSize(fontSize);
  return d.heightOfString(runs.map((r) => r.text).join('') || ' ', { width: w, lineGap: 1.5 });
}

/** A paragraph of runs, tagged `P`. */
export function paragraph(f: Flow, runs: readonly Run[], look: RunsLook = {}): void {
  if (runs.length === 0) return;
  f.doc.fontSize(look.size ?? size.body);
  f.ensure(f.doc.currentLineHeight(true) * 2);
  f.tags.leaf('P', () => drawRuns(f, runs, look));
  f.doc.moveDown(0.45);
}

/**
 * A list item (`LI` of a `Lbl` and an `LBody`): the marker in the margin, the text beside it, and
 * wrapped lines under the text, not under the marker.
 */
export function listItem(
  f: Flow,
  marker: string,
  runs: readonly Run[],
  look: RunsLook & { x: number; width: number },
): void {
  const d = f.doc;
  d.fontSize(look.size ?? size.body);
  f.ensure(d.currentLineHeight(true) * 2);
  const y = d.y;
  f.tags.group('LI', () => {
    f.tags.leaf('Lbl', () => {
      f.look('regular', look.size ?? size.body, look.color ?? color.fg).text(
        marker,
        look.x - hang,
        y,
        { width: hang, lineBreak: false },
      );
    });
    d.y = y;
    f.tags.leaf('LBody', () => drawRuns(f, runs, look));
  });
  d.moveDown(0.3);
}

/**
 * A text block of the evaluation (Markdown): its `#` headings tagged one level below `level`, as
 * the HTML and Word documents have them; consecutive list items make one `L`.
 */
export function textBlock(f: Flow, source: string, level: number): void {
  const parts = markdownBlocks(source);
  let i = 0;
  while (i < parts.length) {
    const p = parts[i]!;
    if (p.kind === 'paragraph' && p.marker) {
      f.tags.group('L', () => {
        for (let q = parts[i]; q?.kind === 'paragraph' && q.marker; q = parts[++i]) {
          const x = margin.left + hang * Math.max(1, q.indent);
          listItem(f, q.marker, q.runs, { x, width: margin.left + width - x });
        }
      });
      continue;
    }
    i++;
    if (p.kind === 'heading')
      heading(f, p.runs.map((r) => r.text).join(''), Math.min(6, level + p.level));
    else if (p.kind === 'paragraph') paragraph(f, p.runs, { x: margin.left + hang * p.indent });
    else if (p.kind === 'code')
      paragraph(f, [{ text: p.text, code: true }], {
        x: margin.left + hang * (p.indent + 1),
        size: size.small,
      });
    else {
      f.ensure(12);
      f.rule(4, 0.5, color.border);
    }
  }
}
