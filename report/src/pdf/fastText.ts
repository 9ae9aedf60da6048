/**
 * pdfkit's text path with less work for the text the report sets: plain runs in one font, left,
 * right or centred, wrapped at a width or not at all. pdfkit lays a string out character by
 * character through an event emitter for every line, measures every word again for every string,
 * and encodes every glyph of every line afresh; a report of hundreds of pages spent most of its
 * time there. Here words are measured once per document, a line's glyphs are encoded a word at a
 * time from a cache, and lines are broken by the same rules (Unicode line breaking, as pdfkit
 * does) with the same arithmetic, so the bytes written are exactly pdfkit's. Anything else (runs
 * continued across fonts, links, underlines, spacing, words wider than the line) goes to pdfkit
 * unchanged.
 */

import LineBreaker from 'linebreak';
import { type ContentSink, contentSink } from './contentBuffer';

/** The parts of pdfkit's embedded font this module uses (pdfkit types none of them). */
interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  layoutCached(text: string): { glyphs: Glyph[]; positions: unknown[]; advanceWidth: number };
  layout(
    text: string,
    features?: unknown,
    onlyWidth?: boolean,
  ): { glyphs: Glyph[] | null; positions: unknown[] | null; advanceWidth: number };
  ref(): unknown;
}

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

type TextOptions = PDFKit.Mixins.TextOptions & {
  lineWidth?: number;
  textWidth?: number;
  wordCount?: number;
  columns?: number;
  columnGap?: number;
  rotation?: number;
};

/** The parts of pdfkit's document this module uses. */
interface Internals {
  _font: EmbeddedFont;
  _fontSize: number;
  _lineGap: number;
  _fillColor?: unknown[];
  _wrapper: unknown;
  _textOptions: unknown;
  x: number;
  y: number;
  page: {
    height: number;
    fonts: Record<string, unknown>;
    margins: { top: number };
    maxY(): number;
  };
  _initOptions(x?: unknown, y?: unknown, options?: TextOptions): TextOptions;
  _line(text: string, options: TextOptions, wrapper?: unknown): void;
  _fragment(text: string, x: number, y: number, options: TextOptions): void;
  addContent(data: string): Internals;
  currentLineHeight(includeGap?: boolean): number;
  widthOfString(text: string, options?: object): number;
  continueOnNewPage(): void;
  fillColor(...c: unknown[]): Internals;
  text(text: string, x?: unknown, y?: unknown, options?: TextOptions): Internals;
  heightOfString(text: string, options?: TextOptions): number;
}

type Doc = PDFKit.PDFDocument & Internals;

const float = new Float32Array(1);
const bits = new Uint32Array(float.buffer);

/** pdfkit's rounding of a measure to the 32-bit float at or below it (its `PDFNumber`). */
function pdfNumber(n: number): number {
  const rounded = Math.fround(n);
  if (rounded <= n) return rounded;
  float[0] = n;
  if (n <= 0) bits[0]! += 1;
  else bits[0]! -= 1;
  return float[0]!;
}

/**
 * Numbers as written: a page's positions repeat from line to line and page to page (margins, a
 * table's columns, its rows' heights), and formatting a fraction costs far more than a look-up.
 */
const written = new Map<number, string>();

/** A number as pdfkit writes it into a content stream. */
export function number(n: number): string {
  let s = written.get(n);
  if (s === undefined) {
    if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
    s = String(Math.round(n * 1e6) / 1e6);
    if (written.size >= 50_000) written.clear();
    written.set(n, s);
  }
  return s;
}

/** Text options this module sets exactly as pdfkit would; any other option goes to pdfkit. */
const plainOptions = new Set([
  'width',
  'align',
  'lineGap',
  'lineBreak',
  'characterSpacing',
  'height',
  'ellipsis',
]);

function plain(options: TextOptions | undefined): boolean {
  if (!options) return true;
  for (const key in options) {
    // Options given as off (`link: null`, `continued: false`) are no options.
    if (!plainOptions.has(key) && options[key as keyof TextOptions]) return false;
  }
  return options.align === undefined || options.align !== 'justify';
}

