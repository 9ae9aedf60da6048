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
        const font = create(bytes[face]);
        postHeaderFirst(font);
        return simpleLayout(font);
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
  /** The texts with characters the font has no glyph for, and those characters. */
  const lacking = new Map<string, string[]>();
  wrapped.layout = (text: string) => {
    let glyphs = known.get(text);
    if (!glyphs) {
      glyphs = font.glyphsForString(text.normalize('NFC'));
      if (known.size > 50_000) {
        known.clear();
        lacking.clear();
      }
      known.set(text, glyphs);
      const missing = missingIn(font, text, glyphs);
      if (missing) lacking.set(text, missing);
    }
    if (noting && lacking.size > 0) for (const c of lacking.get(text) ?? []) noting.add(c);
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

/** Characters a font lacking them leaves out unseen anyway: controls, format characters, line breaks. */
const invisible = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;

/**
 * The characters of a laid-out text the font has no glyph for, if any. Only a text with glyph 0
 * among its glyphs is looked at again, a character at a time: fontkit shares one glyph 0, whose
 * code points are not the text's.
 */
function missingIn(
  font: Font,
  text: string,
  glyphs: ReturnType<Font['glyphsForString']>,
): string[] | undefined {
  if (!glyphs.some((g) => g.id === 0)) return undefined;
  const missing: string[] = [];
  for (const c of text)
    if (!invisible.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0)!)) missing.push(c);
  return missing.length > 0 ? missing : undefined;
}

/** Where the characters without a glyph go while {@link noteMissingCharacters} runs. */
let noting: Set<string> | undefined;

/**
 * Runs `draw`, which lays out text in the report's fonts, and gives the characters it met that the
 * fonts have no glyph for, in the order first met: a PDF shows nothing (or an empty box) for them.
 */
export function noteMissingCharacters(draw: () => void): string[] {
  const outer = noting;
  const found = new Set<string>();
  noting = found;
  try {
    draw();
  } finally {
    noting = outer;
  }
  return [...found];
}

/** The fields of a `post` table that follow its header, by version (fontkit's definition). */
const postBody = ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map'];

/**
 * fontkit decodes a font's whole `post` table when any of its fields is first read, and DejaVu's
 * holds the names of its 6,000 glyphs, which a PDF never shows: pdfkit reads two numbers of its
 * header (`isFixedPitch`, `italicAngle`) as it embeds each font, and the decoding took 30 ms of a
 * 765-page report. The header is read here from the table's bytes, as fontkit reads it; a field
 * after it (a glyph's name) decodes the whole table as before.
 */
function postHeaderFirst(font: Font): void {
  const f = font as unknown as {
    directory: { tables: Record<string, { offset: number; length: number } | undefined> };
    stream: { buffer: Uint8Array };
    _tables: Record<string, unknown>;
    post: Record<string, unknown>;
  };
  const table = f.directory.tables.post;
  if (!table || table.length < 32 || 'post' in f._tables) return;
  const bytes = f.stream.buffer;
  if (table.offset + 32 > bytes.length) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, 32);
  const header: Record<string, unknown> = {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  for (const field of postBody)
    Object.defineProperty(header, field, {
      get: () => {
        delete f._tables.post;
        return f.post[field];
      },
    });
  f._tables.post = header;
}
