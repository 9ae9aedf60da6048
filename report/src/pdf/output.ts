/**
 * The PDF's bytes gathered in large blocks. pdfkit makes a buffer of every piece it writes (an
 * object's number, its dictionary, `endobj`…) and passes each through a Node stream: a report of
 * hundreds of pages made some 150,000 buffers, about 50 MB of overhead for 7 MB of PDF, and much of
 * the garbage collector's work. Here pieces are written straight into blocks of a megabyte, the
 * same bytes at the same offsets (pdfkit's cross-reference table counts them).
 */

import { ByteWriter } from './byteWriter';

type Doc = PDFKit.PDFDocument & {
  _write(data: unknown): void;
  _offset: number;
};

const blockSize = 1 << 20;

const outputs = new WeakMap<PDFKit.PDFDocument, ByteWriter>();

/**
 * Where `collectOutput` gathers `doc`'s bytes, for writing an object straight into them; what is
 * written there counts towards pdfkit's offsets only through {@link wrote}.
 */
export function outputOf(doc: PDFKit.PDFDocument): ByteWriter | undefined {
  return outputs.get(doc);
}

/** Counts `n` bytes written to `outputOf(doc)`, as pdfkit counts what it writes itself. */
export function wrote(doc: PDFKit.PDFDocument, n: number): void {
  (doc as Doc)._offset += n;
}

/** Collects what `doc` writes; the returned function gives all of it once the document has ended. */
export function collectOutput(pdf: PDFKit.PDFDocument): () => Uint8Array {
  const doc = pdf as Doc;
  const out = new ByteWriter(blockSize);
  // What pdfkit wrote before (the header) waits in its stream: it comes first. The browser's
  // stream has no `read` and hands it over later, as 'data', after pieces written below.
  const head: Uint8Array[] = [];
  const read = (doc as { read?: () => Uint8Array | null }).read;
  if (typeof read === 'function')
    for (let c = read.call(doc); c !== null; c = read.call(doc)) head.push(c);
  doc._write = function (this: Doc, data: unknown) {
    if (data instanceof Uint8Array) {
      out.bytes(data);
      this._offset += data.length;
      return;
    }
    // As pdfkit writes a string: a line of it, each character one byte (its low byte).
    const s = `${data}`;
    out.text(s);
    out.byte(10);
    this._offset += s.length + 1;
  };
  outputs.set(doc, out);
  // Only what was written before `_write` was replaced reaches pdfkit's stream.
  doc.on('data', (c: Uint8Array) => head.push(c));
  return () => {
    outputs.delete(doc);
    const all = out.take(head);
    head.length = 0;
    return all;
  };
}
