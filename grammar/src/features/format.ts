import type { IToken } from 'chevrotain';
import type { Statement } from '../ast';
import { kompassLexer } from '../lexer';
import { decodeString } from '../literals';
import type { Analysis } from '../model';
import { Comma, LCurly, LineComment, RCurly, Slash, StringLiteral, TextBlock } from '../tokens';
import { quote } from '../writer';
import type { TextEdit } from './codeActions';
import { lineBreakOf } from './text';

/** How to format. */
export interface FormatOptions {
  /** Spaces per level (default 2). */
  tabSize?: number;
  /** Indent with tabs instead of spaces. */
  insertSpaces?: boolean;
  /**
   * Rewrite strings in typographic quotes (`”Titel”`, `„Titel“`, `«Titel»`) with straight
   * quotes, `"Titel"`. Off by default: the writer's quotes are kept unless asked.
   */
  straightQuotes?: boolean;
}

function tokenize(text: string): IToken[] {
  const lexed = kompassLexer().tokenize(text);
  return [...lexed.tokens, ...(lexed.groups.comments ?? [])].sort(
    (a, b) => a.startOffset - b.startOffset,
  );
}

/** Marks what the AST knows about token offsets: where lines start and where scores stand. */
function layoutMarks(analysis: Analysis): { lineStarts: Set<number>; scoreStarts: Set<number> } {
  const lineStarts = new Set<number>();
  const scoreStarts = new Set<number>();
  const visit = (statements: readonly Statement[]) => {
    for (const s of statements) {
      lineStarts.add(s.start);
      if (s.kind === 'question') {
        const score = s.points ?? s.separator ?? s.maxKeyword;
        if (score) scoreStarts.add(score.start);
      }
      if (s.kind === 'facts') for (const e of s.entries) lineStarts.add(e.start);
      if (s.kind === 'area') visit(s.body?.statements ?? []);
    }
  };
  for (const b of analysis.parse.document.blocks) {
    lineStarts.add(b.start);
    visit(b.body?.statements ?? []);
  }
  return { lineStarts, scoreStarts };
}

interface Line {
  depth: number;
  text: string;
  /** Column where a question's score starts, for alignment. */
  scoreColumn?: number;
  /** Set on the lines of a text block after its first: printed as they are. */
  verbatim?: boolean;
}

/**
 * The document in canonical layout: one statement a line, two-space indentation, single spaces,
 * question scores aligned within a run of questions, at most one blank line, comments kept.
 * Returns undefined when the document has syntax errors (formatting would guess).
 */
export function formatText(
  analysis: Analysis,
  text: string,
  options: FormatOptions = {},
): string | undefined {
  if (analysis.parse.errors.length > 0) return undefined;
  const unit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize ?? 2);
  const { lineStarts, scoreStarts } = layoutMarks(analysis);
  const tokens = tokenize(text);
  const lines: Line[] = [];
  let current: Line | undefined;
  let depth = 0;
  let prev: IToken | undefined;
  const newline = () => {
    if (current) lines.push(current);
    current = undefined;
  };
  for (const t of tokens) {
    const type = t.tokenType;
    const gap = prev ? text.slice(prev.startOffset + prev.image.length, t.startOffset) : '';
    const brokeLine = /[\r\n]/.test(gap);
    const isComment = type === LineComment || t.image.startsWith('/*');
    if (type === RCurly) depth = Math.max(0, depth - 1);
    const mustBreak =
      !prev ||
      // A comment right after `{` on the same line stays there.
      (prev.tokenType === LCurly && !(isComment && !brokeLine)) ||
      prev.tokenType === LineComment ||
      type === RCurly ||
      lineStarts.has(t.startOffset) ||
      (isComment && brokeLine) ||
      (prev.image.startsWith('/*') && brokeLine);
    if (mustBreak) {
      newline();
      const blank = (gap.match(/\r\n|\r|\n/g)?.length ?? 0) >= 2;
      if (blank && prev && prev.tokenType !== LCurly && type !== RCurly && lines.length > 0)
        lines.push({ depth: 0, text: '' });
      current = { depth, text: '' };
    } else if (current) {
      // `14/15` is tight; a `/15` waiting for its points keeps the space before it.
      const tight =
        type === Comma ||
        (type === Slash && !scoreStarts.has(t.startOffset)) ||
        prev?.tokenType === Slash;
      if (!tight) current.text += ' ';
    }
    current ??= { depth, text: '' };
    if (scoreStarts.has(t.startOffset)) current.scoreColumn = current.text.length;
    if (type === TextBlock) {
      const [first, ...rest] = textBlockLines(t.image, depth, unit);
      current.text += first;
      for (const l of rest) {
        newline();
        current = { depth: 0, text: l, verbatim: true };
      }
    } else if (type === StringLiteral && options.straightQuotes && t.image[0] !== '"') {
      current.text += quote(decodeString(t.image).value);
    } else {
      current.text += isComment ? t.image.trimEnd() : t.image;
    }
    if (type === LCurly) depth++;
    prev = t;
  }
  newline();
  alignScores(lines, unit === '\t' ? 2 : unit.length);
  const nl = lineBreakOf(text);
  const body = lines
    .map((l) => (l.verbatim || l.text === '' ? l.text : unit.repeat(l.depth) + l.text))
    .join(nl);
  return body.length > 0 ? body + nl : '';
}

