/**
 * The PDF's structure tree: elements (`H1`, `Table`, `L`…) in reading order, content marked as
 * belonging to them, and page furniture marked as artifact so assistive technology skips it.
 */

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** Builds the structure tree while the pages are drawn, so its order is the drawing order. */
export class Tags {
  private parents: Element[] = [];

  constructor(private readonly doc: Doc) {}

  /** Opens the `Document` element every other element goes under. */
  start(): void {
    const root = this.doc.struct('Document');
    this.doc.addStructure(root);
    this.parents = [root];
  }

  /** Closes every open element. */
  finish(): void {
    while (this.parents.length > 0) this.parents.pop()!.end();
  }

  private get parent(): Element {
    return this.parents[this.parents.length - 1]!;
  }

  /** Adds an empty element (`L`, `Table`, `TR`) under the current one; filled through `within`. */
  element(type: string, options: PDFKit.Mixins.StructureElementOptions = {}): Element {
    const el = this.doc.struct(type, options);
    this.parent.add(el);
    return el;
  }

  /** Runs `fill` with `el` as the parent of what it draws, then closes `el`. */
  group(type: string, fill: () => void, options: PDFKit.Mixins.StructureElementOptions = {}) {
    const el = this.element(type, options);
    this.within(el, fill);
    el.end();
  }

  /** Runs `fill` with `el` as the parent of what it draws. */
  within(el: Element, fill: () => void): void {
    this.parents.push(el);
    try {
      fill();
    } finally {
      this.parents.pop();
    }
  }

  /**
   * Draws content as one element of `type` under the current element; `attributes` become its
   * `/A` dictionary (a header cell's `{ O: 'Table', Scope: 'Column' }`).
   */
  leaf(
    type: string,
    draw: () => void,
    options: PDFKit.Mixins.StructureElementOptions = {},
    attributes?: Record<string, string>,
  ): void {
    const el = this.doc.struct(type, options);
    // pdfkit has no option for attributes; its dictionary is written when the element ends.
    if (attributes)
      (el as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A =
        attributes;
    this.parent.add(el);
    el.add(this.doc.markStructureContent(type));
    draw();
    this.doc.endMarkedContent();
    el.end();
  }

  /** Draws page furniture (rules, fills, borders, running heads) outside the structure tree. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }
}
