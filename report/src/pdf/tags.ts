/**
 * The PDF's structure tree: elements (`H1`, `Table`, `L`…) in reading order, content marked as
 * belonging to them, and page furniture marked as artifact so assistive technology skips it.
 *
 * A long report has tens of thousands of elements (one per table cell). pdfkit's
 * `PDFStructureElement` keeps an element object, a reference object with its dictionary and a
 * list of children for each, and its parent tree keeps the reference until the document ends:
 * most of what the garbage collector copied while a long report was laid out. Here an element is
 * a small record, written as its dictionary the moment it ends (when pdfkit writes it), and the
 * parent tree holds its object number until the document ends; the same objects, numbers and
 * bytes as pdfkit's (`report/test/pdfTags.test.ts` draws the same tree both ways).
 */

import { convert, keysUpTo } from './objects';
import { outputOf, wrote } from './output';

type Doc = PDFKit.PDFDocument;

/** An object as pdfkit refers to it: its number (`12 0 R`). */
interface Ref {
  id: number;
  gen: number;
  data: Record<string, unknown>;
  end(): void;
}

/** Content marked on pages, as pdfkit's `PDFStructureContent`: the page and MCID of each piece. */
interface PageContent {
  refs: { pageRef: Ref; mcid: number }[];
  push(more: PageContent): void;
}

interface Tree {
  get(key: number): unknown[];
  add(key: number, value: unknown): void;
}

interface Marking {
  structContent?: PageContent;
}

interface Internals {
  _offsets: (number | null)[];
  _waiting: number;
  _offset: number;
  _root: Ref;
  _write(data: string): void;
  _refEnd(ref: { id: number; offset: number }): void;
  page: {
    dictionary: Ref;
    structParentTreeKey: number;
    markings: Marking[];
  };
  getStructTreeRoot(): Ref;
  getStructParentTree(): Tree;
  markContent(tag: string, options: { mcid: number }): unknown;
  endMarkedContent(): unknown;
  struct(type: string, options: PDFKit.Mixins.StructureElementOptions): { dictionary: Ref };
}

/** Content marked on pages for one element; grows when its text goes on to another page. */
class Content implements PageContent {
  readonly refs: { pageRef: Ref; mcid: number }[];

  constructor(pageRef: Ref, mcid: number) {
    this.refs = [{ pageRef, mcid }];
  }

  push(more: PageContent): void {
    for (const r of more.refs) this.refs.push(r);
  }
}

const noItems: (StructElement | Content)[] = [];

/** One element of the structure tree, until it is written. */
export class StructElement {
  /** Its children (elements and marked content) in order, until it is written. */
  items: (StructElement | Content)[] = [];
  ended = false;
  parent: StructElement | undefined;
  /** Its `/A` dictionary, as PDF text. */
  attributes: string | undefined;

  constructor(
    private readonly tags: Tags,
    readonly id: number,
    readonly type: string,
    /** pdfkit's dictionary, for an element with options (a language, alternative text). */
    readonly dictionary: Ref | undefined,
  ) {}

  /** Ends the element and any child not ended yet, and writes them: no child can come after. */
  end(): void {
    if (this.ended) return;
    for (const item of this.items) if (item instanceof StructElement) item.end();
    this.ended = true;
    this.tags.write(this);
    this.items = noItems;
  }
}

/** Builds the structure tree while the pages are drawn, so its order is the drawing order. */
export class Tags {
  private parents: StructElement[] = [];
  private readonly d: Internals;
  /** The parent tree's lists (one a page, by key) that hold object numbers, not references. */
  private readonly numbered = new Map<number, unknown[]>();
  private readonly reference: object;
  private readonly written = { id: 0, offset: 0 };
  private rootRef: Ref | undefined;

  constructor(private readonly doc: Doc) {
    this.d = doc as unknown as Internals;
    this.reference = Object.getPrototypeOf(this.d._root) as object;
  }

