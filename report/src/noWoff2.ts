/**
 * Stands in for the brotli decoder fontkit loads for WOFF2 fonts. The report embeds only its own
 * TTF files (report/src/fontFiles.ts), so the extensions' bundles leave the decoder (about 470 kB)
 * out and keep the .vsix small; a WOFF2 font is refused with this error instead.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported here: the report embeds TTF fonts only');
}
