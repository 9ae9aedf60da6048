// The part of linebreak (pdfkit's Unicode line breaking, UAX #14) the PDF uses; it ships no types.
declare module 'linebreak' {
  /** A break opportunity: where, and whether the text demands it (a line feed). */
  interface Break {
    position: number;
    required: boolean;
  }
  /** The break opportunities of a string, in order. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
