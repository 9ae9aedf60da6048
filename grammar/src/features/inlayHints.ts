import type { Span } from '../ast';
import { keywordSpan } from '../ast';
import type { Analysis } from '../model';
import { formatPercent, formatScore } from '../numbers';
import { editorTexts } from './texts';

/** A hint shown inline after `offset`. */
export interface InlayHint {
  offset: number;
  label: string;
  tooltip?: string;
}

/** Which hints to give. */
export interface InlayHintOptions {
  /** Sum/max and percent after each area header (default true). */
  areas?: boolean;
  /** Total/max and percent after each evaluation's name (default true). */
  totals?: boolean;
}

/** The inlay hints within `range`: area sums after area headers, totals after evaluation names. */
export function inlayHints(
  analysis: Analysis,
  range: Span,
  options: InlayHintOptions = {},
): InlayHint[] {
  const lang = analysis.messageLanguage;
  const T = editorTexts[lang].inlayHints;
  const out: InlayHint[] = [];
  const inRange = (o: number) => o >= range.start && o <= range.end;
  for (const ev of analysis.evaluations) {
    if (options.totals !== false && ev.nameNode && inRange(ev.nameNode.end)) {
      out.push({
        offset: ev.nameNode.end,
        label: ` ${formatScore(ev.total, ev.max, lang)} · ${formatPercent(ev.percent, lang)}`,
        tooltip: T.sumOfAreas,
      });
    }
    if (options.areas === false) continue;
    for (const a of ev.areas) {
      if (a.score === undefined) continue;
      const n = a.node;
      const end = Math.max(
        ...[n.number, n.title, ...n.header].map((x) => x?.end ?? keywordSpan(n).end),
      );
      if (!inRange(end)) continue;
      // `area 1 "…" score 58`: the score stands right before the hint; add only what it lacks.
      const scoreOnLine =
        a.computedScore === undefined && n.header.some((h) => h.kind === 'score' && h.value);
      const score = scoreOnLine
        ? `/${formatScore(a.max, undefined, lang)}`
        : formatScore(a.score, a.max, lang);
      out.push({
        offset: end,
        label: ` ${score} · ${formatPercent(a.percent ?? 0, lang)}`,
        tooltip: a.computedScore !== undefined ? T.sumOfQuestions : T.statedScore,
      });
    }
  }
  return out.sort((x, y) => x.offset - y.offset);
}
