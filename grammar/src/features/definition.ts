import type { Span } from '../ast';
import { keywordSpan } from '../ast';
import type { Analysis } from '../model';
import { locate, within } from './locate';

/** Where something is defined: a document and a stretch of it. */
export interface DefinitionTarget extends Span {
  uri: string;
}

/**
 * The definition of what stands at an offset: a question or area → its framework definition,
 * `framework "…"` → the framework, `compare "…"` → the compared file (its start).
 */
export function definition(analysis: Analysis, offset: number): DefinitionTarget | undefined {
  const loc = locate(analysis, offset);
  const s = loc.statement;
  const ev = loc.evaluation;
  if (!s || !ev) return undefined;
  const fw = ev.framework;
  if (s.kind === 'frameworkRef' && fw?.span) return { uri: fw.uri, ...span(fw.span) };
  if (s.kind === 'compare') {
    const c = ev.comparisons.find((x) => x.node === s);
    return c?.uri ? { uri: c.uri, start: 0, end: 0 } : undefined;
  }
  if (s.kind === 'question' && fw) {
    const id = s.number?.text;
    const q = id ? fw.questionById.get(id) : undefined;
    return q?.span ? { uri: fw.uri, ...span(q.span) } : undefined;
  }
  if (
    s.kind === 'area' &&
    fw &&
    (within(s.number, offset) || within(keywordSpan(s), offset) || within(s.title, offset))
  ) {
    const a = s.number ? fw.areaByNumber.get(s.number.value) : undefined;
    return a?.span ? { uri: fw.uri, ...span(a.span) } : undefined;
  }
  return undefined;
}

function span(s: Span): Span {
  return { start: s.start, end: s.end };
}
