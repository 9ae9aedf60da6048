/** The options of every renderer, kept apart from the entry point so no renderer imports it. */

import type { FontBytes } from './fontFiles';

/**
 * How many of the characters a PDF cannot show (`ReportOptions.onMissingCharacters`) a warning
 * names; the rest are counted. The CLI's warning and the editor's say the same.
 */
export const namedMissingCharacters = 8;

/** Compresses bytes as a zlib stream at a level (0–9). */
export type Deflate = (data: Uint8Array, level: number) => Uint8Array;

/** Options for every format; each format reads those that concern it. */
export interface ReportOptions {
  /** CSV field separator; `;` also writes decimal commas, as Excel in Swedish locales expects. Default `,`. */
  csvSeparator?: ',' | ';';
  /** Start the CSV with a UTF-8 byte order mark so Excel reads å ä ö right. Default false. */
  csvBom?: boolean;
  /** Folder holding the DejaVu TTFs for the PDF; found next to the bundle or in node_modules when omitted (Node only). */
  fontDir?: string;
  /** The PDF's fonts as bytes; when given, `fontDir` is not read. Required outside Node. */
  fonts?: FontBytes;
  /**
   * Compresses bytes as a zlib stream at a level (0–9): the PDF's page content and the Word
   * charts' PNG pictures. Node's zlib in Node (report/src/nodeDeflate.ts); when omitted, pdfkit
   * and fflate compress in JavaScript, several times slower.
   */
  deflate?: Deflate;
  /**
   * Told, after a PDF is laid out, the characters of the report its fonts have no glyph for (the
   * PDF cannot show them: 東, 👍…), in the order first met; not called when there are none.
   */
  onMissingCharacters?: (characters: string[]) => void;
  /** When the report was made; shown and stored only when given, so output is otherwise deterministic. */
  generatedAt?: Date;
  /** The document's text, so listed problems can carry line numbers. */
  sourceText?: string;
}
