import type { Position, Range } from 'vscode-languageserver';
import type { LineIndex, Span } from '../../grammar/src/index';

/** An offset span as an LSP range. */
export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

/** An LSP position as an offset, clamped to the text (out-of-range positions are tolerated). */
export function toOffset(lines: LineIndex, p: Position | undefined): number {
  if (!p || !Number.isFinite(p.line) || !Number.isFinite(p.character)) return 0;
  return lines.offset(p);
}

/** An LSP range as an offset span, start before end. */
export function toSpan(lines: LineIndex, r: Range | undefined): Span {
  const a = toOffset(lines, r?.start);
  const b = toOffset(lines, r?.end);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}
