/** The PDF's font files: names and bytes only, so callers can load them without the PDF writer. */

/** The three faces the PDF uses; scripts/build.mjs copies these files to dist/fonts. */
export const fontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
} as const;

/** A face of the report font. */
export type FontFace = keyof typeof fontFiles;

/** The bytes of each face's TTF file. */
export type FontBytes = Readonly<Record<FontFace, Uint8Array>>;