/** Whether a line's fragment carries nothing but its text (what {@link fragment} writes). */
function plainFragment(o: TextOptions): boolean {
  return (
    !o.link &&
    o.goTo == null &&
    o.destination == null &&
    !o.underline &&
    !o.strike &&
    !o.oblique &&
    !o.wordSpacing &&
    ((o as { horizontalScaling?: number }).horizontalScaling ?? 100) === 100 &&
    o.baseline == null &&
    !o.features &&
    !o.stroke &&
    o.align !== 'justify'
  );
}

/** A string's break opportunities as pdfkit's line wrapper sees them: words and their widths. */
interface Words {
  words: string[];
  widths: number[];
  required: boolean[];
}

const softHyphen = '\u00ad';

/** One run of a paragraph in several fonts: its text, face, colour and link. */
export interface Piece {
  text: string;
  face: string;
  fill: string;
  link: string | null;
  underline: boolean;
}

type Paragraph = (
  pieces: readonly Piece[],
  x: number,
  y: number,
  width: number,
  lineGap: number,
) => boolean;

const paragraphs = new WeakMap<PDFKit.PDFDocument, Paragraph>();

type Line = (text: string, x: number, y: number) => boolean;

const lines = new WeakMap<PDFKit.PDFDocument, Line>();

/** Shorter than the runs longWords.ts breaks: such a line is drawn as given. */
const unbrokenUpTo = 64;

/**
 * Draws one line of text at (x, y) in the current font, size and colour, as
 * `text(s, x, y, { lineBreak: false })` would; false (nothing drawn) when only `text` can.
 */
export function drawLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number): boolean {
  const draw = lines.get(doc);
  return draw ? draw(text, x, y) : false;
}

/**
 * Sets runs in several fonts as one paragraph from (x, y), wrapped at `width`, as pdfkit's
 * `text(…, { continued: true })` calls would; false (nothing drawn) when only pdfkit can.
 */
export function drawContinued(
  doc: PDFKit.PDFDocument,
  pieces: readonly Piece[],
  x: number,
  y: number,
  width: number,
  lineGap: number,
): boolean {
  const draw = paragraphs.get(doc);
  return draw ? draw(pieces, x, y, width, lineGap) : false;
}

/**
 * Installs the faster text path on `doc` after its fonts are registered: the same output, less
 * work. Call before other wrappers of `text` and `heightOfString` (longWords.ts).
 */
