/**
 * pdfkit turns every drawing operator into a typed array of its own as it is written; a report of
 * hundreds of pages makes millions of them, and the garbage collector most of the render time.
 * Here a page's operators are kept as strings and joined into one chunk when the page is left or
 * the document ends: the same bytes, far fewer objects.
 */

import type { Deflate } from '../options';

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

const encoder = new TextEncoder();

/**
 * Buffers the content of every page of `doc`, the current one and those added later; `deflate`
 * compresses each page's content when it ends (pdfkit does it otherwise).
 */
export function bufferPageContent(doc: PDFKit.PDFDocument, deflate?: Deflate): void {
  const d = doc as Doc;
  let last: (() => void) | undefined;
  const wrap = (ref: ContentRef) => {
    const parts: string[] = [];
    const write = ref.write.bind(ref);
    const end = ref.end.bind(ref);
    const flush = () => {
      // pdfkit ends each written string with a newline; joining with one gives the same bytes.
      if (parts.length > 0) {
        const text = parts.join('\n');
        // pdfkit turns a string into bytes a character at a time; operators are ASCII, which the
        // platform's encoder writes as the same bytes at once. Into exactly as many bytes as
        // characters, it stops short at the first character that is not (two bytes or more).
        const bytes = new Uint8Array(text.length + 1);
        const done = encoder.encodeInto(text, bytes);
        if (done.read === text.length && done.written === text.length) {
          bytes[text.length] = 10;
          write(bytes);
        } else write(text);
      }
      parts.length = 0;
    };
    ref.write = (chunk) => {
      if (typeof chunk === 'string') parts.push(chunk);
      else {
        flush();
        write(chunk);
      }
    };
    ref.end = (chunk) => {
      flush();
      if (chunk) write(chunk);
      if (deflate && ref.compress && ref.buffer.length > 0) {
        // pdfkit writes a stream with a `Filter` as it is, without compressing it again.
        ref.buffer = [deflate(joined(ref.buffer), pageDeflateLevel)];
        ref.compress = false;
        ref.data.Filter = 'FlateDecode';
      }
      end();
    };
    return flush;
  };
  last = wrap(d.page.content);
  doc.on('pageAdded', () => {
    last?.();
    last = wrap(d.page.content);
  });
}

/** The chunks as one array of bytes. */
function joined(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

interface ColorInternals {
  _setColorCore(color: unknown, stroke: boolean): boolean;
  _normalizeColor(color: unknown): number[] | null;
  _getColorSpace(color: number[]): string;
  addContent(data: string): unknown;
}

const colorOps = new WeakMap<
  PDFKit.PDFDocument,
  (color: string, stroke: boolean) => string | undefined
>();

/**
 * pdfkit parses a `#rrggbb` colour and formats its three components again every time one is set
 * (every table cell sets two); the operators of each colour are made once here, the same text.
 */
export function cacheColors(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as ColorInternals;
  const setColor = d._setColorCore;
  // Each colour's two operators as one piece: written together, the same bytes.
  const ops = new Map<string, string>();
  const opsOf = (color: string, stroke: boolean): string | undefined => {
    const key = `${stroke ? 'S' : 'f'}${color}`;
    let op = ops.get(key);
    if (op === undefined) {
      const c = d._normalizeColor(color);
      if (!c) return undefined;
      op = `/${d._getColorSpace(c)} ${stroke ? 'CS' : 'cs'}\n${c.join(' ')} ${stroke ? 'SCN' : 'scn'}`;
      ops.set(key, op);
    }
    return op;
  };
  d._setColorCore = function (this: ColorInternals, color: unknown, stroke: boolean) {
    const op = typeof color === 'string' && color.charAt(0) === '#' && opsOf(color, stroke);
    if (!op) return setColor.call(this, color, stroke);
    this.addContent(op);
    return true;
  };
  colorOps.set(doc, (color, stroke) =>
    color.charAt(0) === '#' ? opsOf(color, stroke) : undefined,
  );
}

/**
 * The operators that set a `#rrggbb` colour for filling or stroking, as `fillColor` or
 * `strokeColor` write them (lines of one string); undefined unless `cacheColors` made them.
 */
export function colorOperators(
  doc: PDFKit.PDFDocument,
  color: string,
  stroke: boolean,
): string | undefined {
  return colorOps.get(doc)?.(color, stroke);
}
