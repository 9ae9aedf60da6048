// The part of fontkit (pdfkit's own font engine) the report uses; fontkit ships no types.
declare module 'fontkit' {
  /** A glyph of a font. */
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  /** A parsed font. */
  export interface Font {
    glyphsForString(text: string): Glyph[];
    /** Whether the font's character map has a glyph for the code point. */
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: unknown): unknown;
  }
  /** Parses a font file. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
