/**
 * pdfkit turns every drawing operator into a typed array of its own as it is written; a report of
 * hundreds of pages makes millions of them, and the garbage collector most of the render time.
 * Here a page's operators are written as bytes into one buffer, shared by the pages in turn, and
 * each page's bytes become one chunk of its content when another page is written to or the page
 * ends: the same bytes, far fewer objects. Text lines are written in pieces (`contentSink`), so
 * that no string is made of a whole line only to be copied again.
 */

import { joinBytes } from '../bytes';
import type { Deflate } from '../options';
import { ByteWriter } from './byteWriter';

interface ContentRef {
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
  buffer: Uint8Array[];
  compress: boolean;
  data: { Filter?: string };
}

type Doc = PDFKit.PDFDocument & { page: { content: ContentRef } };

/**
 * zlib's level for a page's content (`FlateDecode`) when `ReportOptions.deflate` compresses it.
 * Measured with Node's zlib on the 765 pages of a generated 10,000-line report (18.2 MB of
 * drawing operators, one stream per page, 2-core AMD EPYC, Node 20.20.2, 2026-12-02): level 6
 * (pdfkit's) took 237–278 ms and made 1.93 MB, level 3 96 ms and 2.19 MB (the whole PDF
 * 7.56 → 7.82 MB, +3.5 %); levels 1 and 2 were no faster (99–104 ms) and larger, level 4 took
 * 152 ms.
 */
export const pageDeflateLevel = 3;

/**
 * Writes one operator line of the current page in pieces: what `addContent` of the pieces joined
 * writes, each character as its low byte (as pdfkit writes a string), then a newline.
 */
export interface ContentSink {
  /** Starts a line on the current page. */
  start(): void;
  /** Adds a piece to the line. */
  piece(text: string): void;
  /** Adds bytes to the line. */
  bytes(data: Uint8Array): void;
  /** Ends the line. */
  end(): void;
}

const sinks = new WeakMap<PDFKit.PDFDocument, ContentSink>();

/** The sink of `doc`'s page content, when `bufferPageContent` buffers it. */
export function contentSink(doc: PDFKit.PDFDocument): ContentSink | undefined {
  return sinks.get(doc);
}

/**
 * Buffers the content of every page of `doc`, the current one and those added later; `deflate`
 * compresses each page's content when it ends (pdfkit does it otherwise).
 */
export function bufferPageContent(doc: PDFKit.PDFDocument, deflate?: Deflate): void {
  const d = doc as Doc;
  /** pdfkit's own `write` of each page's content, which takes the page's bytes as one chunk. */
  const pdfkitWrite = new Map<ContentRef, (chunk: Uint8Array) => void>();
  // Blocks of a megabyte, which the pages' chunks are views of until the document is written.
  const bytes = new ByteWriter(1 << 20);
  /** The page whose bytes are in the writer. */
  let owner: ContentRef | undefined;
  const release = () => {
    if (owner && bytes.length > 0) pdfkitWrite.get(owner)!(bytes.take());
    owner = undefined;
  };
  const own = (ref: ContentRef) => {
    if (owner === ref) return;
    release();
    owner = ref;
  };
  const wrap = (ref: ContentRef) => {
    pdfkitWrite.set(ref, ref.write.bind(ref));
    const end = ref.end.bind(ref);
    ref.write = (chunk) => {
      own(ref);
      if (typeof chunk === 'string') {
        // pdfkit ends each written string with a newline.
        bytes.text(chunk);
        bytes.byte(10);
      } else bytes.bytes(chunk);
    };
    ref.end = (chunk) => {
      if (chunk) ref.write(chunk);
      if (owner === ref) release();
      pdfkitWrite.delete(ref);
      if (deflate && ref.compress && ref.buffer.length > 0) {
        // pdfkit writes a stream with a `Filter` as it is, without compressing it again.
        ref.buffer = [deflate(joinBytes(ref.buffer), pageDeflateLevel)];
        ref.compress = false;
        ref.data.Filter = 'FlateDecode';
      }
      end();
    };
  };
  wrap(d.page.content);
  doc.on('pageAdded', () => wrap(d.page.content));
  sinks.set(doc, {
    start: () => own(d.page.content),
    piece: (text) => bytes.text(text),
    bytes: (data) => bytes.bytes(data),
    end: () => bytes.byte(10),
  });
}
