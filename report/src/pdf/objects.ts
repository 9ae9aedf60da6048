/**
 * A tagged report of hundreds of pages is some 50,000 small PDF objects, most of them structure
 * elements (`<< /S /TD /P 20 0 R /K [5] /Pg 10 0 R >>`). pdfkit serialises each through a generic
 * converter that tests every value against a chain of classes, and writes it in three pieces.
 * Here an object holding only names, numbers, references, arrays and plain dictionaries is
 * written as one piece by a converter for just those; the same bytes. Anything else (text
 * strings, dates, trees, streams, encryption) goes to pdfkit as before.
 */

interface Reference {
  id: number;
  gen: number;
  data: unknown;
  buffer: unknown[];
  offset: number;
  document: Writer;
  finalize(): void;
}

interface Writer {
  _offset: number;
  _write(data: string): void;
  _refEnd(ref: Reference): void;
  _security?: unknown;
}

interface Doc {
  _root: Reference;
  _info: Reference;
  _id: Uint8Array;
  _offsets: (number | null)[];
  _offset: number;
  _security?: unknown;
  ref(data?: object): Reference;
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  push(chunk: null): void;
}

const hexDigits = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * How many keys `options` has, counted up to `upTo` and no further, without making a list of them
 * (marked content and structure elements ask it for every table cell).
 */
export function keysUpTo(options: object, upTo: number): number {
  let n = 0;
  for (const _ in options) if (++n >= upTo) break;
  return n;
}

/**
 * The PDF text of a value, or undefined when it is not one this converter knows; `reference` is
 * the prototype of pdfkit's references.
 */
export function convert(value: unknown, reference: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `/${value}`;
    case 'number':
      // pdfkit's number: six decimals at most.
      return value > -1e21 && value < 1e21 ? `${Math.round(value * 1e6) / 1e6}` : undefined;
    case 'boolean':
      return `${value}`;
    case 'object': {
      if (value === null) return 'null';
      const proto = Object.getPrototypeOf(value);
      if (proto === reference) {
        const r = value as Reference;
        return `${r.id} ${r.gen} R`;
      }
      if (value instanceof Uint8Array) {
        // A byte string (the file identifier), as pdfkit writes it: lower-case hex.
        let hex = '<';
        for (let i = 0; i < value.length; i++) hex += hexDigits[value[i]!];
        return `${hex}>`;
      }
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item = convert(value[i] ?? null, reference);
          if (item === undefined) return undefined;
          out += i === 0 ? item : ` ${item}`;
        }
        return `${out}]`;
      }
      if (proto !== Object.prototype) return undefined;
      let out = '<<';
      const dict = value as Record<string, unknown>;
      for (const key in dict) {
        const v = dict[key];
        if (v === undefined) continue;
        const item = convert(v, reference);
        if (item === undefined) return undefined;
        out += `\n/${key} ${item}`;
      }
      return `${out}\n>>`;
    }
    default:
      return undefined;
  }
}

/**
 * Writes `doc`'s plain objects (no stream, nothing but names, numbers, references) in one piece,
 * and its cross-reference table as one piece of bytes (pdfkit writes a piece per object).
 */
export function fastObjectsIn(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as unknown as Doc;
  const reference = Object.getPrototypeOf(doc._root) as Reference;
  const finalize = reference.finalize;
  const ref = doc.ref;
  // One function for every reference (a closure each would live as long as the reference).
  const fastFinalize = function (this: Reference) {
    const text =
      this.buffer.length === 0 && !this.document._security
        ? convert(this.data, reference)
        : undefined;
    if (text === undefined) return finalize.call(this);
    this.offset = this.document._offset;
    // pdfkit's three writes, each ending in a newline: `N 0 obj`, the dictionary, `endobj`.
    this.document._write(`${this.id} ${this.gen} obj\n${text}\nendobj`);
    this.document._refEnd(this);
  };
  doc.ref = function (this: Doc, data?: object) {
    const r = ref.call(this, data);
    r.finalize = fastFinalize;
    return r;
  };
  const finish = doc._finalize;
  doc._finalize = function (this: Doc) {
    const trailer = convert(
      {
        Size: this._offsets.length + 1,
        Root: this._root,
        Info: this._info,
        ID: [this._id, this._id],
      },
      reference,
    );
    if (this._security || trailer === undefined) return finish.call(this);
    const xref = crossReference(this._offsets);
    if (!xref) return finish.call(this);
    const at = this._offset;
    this._write(xref);
    this._write('trailer');
    this._write(trailer);
    this._write('startxref');
    this._write(`${at}`);
    this._write('%%EOF');
    this.push(null);
  };
}

/**
 * The cross-reference table as pdfkit writes it, lines ending in newlines: `xref`, `0 N`, the free
 * entry, and each object's offset in ten digits. Undefined for an offset pdfkit would not write so.
 */
function crossReference(offsets: readonly (number | null)[]): Uint8Array | undefined {
  const head = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  const out = new Uint8Array(head.length + offsets.length * 20);
  for (let i = 0; i < head.length; i++) out[i] = head.charCodeAt(i);
  const tail = ' 00000 n \n';
  let at = head.length;
  for (const offset of offsets) {
    if (typeof offset !== 'number' || !(offset >= 0 && offset < 1e10) || offset % 1 !== 0)
      return undefined;
    let n = offset;
    for (let d = 9; d >= 0; d--) {
      out[at + d] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    for (let i = 0; i < 10; i++) out[at + 10 + i] = tail.charCodeAt(i);
    at += 20;
  }
  return out;
}
