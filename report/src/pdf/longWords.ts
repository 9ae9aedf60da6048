/**
 * pdfkit wraps a word wider than the line by measuring the rest of the word again for every line
 * it fills, so one unbroken run of 50,000 characters (a pasted hash, a mistyped number, a fuzz
 * case) took most of a minute. Runs past {@link longRun} characters get a zero-width space (a
 * break opportunity with no glyph width in the embedded font) every {@link chunk} characters:
 * each piece is then measured once, and ordinary text is never touched.
 */

const longRun = 64;
const chunk = 32;
const runs = new RegExp(`[^\\s\\u200b]{${longRun},}`, 'g');
const pieces = new RegExp(`.{${chunk}}(?=.)`, 'gsu');

/** `s` with break opportunities inside runs of {@link longRun} or more non-space characters. */
export function breakLongWords(s: string): string {
  if (s.length < longRun) return s;
  return s.replace(runs, (run) => run.replace(pieces, '$&\u200b'));
}

/** Makes every `text` and `heightOfString` call of `doc` break long words (see the module). */
export function breakLongWordsIn(doc: PDFKit.PDFDocument): void {
  const text = doc.text;
  const heightOfString = doc.heightOfString;
  doc.text = function (this: PDFKit.PDFDocument, s: unknown, ...rest: unknown[]) {
    return (text as (...a: unknown[]) => PDFKit.PDFDocument).call(
      this,
      typeof s === 'string' ? breakLongWords(s) : s,
      ...rest,
    );
  } as typeof doc.text;
  doc.heightOfString = function (this: PDFKit.PDFDocument, s: string, options?: unknown) {
    return (heightOfString as (...a: unknown[]) => number).call(this, breakLongWords(s), options);
  } as typeof doc.heightOfString;
}
