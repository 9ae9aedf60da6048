/** The PDF's page geometry, colours and type sizes: one place for every measure the layout uses. */

/** A4 in points. */
export const A4: readonly [number, number] = [595.28, 841.89];

/** Page margins in points. */
export const margin = { top: 62, bottom: 64, left: 56, right: 56 } as const;

/** The width of the text column. */
export const width = A4[0] - margin.left - margin.right;

/** The lowest point text may reach. */
export const bottom = A4[1] - margin.bottom;

/** The height of the text column. */
export const pageHeight = bottom - margin.top;

/** Colours; text on white meets WCAG AA contrast (muted 5.9:1, accent 6.2:1, warn 5.3:1). */
export const color = {
  fg: '#1b1f24',
  muted: '#5b6470',
  border: '#c7ccd3',
  head: '#eef1f5',
  box: '#f6f8fa',
  accent: '#1d5fa6',
  error: '#b3261e',
  warn: '#9a5b00',
} as const;

/** Type sizes in points. */
export const size = { body: 10, small: 8.5, table: 9.5, h1: 17, h2: 13.5, h3: 11 } as const;

/** The faces registered with pdfkit (fonts.ts). */
export type Face = 'regular' | 'bold' | 'italic';
