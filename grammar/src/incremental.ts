import type { Diagnostic } from './diagnostics';
import { assemble, type ParseResult, parseRegion, type Region } from './parse';

/** Where two versions of a text differ: `[start, oldEnd)` became `[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest change turning `before` into `after`, from their common prefix and suffix. */
export function changeBetween(before: string, after: string): TextChange {
  const min = Math.min(before.length, after.length);
  let start = 0;
  while (start < min && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < min - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** What an incremental re-parse gave: the new parse, which region it replaced, and the shift. */
export interface Reparse {
  parsed: ParseResult;
  /** Index of the re-parsed region; the regions before it are untouched, those after shifted. */
  index: number;
  /** How far everything after the edit moved. */
  delta: number;
}

/**
 * Re-parses only the top-level evaluation an edit stayed inside, with a result identical to
 * parsing `after` whole; undefined when that cannot be guaranteed (the edit touches a block's
 * first keyword or the text between blocks, or changes where blocks start or end). The earlier
 * parse's nodes after the edit are moved in place: the earlier parse is used up.
 */
export function reparse(earlier: ParseResult, before: string, after: string): Reparse | undefined {
  const regions = earlier.regions;
  if (!regions || regions.length === 0) return undefined;
  const change = changeBetween(before, after);
  const index = regionAt(regions, change.start);
  const old = regions[index]!;
  const last = index === regions.length - 1;
  if (old.first !== 'Evaluation' || change.start <= old.start || !old.balanced) return undefined;
  // Where nesting was cut, the cut depends on the whole document.
  if (regions.some((r) => r.depthIssues.length > 0)) return undefined;
  if (last ? change.oldEnd > old.end : change.oldEnd >= old.end) return undefined;
  // The next block must start whatever the edited one now holds: `evaluation` always does.
  if (!last && regions[index + 1]!.first !== 'Evaluation') return undefined;
  const delta = after.length - before.length;
  const region = parseRegion(after, old.start, old.end + delta, old.enter);
  if (!region) return undefined;
  const next = regions.slice();
  next[index] = region;
  if (delta !== 0) for (let i = index + 1; i < next.length; i++) shiftRegion(next[i]!, delta);
  return { parsed: assemble(after, next), index, delta };
}

function regionAt(regions: Region[], offset: number): number {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (regions[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Moves every offset of a region (its nodes, comments and issues) by `delta`, in place. */
function shiftRegion(r: Region, delta: number): void {
  r.start += delta;
  r.end += delta;
  r.lastEnd += delta;
  if (r.block) shiftNode(r.block, delta);
  for (const c of r.comments) {
    c.start += delta;
    c.end += delta;
  }
  for (const list of [r.lexIssues, r.literalIssues, r.depthIssues, r.parseIssues]) {
    for (const x of list) {
      x.start += delta;
      x.end += delta;
      if (x.fix && 'start' in x.fix) {
        x.fix.start += delta;
        x.fix.end += delta;
      }
    }
  }
}

/** Moves `start` and `end` of a node and of every node under it. */
export function shiftNode(node: object, delta: number): void {
  const n = node as Record<string, unknown>;
  for (const key in n) {
    const v = n[key];
    if (key === 'start' || key === 'end') {
      if (typeof v === 'number') n[key] = v + delta;
    } else if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) {
        for (const x of v) if (x !== null && typeof x === 'object') shiftNode(x, delta);
      } else shiftNode(v, delta);
    }
  }
}

/** Moves a diagnostic of document `uri` by `delta`: its span, its fix, its related spans there. */
export function shiftDiagnostic(d: Diagnostic, uri: string, delta: number): void {
  d.start += delta;
  d.end += delta;
  if (d.fix && 'start' in d.fix) {
    d.fix.start += delta;
    d.fix.end += delta;
  }
  for (const r of d.related ?? []) {
    if (r.uri === uri) {
      r.start += delta;
      r.end += delta;
    }
  }
}
