import { type Analysis, LineIndex } from '../../../grammar/src/index';
import type { Anchor } from './messages';

// Statements whose report part has its own id; the rest scroll with the part around them.
const partOfStatement: Readonly<Record<string, string>> = {
  summary: 'summary',
  facts: 'facts',
};

/**
 * Where each part of the report starts in the source, from the AST offsets: an evaluation's
 * title, its summary and facts, and each area. The report cannot know lines, so the preview
 * sends these along with the HTML and the webview scrolls by them.
 */
export function anchorsFor(
  analysis: Analysis,
  text: string,
  partId: (evaluation: number, part: string) => string,
): Anchor[] {
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.position(offset).line;
  const out: Anchor[] = [];
  analysis.evaluations.forEach((e, i) => {
    const n = i + 1;
    out.push({ line: lineOf(e.node.start), id: partId(n, 'title') });
    for (const s of e.node.body?.statements ?? []) {
      const part = partOfStatement[s.kind];
      if (part) out.push({ line: lineOf(s.start), id: partId(n, part) });
    }
    for (const a of e.areas)
      out.push({ line: lineOf(a.node.start), id: partId(n, `area-${a.number}`) });
  });
  return out.sort((a, b) => a.line - b.line);
}