/** The edits that turn the document into its canonical layout (none when it already is). */
export function format(analysis: Analysis, text: string, options: FormatOptions = {}): TextEdit[] {
  const formatted = formatText(analysis, text, options);
  if (formatted === undefined || formatted === text) return [];
  let start = 0;
  while (start < text.length && start < formatted.length && text[start] === formatted[start])
    start++;
  let end = 0;
  while (
    end < text.length - start &&
    end < formatted.length - start &&
    text[text.length - 1 - end] === formatted[formatted.length - 1 - end]
  )
    end++;
  return [
    {
      start,
      end: text.length - end,
      newText: formatted.slice(start, formatted.length - end),
    },
  ];
}

/**
 * A text block re-indented: its content one level deeper than the statement, the closing quotes
 * at the statement's level. Relative indentation inside the block is kept, so its value is too.
 */
function textBlockLines(image: string, depth: number, unit: string): string[] {
  const raw = image.split(/\r\n|\r|\n/);
  if (raw.length === 1) return [image];
  const first = raw[0]!.trimEnd();
  const rest = raw.slice(1);
  const last = rest.at(-1)!;
  const closingAlone = /^\s*"""$/.test(last);
  const content = closingAlone ? rest.slice(0, -1) : rest;
  let common = Number.POSITIVE_INFINITY;
  for (const l of content) {
    if (l.trim() === '') continue;
    common = Math.min(common, l.length - l.trimStart().length);
  }
  if (!Number.isFinite(common)) common = 0;
  const inner = unit.repeat(depth + 1);
  const out = [first];
  for (const l of content) out.push(l.trim() === '' ? '' : inner + l.slice(common).trimEnd());
  if (closingAlone) out.push(`${unit.repeat(depth)}"""`);
  return out;
}

/** Column past which scores are not aligned: long titles keep a single space instead. */
const alignLimit = 72;

/**
 * Pads runs of adjacent question lines so their scores start in one column. Lines whose score
 * would stand past the limit are left alone, so one long title does not push the rest far right.
 */
function alignScores(lines: Line[], unitWidth: number): void {
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.scoreColumn === undefined) {
      i++;
      continue;
    }
    let j = i;
    while (
      j < lines.length &&
      lines[j]!.scoreColumn !== undefined &&
      lines[j]!.depth === lines[i]!.depth
    )
      j++;
    const indent = lines[i]!.depth * unitWidth;
    const run = lines.slice(i, j).filter((l) => indent + l.scoreColumn! <= alignLimit);
    const column = Math.max(0, ...run.map((l) => l.scoreColumn!));
    for (const l of run) {
      const at = l.scoreColumn!;
      // The score follows a single space; widen that space to reach the column.
      l.text = l.text.slice(0, at) + ' '.repeat(column - at) + l.text.slice(at);
      l.scoreColumn = column;
    }
    i = j;
  }
}
