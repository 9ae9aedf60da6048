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
  ref(data?: object): Reference;
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

/** Writes `doc`'s plain objects (no stream, nothing but names, numbers, references) in one piece. */
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
}