  /** Opens the `Document` element every other element goes under. */
  start(): void {
    const treeRoot = this.d.getStructTreeRoot();
    this.rootRef = treeRoot;
    const root = this.create('Document', {});
    treeRoot.data.K ??= [];
    (treeRoot.data.K as unknown[]).push(this.refTo(root.id));
    this.parents = [root];
  }

  /**
   * Closes every open element, and gives the parent tree its references: each page's list as the
   * text pdfkit writes for it (`[12 0 R 13 0 R]`), made at once.
   */
  finish(): void {
    while (this.parents.length > 0) this.parents.pop()!.end();
    const tree = this.d.getStructParentTree();
    for (const [key, list] of this.numbered) {
      let text = '[';
      for (let i = 0; i < list.length; i++) {
        const id = list[i];
        if (i > 0) text += ' ';
        if (typeof id === 'number') text += `${id} 0 R`;
        else if (id === null) text += 'null';
        else throw new Error(`The structure tree's page list ${key} holds an object.`);
      }
      text += ']';
      const written = Object.create(this.reference) as { toString(): string };
      written.toString = () => text;
      tree.add(key, written);
    }
    this.numbered.clear();
  }

  private get parent(): StructElement {
    return this.parents[this.parents.length - 1]!;
  }

  /** Adds an empty element (`L`, `Table`, `TR`) under the current one; filled through `within`. */
  element(type: string, options: PDFKit.Mixins.StructureElementOptions = {}): StructElement {
    const el = this.create(type, options);
    this.add(el);
    return el;
  }

  /** Runs `fill` with `el` as the parent of what it draws, then closes `el`. */
  group(type: string, fill: () => void, options: PDFKit.Mixins.StructureElementOptions = {}) {
    const el = this.element(type, options);
    this.within(el, fill);
    el.end();
  }

