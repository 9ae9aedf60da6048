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
  if (s.length < longRun || !hasLongRun(s)) return s;
  return s.replace(runs, (run) => run.replace(pieces, '$&\u200b'));
}

/**
 * Whether `s` has a run of {@link longRun} characters that are neither white space (`\s`) nor a
 * zero-width space: one pass, where the expression above tries every start again.
 */
function hasLongRun(s: string): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (breaks(s.charCodeAt(i))) run = 0;
    else if (++run >= longRun) return true;
  }
  return false;
}

/** The characters that end a run: those of `\s` and the zero-width space. */
function breaks(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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
