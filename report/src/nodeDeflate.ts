/**
 * Node's zlib for `ReportOptions.deflate`: the PDF's page content and the Word charts' pictures
 * compressed natively, where pdfkit and fflate would do it in JavaScript. Node only.
 */

import { deflateSync } from 'node:zlib';

/** Compresses bytes as a zlib stream at `level` (0–9). */
export function nodeDeflate(data: Uint8Array, level: number): Uint8Array {
  return deflateSync(data, { level });
}
