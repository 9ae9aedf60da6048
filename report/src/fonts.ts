/**
 * Where the PDF's fonts are. Only embedded DejaVu TTFs are used (they cover å ä ö – ” and the
 * Nordic letters), so pdfkit never loads its standard AFM fonts, which a bundle cannot reach.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/** The three faces the PDF uses; scripts/build.mjs copies these files to dist/fonts. */
export const fontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
} as const;

/** A face of the report font. */
export type FontFace = keyof typeof fontFiles;

/** The font folders tried, in order, when no `fontDir` is given. */
export function fontDirCandidates(): string[] {
  const dirs: string[] = [];
  // In the esbuild bundles (CommonJS) __dirname is dist/, and the build copies the fonts to dist/fonts.
  if (typeof __dirname === 'string')
    dirs.push(join(__dirname, 'fonts'), join(__dirname, '..', 'dist', 'fonts'));
  const script = process.argv[1];
  if (script) dirs.push(join(dirname(script), 'fonts'));
  // Running from source (tsx, tests): the npm package itself.
  try {
    const require = createRequire(join(process.cwd(), 'package.json'));
    dirs.push(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
  } catch {
    // Not installed here; the other candidates may still hold the fonts.
  }
  dirs.push(join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf'));
  return dirs;
}

/** The first folder holding all the report's fonts, or undefined. */
export function defaultFontDir(): string | undefined {
  return fontDirCandidates().find((dir) =>
    Object.values(fontFiles).every((f) => existsSync(join(dir, f))),
  );
}

const cache = new Map<string, Record<FontFace, Font>>();

/**
 * Reads and parses (once per folder) the report's fonts; throws naming the folders tried when
 * they are not found. The fonts are shared by every PDF the process renders.
 */
export function loadFonts(fontDir?: string): Record<FontFace, Font> {
  const dir = fontDir ?? defaultFontDir();
  if (!dir) {
    throw new Error(
      `The report fonts (${Object.values(fontFiles).join(', ')}) were not found; looked in ${fontDirCandidates().join(', ')}. Pass fontDir.`,
    );
  }
  let fonts = cache.get(dir);
  if (!fonts) {
    const read = (f: string) => {
      const path = join(dir, f);
      if (!existsSync(path)) throw new Error(`Report font missing: ${path}`);
      return simpleLayout(create(readFileSync(path)));
    };
    fonts = {
      regular: read(fontFiles.regular),
      bold: read(fontFiles.bold),
      italic: read(fontFiles.italic),
    };
    cache.set(dir, fonts);
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
  wrapped.layout = (text: string) => {
    const glyphs = font.glyphsForString(text.normalize('NFC'));
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
