/** Escapes text for Markdown, table cells included. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** The line break a text uses (CRLF when its first break is one). */
export function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** The whitespace a line starts with, for the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** The offset where the line holding `offset` ends, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * The longest end of `s` whose characters (code points) all match `one`, a pattern for one
 * character. Scans backwards, so the cost is the run's length: `/[…]*$/` retries from every
 * start and costs the square of a long run that is not at the end.
 */
export function trailingRun(s: string, one: RegExp): string {
  let i = s.length;
  while (i > 0) {
    const pair =
      i >= 2 && /[\uDC00-\uDFFF]/.test(s[i - 1]!) && /[\uD800-\uDBFF]/.test(s[i - 2]!) ? 2 : 1;
    if (!one.test(s.slice(i - pair, i))) break;
    i -= pair;
  }
  return s.slice(i);
}
