import { closingQuotes, stringQuotes } from './tokens';

const escapes: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/**
 * Decodes a one-line string literal (quotes included, straight or typographic: see
 * `stringQuotes`). Unknown escapes keep their character.
 */
export function decodeString(raw: string): {
  value: string;
  unterminated: boolean;
  badEscapes: number[];
} {
  const close = stringQuotes[raw[0] ?? '"'] ?? '"';
  const last = raw[raw.length - 1] ?? '';
  const unterminated = raw.length < 2 || !close.includes(last) || isEscapedQuote(raw);
  // An unterminated string closed by a quote of another style (`"Titel”`) leaves that quote out.
  const cut = !unterminated || (raw.length > 1 && closingQuotes.includes(last)) ? 1 : 0;
  const body = raw.slice(1, raw.length - cut);
  const badEscapes: number[] = [];
  if (!body.includes('\\')) return { value: body, unterminated, badEscapes };
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i === body.length - 1) {
      value += c;
      continue;
    }
    const next = body[++i]!;
    const decoded = escapes[next];
    if (decoded === undefined) badEscapes.push(i); // offset of the escaped char within the body
    value += decoded ?? next;
  }
  return { value, unterminated, badEscapes };
}

function isEscapedQuote(raw: string): boolean {
  // `"abc\"` ends with a quote that is escaped: count the backslashes before it.
  let n = 0;
  for (let i = raw.length - 2; i >= 1 && raw[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/**
 * A `"""` text block in the tree. It keeps the literal as written (a slice of the source, no
 * copy) and decodes `value` each time it is read: checking a document never reads a text
 * block's value, so the decoded copies, the largest strings of a document, are never made there
 * (the report and hover decode what they show). Fields as `StringNode`'s.
 */
export class TextBlockNode {
  /** Always true: a text block. */
  readonly block = true;
  /** Set when the closing quotes are missing. */
  unterminated?: boolean;
  constructor(
    public start: number,
    public end: number,
    /** The literal as written, quotes included. */
    readonly raw: string,
  ) {
    if (raw.length < 6 || !raw.endsWith('"""')) this.unterminated = true;
  }

  /** The decoded text (see `decodeTextBlock`). */
  get value(): string {
    return decodeTextBlock(this.raw).value;
  }
}

/**
 * Decodes a `"""` text block: the line holding the opening quotes is dropped when empty, so is
 * the whitespace before the closing quotes, and the common leading indentation is removed.
 */
export function decodeTextBlock(raw: string): { value: string; unterminated: boolean } {
  const unterminated = raw.length < 6 || !raw.endsWith('"""');
  const body = raw.slice(3, unterminated ? raw.length : raw.length - 3);
  // A plain split when there is no carriage return: the regex split is the slower one.
  const lines = body.indexOf('\r') < 0 ? body.split('\n') : body.split(/\r\n|\r|\n/);
  // Text right after the opening quotes stands apart from the block's indentation.
  const first = lines.length > 1 && !isBlank(lines[0]!) ? lines.shift()!.trim() : undefined;
  if (first === undefined && lines.length > 1 && isBlank(lines[0]!)) lines.shift();
  if (lines.length > 1 && isBlank(lines[lines.length - 1]!)) lines.pop();
  let indent = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    // The first character that is not white space (as `trim` counts it): the indentation.
    const n = line.search(notSpace);
    if (n >= 0 && n < indent) indent = n;
  }
  if (!Number.isFinite(indent)) indent = 0;
  const rest = lines.map((l) => (isBlank(l) ? '' : l.slice(indent).trimEnd()));
  const value = (first === undefined ? rest : [first, ...rest]).join('\n').trim();
  return { value, unterminated };
}

// `\s` is the white space `trim` removes (ECMAScript's WhiteSpace and LineTerminator).
const notSpace = /\S/;
const blank = /^\s*$/;

/** Whether a line is empty or white space only, without trimming it. */
function isBlank(line: string): boolean {
  return blank.test(line);
}
