/**
 * The PDF's bytes gathered in large blocks. pdfkit makes a buffer of every piece it writes (an
 * object's number, its dictionary, `endobj`…) and passes each through a Node stream: a report of
 * hundreds of pages made some 150,000 buffers, about 50 MB of overhead for 7 MB of PDF, and much of
 * the garbage collector's work. Here pieces are written straight into blocks of a megabyte, the
 * same bytes at the same offsets (pdfkit's cross-reference table counts them).
 */

type Doc = PDFKit.PDFDocument & {
  _write(data: unknown): void;
  _offset: number;
};

const blockSize = 1 << 20;

/** Pieces up to this long are copied a character at a time rather than by the encoder. */
const shortPiece = 64;

/** Collects what `doc` writes; the returned function gives all of it once the document has ended. */
export function collectOutput(pdf: PDFKit.PDFDocument): () => Uint8Array {
  const doc = pdf as Doc;
  const encoder = new TextEncoder();
  const done: Uint8Array[] = [];
  let block = new Uint8Array(blockSize);
  let at = 0;
  const room = (n: number) => {
    if (at + n <= block.length) return;
    if (at > 0) done.push(block.subarray(0, at));
    block = new Uint8Array(Math.max(blockSize, n));
    at = 0;
  };
  const bytes = (data: Uint8Array) => {
    room(data.length);
    block.set(data, at);
    at += data.length;
  };
  // What pdfkit wrote before (the header) waits in its stream: it comes first. The browser's
  // stream has no `read` and hands it over later, as 'data', after pieces written below.
  const head: Uint8Array[] = [];
  const read = (doc as { read?: () => Uint8Array | null }).read;
  if (typeof read === 'function')
    for (let c = read.call(doc); c !== null; c = read.call(doc)) head.push(c);
  doc._write = function (this: Doc, data: unknown) {
    if (data instanceof Uint8Array) {
      bytes(data);
      this._offset += data.length;
      return;
    }
    // As pdfkit writes a string: a line of it, each character one byte (its low byte).
    const s = `${data}`;
    const n = s.length + 1;
    room(n);
    // A short piece (an object's number, a line of the cross-reference table: tens of thousands
    // of them) is copied by hand; a long one by the encoder, which stops short of the room at a
    // character that is not ASCII (two bytes or more).
    let byHand = s.length <= shortPiece;
    if (!byHand) {
      const done = encoder.encodeInto(s, block.subarray(at, at + s.length));
      byHand = done.read !== s.length || done.written !== s.length;
    }
    if (byHand) for (let i = 0; i < s.length; i++) block[at + i] = s.charCodeAt(i) & 255;
    block[at + s.length] = 10;
    at += n;
    this._offset += n;
  };
  // Only what was written before `_write` was replaced reaches pdfkit's stream.
  doc.on('data', (c: Uint8Array) => head.push(c));
  return () => {
    if (at > 0) done.push(block.subarray(0, at));
    done.unshift(...head);
    head.length = 0;
    block = new Uint8Array(0);
    at = 0;
    const total = done.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let p = 0;
    for (const c of done) {
      out.set(c, p);
      p += c.length;
    }
    done.length = 0;
    return out;
  };
}
