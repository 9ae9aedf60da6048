/**
 * The report's page furniture and navigation: running heads and page numbers (artifacts), the
 * bookmarks of parts and areas, and the table of contents with page numbers (`TOC`/`TOCI`).
 */

import type { Part, ReportDocument } from '../document';
import type { ContentsEntry } from '../view';
import type { Flow } from './flow';
import { A4, color, margin, size, width } from './style';

/** The running head (the report's title) and `Sida 3 av 26` on every page but the title pages. */
export function furniture(f: Flow, doc: ReportDocument): void {
  const d = f.doc;
  const range = d.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    if (f.quietPages.has(i)) continue;
    d.switchToPage(i);
    // Writing inside the margins would otherwise make pdfkit start a new page.
    const saved = { ...d.page.margins };
    d.page.margins = { top: 0, bottom: 0, left: margin.left, right: margin.right };
    f.tags.artifact(() => {
      const top = 30;
      f.look('regular', size.small, color.muted).text(doc.header, margin.left, top, {
        width,
        lineBreak: false,
        height: 12,
        ellipsis: true,
      });
      d.moveTo(margin.left, top + 13)
        .lineTo(margin.left + width, top + 13)
        .lineWidth(0.5)
        .strokeColor(color.border)
        .stroke();
      const y = A4[1] - 40;
      d.moveTo(margin.left, y - 6)
        .lineTo(margin.left + width, y - 6)
        .lineWidth(0.5)
        .strokeColor(color.border)
        .stroke();
      const number = doc.pageOf
        ? `${doc.pageLabel} ${i + 1} ${doc.pageOf} ${range.count}`
        : `${doc.pageLabel} ${i + 1} / ${range.count}`;
      f.look('regular', size.small, color.muted).text(number, margin.left, y, {
        width,
        align: 'right',
        lineBreak: false,
      });
    }, 'Pagination');
    d.page.margins = saved;
  }
}

/** Adds bookmarks as parts begin: an evaluation's title holds its parts, areas sit under theirs. */
export class Bookmarks {
  private evaluation: PDFKit.PDFOutline | undefined;
  private evaluationNumber = -1;
  private last: PDFKit.PDFOutline | undefined;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** The bookmark of a part, pointing at the current page. */
  add(part: Part): void {
    const b = part.bookmark;
    if (!b) return;
    if (part.evaluation !== this.evaluationNumber) {
      this.evaluationNumber = part.evaluation;
      this.evaluation = undefined;
      this.last = undefined;
    }
    if (part.id === 'title' && part.evaluation > 0) {
      this.evaluation = this.doc.outline.addItem(b.title, { expanded: true });
      return;
    }
    const top = this.evaluation ?? this.doc.outline;
    if (b.level === 1) this.last = top.addItem(b.title, { expanded: true });
    else (this.last ?? top).addItem(b.title);
  }
}

/** The key of a part's page: parts are named within their evaluation. */
export function partKey(evaluation: number, part: string): string {
  return `${evaluation}:${part}`;
}

/** The table of contents: one `TOCI` per entry with the page its part starts on. */
export function contents(
  f: Flow,
  entries: readonly ContentsEntry[],
  evaluation: number,
  pages: ReadonlyMap<string, number>,
): void {
  const d = f.doc;
  f.tags.group('TOC', () => {
    const line = (entry: ContentsEntry, depth: number) => {
      const page = pages.get(partKey(evaluation, entry.part));
      const label = entry.number ? `${entry.number}  ${entry.title}` : entry.title;
      const x = margin.left + depth * 18;
      const y = d.y;
      let after = y;
      f.tags.leaf('TOCI', () => {
        f.look(depth === 0 ? 'bold' : 'regular', depth === 0 ? 11 : size.body).text(label, x, y, {
          width: width - depth * 18 - 40,
        });
        after = d.y;
        if (page !== undefined)
          d.font('regular').text(String(page + 1), margin.left + width - 40, y, {
            width: 40,
            align: 'right',
          });
      });
      d.y = after + (depth === 0 ? 6 : 3);
      for (const child of entry.children) line(child, depth + 1);
    };
    for (const entry of entries) line(entry, 0);
  });
  d.x = margin.left;
}
