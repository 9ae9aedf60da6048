/**
 * The report's structure (document.ts) laid out as a tagged A4 PDF with pdfkit: parts start new
 * pages, bookmarks follow the parts, the contents get their page numbers once every page is known,
 * and running heads and page numbers are drawn last, as artifacts. Only the embedded DejaVu fonts
 * are used (fonts.ts).
 */

import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../document';
import type { FontBytes } from '../fontFiles';
import { noteMissingCharacters, parseFonts } from '../fonts';
import { reportLanguage } from '../labels';
import type { Deflate } from '../options';
import type { ContentsEntry } from '../view';
import { blocks } from './blocks';
import { cacheColors } from './colors';
import { bufferPageContent } from './contentBuffer';
import { fastTextIn } from './fastText';
import { Flow } from './flow';
import { breakLongWordsIn } from './longWords';
import { fastMarkingsIn } from './markings';
import { fastObjectsIn } from './objects';
import { collectOutput } from './output';
import { Bookmarks, contents, furniture, partKey } from './pages';
import { A4, margin } from './style';
import { type StructElement, Tags } from './tags';

/** How a PDF is rendered, beyond its content. */
export interface PdfRendering {
  /** Compresses the pages' content (pdfkit's own compression otherwise). */
  deflate?: Deflate | undefined;
  /** Told the characters none of the fonts has, which the PDF cannot show (only when there are). */
  onMissingCharacters?: ((characters: string[]) => void) | undefined;
  /** Writes every colour as pdfkit does, even where the page has it already: for tests. */
  repeatColors?: boolean;
}

/** Renders the report's structure as the bytes of a tagged PDF. */
export async function renderPdfDocument(
  report: ReportDocument,
  fontBytes: FontBytes,
  { deflate, onMissingCharacters, repeatColors = false }: PdfRendering = {},
): Promise<Uint8Array> {
  const fonts = parseFonts(fontBytes);
  const info: PDFKit.DocumentInfo = {
    Title: report.title,
    Creator: 'Kompass',
    Producer: 'Kompass',
  };
  if (report.author) info.Author = report.author;
  if (report.subject) info.Subject = report.subject;
  if (report.generatedAt) info.CreationDate = report.generatedAt;
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    info,
    lang: report.lang,
    displayTitle: true,
    // Tagged: a structure tree (headings, tables, lists, figures with alternative text) that
    // assistive technology reads in the order the pages show; page furniture is marked artifact.
    tagged: true,
    // Declares PDF/UA-1 in the XMP metadata (`pdfuaid:part` 1), which validators (veraPDF, PAC)
    // look for before any other check; pdfkit also lists each embedded font's glyphs (CIDSet).
    // pdfkit's types name only its PDF/A subsets, though it handles this one as well.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    pdfVersion: '1.7',
    // Without `font: null` pdfkit would load Helvetica from its data files, which a bundle cannot reach.
    font: null as unknown as string,
  });
  // pdfkit takes a parsed fontkit font as a source too (its types only list files and buffers).
  for (const face of ['regular', 'bold', 'italic'] as const)
    doc.registerFont(face, fonts[face] as unknown as PDFKit.Mixins.PDFFontSource);
  fastObjectsIn(doc);
  fastMarkingsIn(doc);
  fastTextIn(doc);
  doc.font('regular');
  bufferPageContent(doc, deflate);
  // A colour is set again only where the page's colour is another.
  cacheColors(doc, { skipRepeated: !repeatColors });
  breakLongWordsIn(doc);
  const output = collectOutput(doc);
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const tags = new Tags(doc);
  const f = new Flow(doc, tags);
  const bookmarks = new Bookmarks(doc);
  const pages = new Map<string, number>();
  const pending: { page: number; el: StructElement; draw: () => void }[] = [];
  const sections: StructElement[] = [];
  const lang = reportLanguage(report.lang.slice(0, 2));
  // Everything is laid out, and every character met, before the document ends.
  const missing = noteMissingCharacters(() => {
    tags.start();
    for (const part of report.parts) {
      if (part.newPage ? !f.atTop() : part.id === 'title' && f.doc.y > A4[1] / 2) f.newPage();
      pages.set(partKey(part.evaluation, part.id), f.page());
      if (part.id === 'title') f.quietPages.add(f.page());
      bookmarks.add(part);
      const layout = () =>
        blocks(f, part.blocks, {
          lang,
          // The contents are drawn last, when every page is known, but sit here in the structure tree.
          contents: (entries: ContentsEntry[]) => {
            const el = tags.element('Sect');
            const page = f.page();
            const y = f.doc.y;
            const evaluation = part.evaluation;
            pending.push({
              page,
              el,
              draw: () => {
                f.doc.y = y;
                contents(f, entries, evaluation, pages);
              },
            });
            // The part is one page: what follows starts on the next.
            f.doc.y = A4[1];
          },
        });
      // An evaluation in another language than the document's says so for its part. The section
      // stays open until the contents are drawn: ending it would end the contents element in it.
      if (part.lang && part.lang !== report.lang) {
        const sect = tags.element('Sect', { lang: part.lang });
        tags.within(sect, layout);
        sections.push(sect);
      } else layout();
    }
    const last = f.page();
    for (const p of pending) {
      f.goTo(p.page);
      tags.within(p.el, p.draw);
      p.el.end();
    }
    for (const sect of sections) sect.end();
    f.goTo(last);
    furniture(f, report);
    tags.finish();
    doc.end();
  });
  if (missing.length > 0) onMissingCharacters?.(missing);
  await ended;
  return output();
}