export function fastTextIn(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as Doc;
  const hexes = new Map<EmbeddedFont, Map<string, Uint8Array>>();
  // Each font is set up when pdfkit first makes it, so the fonts keep pdfkit's names (F1, F2…).
  const setFont = doc.font;
  doc.font = function (this: Doc, ...args: unknown[]) {
    const r = (setFont as (...a: unknown[]) => Doc).apply(this, args);
    if (this._font && !hexes.has(this._font)) fasterFont(this._font);
    return r;
  } as typeof doc.font;
  const fasterFont = (font: EmbeddedFont) => {
    const known = new Map<string, number>();
    hexes.set(font, new Map());
    const layout = font.layout.bind(font);
    // The width of a string as pdfkit sums it (word by word, each word's glyphs in order), kept.
    font.layout = (text, features, onlyWidth) => {
      if (features || !onlyWidth) return layout(text, features, onlyWidth);
      let w = known.get(text);
      if (w === undefined) {
        w = 0;
        let last = 0;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 32 || c === 9) {
            w += font.layoutCached(text.slice(last, i + 1)).advanceWidth;
            last = i + 1;
          }
        }
        if (last < text.length) w += font.layoutCached(text.slice(last)).advanceWidth;
        if (known.size > 100_000) known.clear();
        known.set(text, w);
      }
      return { glyphs: null, positions: null, advanceWidth: w };
    };
  };
  if (doc._font) fasterFont(doc._font);

  /**
   * The glyph codes of a word in hexadecimal, as pdfkit's `encode` makes them (and with its side
   * effects), as the bytes written: a word is copied into the page at once.
   */
  const wordHex = (font: EmbeddedFont, word: string): Uint8Array => {
    const cache = hexes.get(font)!;
    let hex = cache.get(word);
    if (hex === undefined) {
      const glyphs = font.layoutCached(word).glyphs;
      hex = new Uint8Array(glyphs.length * 4);
      let at = 0;
      for (const glyph of glyphs) {
        const gid = font.subset.includeGlyph(glyph.id);
        for (const c of `0000${gid.toString(16)}`.slice(-4)) hex[at++] = c.charCodeAt(0);
        if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
        if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      }
      cache.set(word, hex);
    }
    return hex;
  };

  /** Writes the glyph codes of a line, a word at a time. */
  const lineHex = (sink: ContentSink, font: EmbeddedFont, text: string): void => {
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        sink.bytes(wordHex(font, text.slice(last, i + 1)));
        last = i + 1;
      }
    }
    if (last < text.length) sink.bytes(wordHex(font, text.slice(last)));
  };

  // One line of text, as pdfkit's `_fragment` writes it when the text has no decoration: the
  // glyphs of the embedded fonts here never carry offsets or kerning (fonts.ts), so a line is one
  // `TJ` of one string.
  const fragment = doc._fragment;
  // The parts of a line's operators that stay the same from line to line, made when they change.
  let lastHeight = Number.NaN;
  let flip = '';
  let lastFont: EmbeddedFont | undefined;
  let lastSize = Number.NaN;
  let fontOps = '';
  doc._fragment = function (this: Doc, text, x, y, options) {
    // The line is written in pieces to the page's buffer (contentBuffer.ts), when there is one.
    const sink = contentSink(this);
    if (!sink || !plainFragment(options)) return fragment.call(this, text, x, y, options);
    let s = `${text}`;
    if (s.includes('\n')) s = s.replace(/\n/g, '');
    if (s.length === 0) return;
    const align = options.align || 'left';
    if (options.width) {
      if (align === 'right')
        x += options.lineWidth! - this.widthOfString(s.replace(/\s+$/, ''), options);
      else if (align === 'center') x += options.lineWidth! / 2 - options.textWidth! / 2;
    }
    const font = this._font;
    const dy = (font.ascender / 1e3) * this._fontSize;
    const height = this.page.height;
    const top = height - y - dy;
    if (this.page.fonts[font.id] == null) this.page.fonts[font.id] = font.ref();
    // pdfkit's save, flip, text and restore, written as one piece (its pieces end in newlines): the
    // transformation it keeps track of is the same after a save and a restore.
    if (height !== lastHeight) {
      lastHeight = height;
      flip = `q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 `;
    }
    if (font !== lastFont || this._fontSize !== lastSize) {
      lastFont = font;
      lastSize = this._fontSize;
      fontOps = ` Tm\n/${font.id} ${number(this._fontSize)} Tf`;
    }
    sink.start();
    sink.piece(flip);
    sink.piece(number(x));
    sink.piece(' ');
    sink.piece(number(top));
    sink.piece(fontOps);
    if (options.characterSpacing) {
      sink.piece('\n');
      sink.piece(number(options.characterSpacing));
      sink.piece(' Tc');
    }
    sink.piece('\n[<');
    lineHex(sink, font, s);
    sink.piece('> 0] TJ\nET\nQ');
    sink.end();
  };

  /** A word's width as pdfkit's line wrapper measures it, with its character spacing. */
  const wordWidth = (word: string, spacing: { characterSpacing: number }) =>
    pdfNumber(doc.widthOfString(word, spacing) + spacing.characterSpacing + 0);

  // Texts measured lately, with the font, size, width and spacing of each measure: a paragraph is
  // measured for its height, then drawn; a table's rows are all measured for their heights, then
  // drawn. Looked up by the text alone (its hash is kept with it); emptied when it grows large.
  const measured = new Map<
    string,
    {
      font: EmbeddedFont | undefined;
      size: number;
      lineWidth: number;
      characterSpacing: number;
      words: Words | undefined;
    }[]
  >();

  /** The words of `text` and their widths; undefined when one is wider than the line or hyphenated. */
  const wordsOf = (text: string, lineWidth: number, characterSpacing = 0): Words | undefined => {
    const font = doc._font;
    const size = doc._fontSize;
    let list = measured.get(text);
    if (list) {
      for (const m of list)
        if (
          m.font === font &&
          m.size === size &&
          m.lineWidth === lineWidth &&
          m.characterSpacing === characterSpacing
        )
          return m.words;
    } else {
      if (measured.size >= 4096) measured.clear();
      list = [];
      measured.set(text, list);
    }
    const words = measureWords(text, lineWidth, characterSpacing);
    list.push({ font, size, lineWidth, characterSpacing, words });
    return words;
  };

  const measureWords = (
    text: string,
    lineWidth: number,
    characterSpacing: number,
  ): Words | undefined => {
    const spacing = { characterSpacing: (characterSpacing * 100) / 100 };
    const breaker = new LineBreaker(text);
    const out: Words = { words: [], widths: [], required: [] };
    let last = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      const word = text.slice(last, bk.position);
      const w = wordWidth(word, spacing);
      if (w > lineWidth || word.endsWith(softHyphen)) return undefined;
      out.words.push(word);
      out.widths.push(w);
      out.required.push(bk.required);
      last = bk.position;
    }
    return out;
  };

  /**
   * pdfkit's line wrapper for one font, one column: `line` gets each line's text, width and word
   * count; `after` runs after each line but the last, with the line height. `width` is the line's
   * width as it is at the moment; `lineStart`, at the start of each paragraph line, may change it
   * (a run that goes on where another ended starts its first line shorter).
   */
  const wrap = (
    words: Words,
    width: () => number,
    line: (text: string, width: number, count: number) => void,
    after: (lh: number) => void,
    lineStart?: () => void,
  ) => {
    let buffer = '';
    let textWidth = 0;
    let wc = 0;
    let spaceLeft = width();
    for (let i = 0; i < words.words.length; i++) {
      const word = words.words[i]!;
      const w = words.widths[i]!;
      const required = words.required[i]!;
      if (i === 0 || words.required[i - 1]) {
        lineStart?.();
        spaceLeft = width();
      }
      const fits = w <= spaceLeft;
      if (fits) {
        buffer += word;
        textWidth += w;
        wc++;
      }
      if (required || !fits) {
        const lh = doc.currentLineHeight(true);
        if (required && w > spaceLeft) {
          line(buffer, textWidth, wc);
          buffer = word;
          textWidth = w;
          wc = 1;
        }
        line(buffer, textWidth, wc);
        after(lh);
        if (required) {
          spaceLeft = width();
          buffer = '';
          textWidth = 0;
          wc = 0;
        } else {
          spaceLeft = width() - w;
          buffer = word;
          textWidth = w;
          wc = 1;
        }
      } else spaceLeft -= w;
    }
    if (wc > 0) line(buffer, textWidth, wc);
  };

  // A paragraph of runs in several fonts (`text` with `continued`), as pdfkit's line wrapper sets
  // it: each run goes on where the one before ended, its first line shortened by what is there.
  const continued = (
    pieces: readonly Piece[],
    x: number,
    y: number,
    width: number,
    lineGap: number,
  ) => {
    if (doc._wrapper != null || doc._textOptions != null) return false;
    const full = (width * 100) / 100;
    // Measured first, each run in its font: a paragraph pdfkit would break inside a word stays with it.
    const measured: Words[] = [];
    for (const piece of pieces) {
      doc.font(piece.face);
      const words = wordsOf(piece.text, full);
      if (!words || words.words.length === 0) return false;
      measured.push(words);
    }
    doc.x = x;
    doc.y = y;
    const startX = x;
    let lineWidth = full;
    let continuedX = 0;
    let indentApplied = false;
    let maxY = pdfNumber(doc.page.maxY());
    const nextSection = () => {
      doc.continueOnNewPage();
      maxY = doc.page.maxY();
      doc.x = startX;
      if (doc._fillColor) doc.fillColor(...doc._fillColor);
    };
    pieces.forEach((piece, k) => {
      doc.font(piece.face).fillColor(piece.fill);
      const options: TextOptions = {
        width,
        lineGap,
        continued: k < pieces.length - 1,
        link: piece.link,
        underline: piece.underline,
      };
      const words = measured[k]!;
      if (doc.y > maxY || doc.y + doc.currentLineHeight(true) > maxY) nextSection();
      let lines = 0;
      let continueY = doc.y;
      // What pdfkit's wrapper does once after the next line is drawn.
      const afterLine: (() => void)[] = [];
      wrap(
        words,
        () => lineWidth,
        (line, textWidth, wc) => {
          options.textWidth = textWidth + 0 * (wc - 1);
          options.wordCount = wc;
          options.lineWidth = lineWidth;
          continueY = doc.y;
          doc._line(line, options, true);
          for (const then of afterLine.splice(0)) then();
          lines++;
        },
        (lh) => {
          if (pdfNumber(doc.y + lh) > maxY) nextSection();
        },
        () => {
          const indent = continuedX || 0;
          if (continuedX || !indentApplied) {
            doc.x += indent;
            lineWidth -= indent;
            indentApplied = true;
          }
          afterLine.push(() => {
            doc.x -= indent;
            lineWidth += indent;
            indentApplied = false;
            if (!options.continued) continuedX = 0;
          });
        },
      );
      if (options.continued) {
        if (lines > 1) continuedX = 0;
        continuedX += options.textWidth || 0;
        doc.y = continueY;
      } else doc.x = startX;
    });
    return true;
  };
  paragraphs.set(doc, continued);

  // `text(s, x, y, { lineBreak: false })` for a line without line feeds: what the path below
  // does for it (position, one fragment, the position after it), without its option handling.
  const unbroken: TextOptions = { lineBreak: false };
  lines.set(doc, (s, x, y) => {
    if (
      s.length >= unbrokenUpTo ||
      s.includes('\n') ||
      doc._wrapper != null ||
      doc._textOptions != null
    )
      return false;
    doc.x = x;
    doc.y = y;
    doc._fragment(s, x, y, unbroken);
    doc.x += doc.widthOfString(s, unbroken);
    return true;
  });

  const text = doc.text;
  doc.text = function (this: Doc, s: unknown, x?: unknown, y?: unknown, opts?: TextOptions) {
    if (
      typeof s !== 'string' ||
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      !plain(opts) ||
      this._wrapper != null ||
      this._textOptions != null
    )
      return (text as (...a: unknown[]) => Doc).call(this, s, x, y, opts);
    const options = this._initOptions(x, y, opts);
    if (!options.width) {
      for (const line of s.split('\n')) this._line(line, options);
      return this;
    }
    const lineWidth = (options.width * 100) / 100;
    const words = wordsOf(s, lineWidth, options.characterSpacing);
    if (!words) return (text as (...a: unknown[]) => Doc).call(this, s, x, y, opts);
    // A box of fixed height (a running head) is set here when its text is one line: pdfkit's
    // ellipsis and overflow apply only where a line breaks.
    if (options.height != null) {
      let breaks = false;
      wrap(
        words,
        () => lineWidth,
        () => {},
        () => {
          breaks = true;
        },
      );
      if (breaks) return (text as (...a: unknown[]) => Doc).call(this, s, x, y, opts);
    }
    const startX = this.x;
    let maxY = pdfNumber(this.page.maxY());
    const nextSection = () => {
      this.continueOnNewPage();
      maxY = this.page.maxY();
      this.x = startX;
      if (this._fillColor) this.fillColor(...this._fillColor);
    };
    if (options.height == null && (this.y > maxY || this.y + this.currentLineHeight(true) > maxY))
      nextSection();
    wrap(
      words,
      () => lineWidth,
      (line, width, count) => {
        options.textWidth = width + 0 * (count - 1);
        options.wordCount = count;
        options.lineWidth = lineWidth;
        this._line(line, options, true);
      },
      (lh) => {
        if (pdfNumber(this.y + lh) > maxY) nextSection();
      },
    );
    this.x = startX;
    return this;
  } as typeof doc.text;

  const heightOfString = doc.heightOfString;
  doc.heightOfString = function (this: Doc, s: string, opts?: TextOptions) {
    if (typeof s !== 'string' || !plain(opts) || this._wrapper != null || this._textOptions != null)
      return heightOfString.call(this, s, opts);
    const options = this._initOptions(opts);
    if (!options.width) return heightOfString.call(this, s, opts);
    const lineWidth = (options.width * 100) / 100;
    const words = wordsOf(s, lineWidth, options.characterSpacing);
    if (!words) return heightOfString.call(this, s, opts);
    const lineGap = options.lineGap || this._lineGap || 0;
    const y = this.y;
    let at = y;
    wrap(
      words,
      () => lineWidth,
      () => {
        at += this.currentLineHeight(true) + lineGap;
      },
      () => {},
    );
    return at - y;
  } as typeof doc.heightOfString;
}
