import type { AreaResult, Statement } from '../../../grammar/src/index';
import { type Analysis, LineIndex } from '../../../grammar/src/index';
import type { Anchor } from './messages';

/** Finds lines by offset; one per render. */
type LineOf = (offset: number) => number;

/**
 * Which report element shows each stretch of the source, from the AST offsets: the evaluation's
 * title page, its summary text, each fact, each area's heading, score, headings, texts,
 * strengths, improvements, examples and question rows. The report itself knows no lines, so the
 * preview sends these with the HTML; the webview scrolls by those that come in the same order in
 * the source and the report (see `increasing` in scrollMap.ts), and opens the source from any of them.
 */
export function anchorsFor(
  analysis: Analysis,
  text: string,
  partId: (evaluation: number, part: string) => string,
): Anchor[] {
  const lines = new LineIndex(text);
  const lineOf: LineOf = (offset) => lines.position(offset).line;
  const out: Anchor[] = [];
  const add = (start: number, end: number, selector: string, index = 0) =>
    out.push({ line: lineOf(start), end: lineOf(Math.max(start, end - 1)), selector, index });
  analysis.evaluations.forEach((e, i) => {
    const n = i + 1;
    const id = (part: string) => `#${partId(n, part)}`;
    const header = e.node.body ? e.node.body.start : e.node.end;
    add(e.node.start, header, id('title'));
    for (const s of e.node.body?.statements ?? []) {
      switch (s.kind) {
        case 'frameworkRef':
        case 'date':
        case 'evaluators':
        case 'organisation':
        case 'round':
        case 'compare':
        case 'language':
          add(s.start, s.end, `${id('title')} .kk-meta`);
          break;
        case 'summary':
          if (e.summary) add(s.start, s.end, `${id('summary')} .kk-text`);
          break;
        case 'about':
          add(s.start, s.end, id('about'));
          break;
        case 'total':
          add(s.start, s.end, `${id('summary')} .kk-total`);
          break;
        case 'facts':
          add(s.start, s.entries[0]?.start ?? s.end, id('facts'));
          s.entries.forEach((f, k) => {
            add(f.start, f.end, `${id('facts')} tbody tr`, k);
          });
          break;
      }
    }
    for (const a of e.areas) areaAnchors(a, id(`area-${a.number}`), add);
  });
  return out.sort((a, b) => a.line - b.line);
}

function areaAnchors(
  a: AreaResult,
  area: string,
  add: (start: number, end: number, selector: string, index?: number) => void,
): void {
  const node = a.node;
  add(node.start, node.body ? node.body.start : node.end, `${area} > h3`);
  const count: Record<string, number> = {};
  const next = (kind: string) => {
    count[kind] = (count[kind] ?? 0) + 1;
    return count[kind] - 1;
  };
  const statements: Statement[] = node.body?.statements ?? [];
  const intros = statements.filter((s) => s.kind === 'intro');
  // The report shows the last intro, then each section, as the area's text blocks in order.
  const textBase = a.intro !== undefined ? 1 : 0;
  for (const s of statements) {
    switch (s.kind) {
      case 'score':
        add(s.start, s.end, `${area} .kk-scorebox-score`);
        break;
      case 'heading':
        if (s.value) add(s.start, s.end, `${area} .kk-scorebox-headings li`, next('heading'));
        break;
      case 'intro':
        if (s === intros[intros.length - 1] && a.intro !== undefined)
          add(s.start, s.end, `${area} > .kk-text`, 0);
        break;
      case 'section':
        add(s.start, s.end, `${area} > .kk-text`, textBase + next('section'));
        break;
      case 'strength':
        if (s.value) add(s.start, s.end, `${area} .kk-strengths li`, next('strength'));
        break;
      case 'improvement':
        if (s.value) add(s.start, s.end, `${area} .kk-improvements li`, next('improvement'));
        break;
      case 'example':
        if (s.municipality) add(s.start, s.end, `${area} .kk-examples li`, next('example'));
        break;
      case 'question':
        if (s.number)
          add(s.start, s.end, `${area} tr[data-kk-question="${cssString(s.number.text)}"]`);
        break;
    }
  }
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, (c) => `\\${c}`);
}
