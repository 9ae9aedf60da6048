/** The page flow on top of pdfkit: where the next block goes, page breaks, and going back to a page. */

import { bottom, color, type Face, margin, size, width } from './style';
import type { Tags } from './tags';

type Doc = PDFKit.PDFDocument;

/** How a run of text looks. */
export interface TextLook {
  font?: Face;
  size?: number;
  color?: string;
  x?: number;
  y?: number;
  width?: number;
  align?: 'left' | 'right' | 'center';
  characterSpacing?: number;
}

/** The document being drawn, its structure tree and its position on the page. */
export class Flow {
  /** Pages (0-based) that get no running head or page number: the title pages. */
  readonly quietPages = new Set<number>();

  constructor(
    readonly doc: Doc,
    readonly tags: Tags,
  ) {}

  /** The current page, counted from 0. */
  page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Whether nothing has been drawn below the top margin of this page yet. */
  atTop(): boolean {
    return this.doc.y <= margin.top + 1;
  }

  /** The height left on this page. */
  room(): number {
    return bottom - this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = margin.left;
    this.doc.y = margin.top;
  }

  /** Goes to an earlier page (pages are buffered), at its top. */
  goTo(page: number): void {
    this.doc.switchToPage(page);
    this.doc.x = margin.left;
    this.doc.y = margin.top;
  }

  /** Starts a new page unless `height` fits below the current position. */
  ensure(height: number): void {
    if (height > this.room() && !this.atTop()) this.newPage();
  }

  /** Sets font, size and colour; returns the document for chaining. */
  look(face: Face, fontSize: number, fill: string = color.fg): Doc {
    return this.doc.font(face).fontSize(fontSize).fillColor(fill);
  }

  /** Draws one text as an element of `tag` (a paragraph unless told). */
  text(s: string, look: TextLook = {}, tag = 'P'): void {
    const d = this.doc;
    this.look(look.font ?? 'regular', look.size ?? size.body, look.color ?? color.fg);
    const opts: PDFKit.Mixins.TextOptions = {
      width: look.width ?? width,
      align: look.align ?? 'left',
    };
    if (look.characterSpacing) opts.characterSpacing = look.characterSpacing;
    this.tags.leaf(tag, () => {
      d.text(s, look.x ?? margin.left, look.y ?? d.y, opts);
    });
    d.x = margin.left;
  }

  /** A horizontal rule across the text column, `gap` below the current position (an artifact). */
  rule(gap: number, lineWidth: number, stroke: string): void {
    const y = this.doc.y + gap;
    this.tags.artifact(() =>
      this.doc
        .moveTo(margin.left, y)
        .lineTo(margin.left + width, y)
        .lineWidth(lineWidth)
        .strokeColor(stroke)
        .stroke(),
    );
    this.doc.y = y + 8;
  }
}
