/**
 * Marked content as pdfkit's `markContent` writes it, for the two kinds the report opens for
 * every table cell, line of a list and paragraph: a structure element's `/TD <</MCID 5>> BDC` and
 * an artifact's `/Artifact <</Type /Layout>> BDC`. pdfkit builds a dictionary object for each and
 * runs it through its generic converter; here the same text is written directly, and the
 * markings pdfkit keeps for the page are the same. Anything else goes to pdfkit.
 */

import { contentSink } from './contentBuffer';
import { number } from './fastText';
import { keysUpTo } from './objects';

interface Marking {
  tag: string;
  options?: { mcid?: number; type?: string };
  structContent?: unknown;
}

interface Internals {
  page: { markings: Marking[] };
  markContent(tag: string, options?: Marking['options'] | null): Internals;
  endMarkedContent(): Internals;
  addContent(data: string): Internals;
}

/** Installs the direct path for structure elements' and artifacts' marked content on `doc`. */
export function fastMarkingsIn(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as unknown as Internals;
  const markContent = doc.markContent;
  doc.markContent = function (this: Internals, tag, options = null) {
    if (!options || keysUpTo(options, 2) !== 1) return markContent.call(this, tag, options);
    const mcid = typeof options.mcid === 'number' && tag !== 'Artifact' && tag !== 'Span';
    if (!mcid && !(tag === 'Artifact' && typeof options.type === 'string'))
      return markContent.call(this, tag, options);
    // As pdfkit does: an artifact or a structure element's content (but the page's first, MCID
    // 0) closes the open marking of either kind, and everything opened inside it.
    if (tag === 'Artifact' || options.mcid) {
      let toClose = 0;
      for (const m of this.page.markings)
        if (toClose || m.structContent || m.tag === 'Artifact') toClose++;
      while (toClose--) this.endMarkedContent();
    }
    this.page.markings.push({ tag, options });
    // `/TD <<\n/MCID 5\n>> BDC`, in pieces to the page's buffer when there is one.
    const sink = contentSink(pdf);
    if (!sink) {
      const dictionary = mcid
        ? `<<\n/MCID ${number(options.mcid!)}\n>>`
        : `<<\n/Type /${options.type}\n>>`;
      this.addContent(`/${tag} ${dictionary} BDC`);
      return this;
    }
    sink.start();
    sink.piece('/');
    sink.piece(tag);
    if (mcid) {
      sink.piece(' <<\n/MCID ');
      sink.piece(number(options.mcid!));
    } else {
      sink.piece(' <<\n/Type /');
      sink.piece(options.type!);
    }
    sink.piece('\n>> BDC');
    sink.end();
    return this;
  };
}