  /** Runs `fill` with `el` as the parent of what it draws. */
  within(el: StructElement, fill: () => void): void {
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
    options?: PDFKit.Mixins.StructureElementOptions,
    attributes?: Record<string, string>,
  ): void {
    const el = this.create(type, options);
    if (attributes) {
      // pdfkit has no option for attributes; its dictionary is written when the element ends.
      if (el.dictionary) el.dictionary.data.A = attributes;
      else el.attributes = convert(attributes, this.reference);
    }
    this.add(el);
    // Its one child, in a list of one: a list pushed to would keep room for seventeen.
    el.items = [this.mark(el, type)];
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

  /**
   * A new element; its object number is taken now, as pdfkit takes it. One with options (a
   * language, alternative text: text strings) gets pdfkit's own dictionary, which pdfkit writes.
   */
  private create(
    type: string,
    options: PDFKit.Mixins.StructureElementOptions | undefined,
  ): StructElement {
    if (options && keysUpTo(options, 1) > 0) {
      const dictionary = this.d.struct(type, options).dictionary;
      return new StructElement(this, dictionary.id, type, dictionary);
    }
    const d = this.d;
    const id = d._offsets.length + 1;
    d._offsets.push(null);
    d._waiting++;
    return new StructElement(this, id, type, undefined);
  }

  private add(el: StructElement): void {
    const parent = this.parent;
    el.parent = parent;
    parent.items.push(el);
  }

  /**
   * Opens marked content for `el` on the current page (`/TD <</MCID 5>> BDC`), as pdfkit's
   * `markStructureContent` does, and puts `el` in the page's list of the parent tree.
   */
  private mark(el: StructElement, type: string): Content {
    const d = this.d;
    const page = d.page;
    const list = d.getStructParentTree().get(page.structParentTreeKey);
    const mcid = list.length;
    // The element's number, not a reference object: `finish` makes the references.
    list.push(el.id);
    this.numbered.set(page.structParentTreeKey, list);
    d.markContent(type, { mcid });
    const content = new Content(page.dictionary, mcid);
    page.markings[page.markings.length - 1]!.structContent = content;
    return content;
  }

  /** An object with pdfkit's reference prototype, which both converters write as `N 0 R`. */
  private refTo(id: number): Ref {
    const r = Object.create(this.reference) as Ref;
    r.id = id;
    r.gen = 0;
    return r;
  }

  /**
   * Puts `el` in the parent tree for each piece of its content on a later page: text that goes on
   * from one page to the next is marked again there, and pdfkit leaves `null` for it, so assistive
   * technology could not tell whose it is (PDF/UA asks for every piece).
   */
  private claimContinued(el: StructElement): void {
    const tree = this.d.getStructParentTree();
    for (const item of el.items) {
      if (item instanceof StructElement || item.refs.length < 2) continue;
      for (let i = 1; i < item.refs.length; i++) {
        const { pageRef, mcid } = item.refs[i]!;
        const key = pageRef.data.StructParents as number;
        const list = tree.get(key);
        if (list[mcid] === null) list[mcid] = el.id;
        this.numbered.set(key, list);
      }
    }
  }

  /** Writes `el`'s dictionary as pdfkit's `PDFStructureElement` writes it when it ends. */
  write(el: StructElement): void {
    this.claimContinued(el);
    const parentId = el.parent ? el.parent.id : this.rootRef!.id;
    if (el.dictionary) {
      this.writeWithPdfkit(el, el.dictionary, parentId);
      return;
    }
    const d = this.d;
    const written = this.written;
    written.id = el.id;
    written.offset = d._offset;
    // Straight into the document's bytes where output.ts collects them; as one string otherwise.
    const direct = outputOf(this.doc);
    const out = direct ?? new TextPieces();
    const from = out.length;
    out.digits(el.id);
    out.text(' 0 obj\n<<\n/S /');
    out.text(el.type);
    if (el.attributes !== undefined) {
      out.text('\n/A ');
      out.text(el.attributes);
    }
    out.text('\n/P ');
    out.digits(parentId);
    out.text(' 0 R\n/K [');
    let pg: Ref | undefined;
    let first = true;
    for (const item of el.items) {
      if (!first) out.text(' ');
      first = false;
      if (item instanceof StructElement) {
        out.digits(item.id);
        out.text(' 0 R');
        continue;
      }
      let firstRef = true;
      for (const { pageRef, mcid } of item.refs) {
        if (!firstRef) out.text(' ');
        firstRef = false;
        pg ??= pageRef;
        if (pg === pageRef) out.digits(mcid);
        else {
          out.text('<<\n/Type /MCR\n/Pg ');
          out.digits(pageRef.id);
          out.text(' 0 R\n/MCID ');
          out.digits(mcid);
          out.text('\n>>');
        }
      }
    }
    out.text(']');
    if (pg) {
      out.text('\n/Pg ');
      out.digits(pg.id);
      out.text(' 0 R');
    }
    out.text('\n>>\nendobj');
    if (direct) {
      // pdfkit ends what it writes with a newline.
      direct.byte(10);
      wrote(this.doc, direct.length - from);
    } else d._write((out as TextPieces).value);
    d._refEnd(written);
  }

  /** An element with options: pdfkit writes its dictionary, given its parent and children. */
  private writeWithPdfkit(el: StructElement, dictionary: Ref, parentId: number): void {
    let pg: Ref | undefined;
    const kids: unknown[] = [];
    for (const item of el.items) {
      if (item instanceof StructElement) {
        kids.push(this.refTo(item.id));
        continue;
      }
      for (const { pageRef, mcid } of item.refs) {
        pg ??= pageRef;
        kids.push(pg === pageRef ? mcid : { Type: 'MCR', Pg: pageRef, MCID: mcid });
      }
    }
    const data = dictionary.data;
    data.P = this.refTo(parentId);
    data.K = kids;
    if (pg) data.Pg = pg;
    dictionary.end();
    data.K = null;
  }
}

/** Pieces of text joined, where the document's bytes are not collected by output.ts. */
class TextPieces {
  value = '';

  get length(): number {
    return this.value.length;
  }

  text(s: string): void {
    this.value += s;
  }

  digits(n: number): void {
    this.value += n;
  }
}
