/**
 * Colours as the pages set them. pdfkit parses a `#rrggbb` colour and formats its components
 * again every time one is set, and writes the operators even when the page has that colour
 * already: a report sets the text colour before every paragraph and table cell, and a third of
 * the 10,000-line report's page content was colour set again to what it was. Here each colour's
 * operators are made once, and, when asked, a colour the page already has is not set again: what
 * is painted, and in which colour, stays the same (`report/test/pdfColors.test.ts` reads both).
 */

interface ColorInternals {
  page: object;
  _setColor(color: unknown, stroke: boolean): boolean;
  _normalizeColor(color: unknown): number[] | null;
  _getColorSpace(color: number[]): string;
  addContent(data: string): unknown;
  save(): unknown;
  restore(): unknown;
}

/**
 * What the current page's content has set: the operators of its fill and stroke colour, undefined
 * when not known (set otherwise, or a new page), and those saved by each open `q`.
 */
class PageColors {
  page: object | undefined;
  fill: string | undefined;
  stroke: string | undefined;
  saved: [string | undefined, string | undefined][] = [];

  /** Starts again, knowing nothing, when the document has gone to another page. */
  on(page: object): this {
    if (page !== this.page) {
      this.page = page;
      this.fill = undefined;
      this.stroke = undefined;
      this.saved = [];
    }
    return this;
  }

  /** Whether `op` would set what is set already; records it as set. */
  repeats(op: string, stroke: boolean): boolean {
    if ((stroke ? this.stroke : this.fill) === op) return true;
    if (stroke) this.stroke = op;
    else this.fill = op;
    return false;
  }
}

interface Colors {
  /** A colour's operators, made once; undefined unless it is `#rrggbb`. */
  opsOf(color: string, stroke: boolean): string | undefined;
  /** The page's colours, when repeated colours are skipped. */
  state: PageColors | undefined;
  d: ColorInternals;
}

const documents = new WeakMap<PDFKit.PDFDocument, Colors>();

/**
 * Makes each `#rrggbb` colour's operators once for `doc`; with `skipRepeated`, a colour is not set
 * again on a page that has it (pdfkit's `save` and `restore` followed), and only then.
 */
export function cacheColors(doc: PDFKit.PDFDocument, options: { skipRepeated?: boolean } = {}) {
  const d = doc as unknown as ColorInternals;
  const setColor = d._setColor;
  // Each colour's two operators as one piece: written together, the same bytes.
  const fillOps = new Map<string, string>();
  const strokeOps = new Map<string, string>();
  const opsOf = (color: string, stroke: boolean): string | undefined => {
    if (color.charAt(0) !== '#') return undefined;
    const ops = stroke ? strokeOps : fillOps;
    let op = ops.get(color);
    if (op === undefined) {
      const c = d._normalizeColor(color);
      if (!c) return undefined;
      op = `/${d._getColorSpace(c)} ${stroke ? 'CS' : 'cs'}\n${c.join(' ')} ${stroke ? 'SCN' : 'scn'}`;
      ops.set(color, op);
    }
    return op;
  };
  const state = options.skipRepeated ? new PageColors() : undefined;
  documents.set(doc, { opsOf, state, d });
  d._setColor = function (this: ColorInternals, color: unknown, stroke: boolean) {
    const op = typeof color === 'string' ? opsOf(color, stroke) : undefined;
    if (!op) {
      // Gradients, patterns and colours given otherwise write what pdfkit writes: not known here.
      const set = setColor.call(this, color, stroke);
      if (state) {
        state.on(this.page);
        if (stroke) state.stroke = undefined;
        else state.fill = undefined;
      }
      return set;
    }
    if (!state?.on(this.page).repeats(op, stroke)) this.addContent(op);
    return true;
  };
  if (!state) return;
  const save = d.save;
  const restore = d.restore;
  d.save = function (this: ColorInternals) {
    state.on(this.page).saved.push([state.fill, state.stroke]);
    return save.call(this);
  };
  d.restore = function (this: ColorInternals) {
    const saved = state.on(this.page).saved.pop();
    state.fill = saved?.[0];
    state.stroke = saved?.[1];
    return restore.call(this);
  };
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
  return documents.get(doc)?.opsOf(color, stroke);
}

/**
 * What to write now to set a colour on the current page, for content written without `fillColor`
 * or `strokeColor`: its operators, or '' when the page has that colour and repeats are skipped
 * (recorded as written: call it only when writing). Undefined unless `cacheColors` made them.
 */
export function colorChange(
  doc: PDFKit.PDFDocument,
  color: string,
  stroke: boolean,
): string | undefined {
  const colors = documents.get(doc);
  const op = colors?.opsOf(color, stroke);
  if (!op || !colors?.state) return op;
  return colors.state.on(colors.d.page).repeats(op, stroke) ? '' : op;
}
