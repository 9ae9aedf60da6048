/**
 * The arithmetic of scroll sync, shared by the webview script and the tests: no DOM, no VS Code.
 * A placed anchor is a stretch of source lines and where its report element sits in the page.
 */

/** An anchor whose element was found in the page: source lines `line..end`, page `top..top+height`. */
export interface Placed {
  line: number;
  end: number;
  top: number;
  height: number;
}

/**
 * The longest run of `items` (in source order) whose `position`s never decrease: the anchors
 * the preview scrolls by, so scrolling one way never runs the other back. Parts shown in
 * another order than written (the facts: early in the source, last in the report) drop out,
 * and the preview stays still while the editor passes them. O(n log n).
 */
export function increasing<T>(items: readonly T[], position: (item: T) => number): T[] {
  const values = items.map(position);
  const tails: number[] = [];
  const previous: number[] = new Array<number>(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! <= v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: T[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!)
    out.push(items[i]!);
  return out.reverse();
}

/**
 * Where the page should be scrolled for a source line, between the top and bottom of the
 * element showing it in proportion; undefined for a line no anchor covers (the preview then
 * stays still). `placed` is in source order with increasing tops; the result never passes the
 * next anchor's top, so it grows with the line.
 */
export function offsetForLine(placed: readonly Placed[], line: number): number | undefined {
  const i = placed.findIndex((p) => p.line <= line && line <= p.end);
  if (i < 0) return undefined;
  const p = placed[i]!;
  const y = p.top + ((line - p.line) / (p.end - p.line + 1)) * p.height;
  const next = placed[i + 1];
  return next ? Math.min(y, next.top) : y;
}

/**
 * The source line shown at page offset `y`: inside an element, in proportion to its lines;
 * between two elements, in proportion to the lines between them. Grows with `y`.
 */
export function lineForOffset(placed: readonly Placed[], y: number): number | undefined {
  if (placed.length === 0) return undefined;
  let i = -1;
  for (let k = 0; k < placed.length && placed[k]!.top <= y; k++) i = k;
  if (i < 0) return placed[0]!.line;
  const p = placed[i]!;
  const span = p.end - p.line + 1;
  const bottom = p.top + p.height;
  if (y < bottom && p.height > 0)
    return Math.min(p.end, p.line + Math.floor(((y - p.top) / p.height) * span));
  const next = placed[i + 1];
  if (!next || next.top <= bottom) return p.end;
  const share = (y - bottom) / (next.top - bottom);
  return Math.max(p.end, Math.min(next.line - 1, p.end + Math.floor(share * (next.line - p.end))));
}
