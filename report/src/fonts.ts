/**
 * The PDF's fonts, parsed from bytes. Only embedded DejaVu TTFs are used (they cover å ä ö – ”
 * and the Nordic letters), so pdfkit never loads its standard AFM fonts, which a bundle cannot
 * reach. Where the bytes come from is the caller's business: report/src/fontDir.ts reads them
 * from disk in Node, the web extension from its own package.
 */

import { create, type Font } from 'fontkit';
import { type FontBytes, type FontFace, fontFiles } from './fontFiles';

const cache = new WeakMap<Uint8Array, Record<FontFace, Font>>();

/** Parses the report's fonts (once per set of bytes; every PDF rendered shares them). */
export function parseFonts(bytes: FontBytes): Record<FontFace, Font> {
  let fonts = cache.get(bytes.regular);
  if (!fonts) {
    const parse = (face: FontFace) => {
      try {
        return simpleLayout(create(bytes[face]));
      } catch (e) {
        throw new Error(`Report font ${fontFiles[face]} could not be read: ${String(e)}`);
      }
    };
    fonts = { regular: parse('regular'), bold: parse('bold'), italic: parse('italic') };
    cache.set(bytes.regular, fonts);
  }
  return fonts;
}

/**
 * The font with a layout that maps characters to glyphs through the cmap only. Full OpenType
 * shaping of DejaVu (hundreds of GSUB/GPOS lookups) took seconds per report; Nordic text needs
 * no ligatures or mark positioning, so kerning is the only thing given up.
 */
function simpleLayout(font: Font): Font {
  const wrapped: Font = Object.create(font);
  // pdfkit lays out word by word and forgets between documents; the words of a report repeat.
  const known = new Map<string, ReturnType<Font['glyphsForString']>>();
  wrapped.layout = (text: string) => {
    let glyphs = known.get(text);
    if (!glyphs) {
      glyphs = font.glyphsForString(text.normalize('NFC'));
      if (known.size > 50_000) known.clear();
      known.set(text, glyphs);
    }
    // pdfkit scales the positions in place, so each call gets new objects.
    const positions = glyphs.map((g) => ({
      xAdvance: g.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    return {
      glyphs,
      positions,
      get advanceWidth() {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      },
    };
  };
  return wrapped;
}
