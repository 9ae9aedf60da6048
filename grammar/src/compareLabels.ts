import { municipalityKey } from './compareName';
import type { MessageLanguage } from './language';
import { messages } from './messages';
import type { EvaluationResult } from './model';

/**
 * Names each resolved comparison and the evaluation's own series by what tells them apart: the
 * label given with `as`, else the target's name, with the year (or the round, when the years are
 * the same) added on both sides when the target has the evaluation's own name.
 */
export function labelComparisons(ev: EvaluationResult, lang: MessageLanguage): void {
  let sameNamed: EvaluationResult | undefined;
  for (const c of ev.comparisons) {
    if (!c.target) continue;
    const given = c.node.label?.value.trim();
    if (given) c.label = given;
    else if (sameName(c.target.name, ev.name)) {
      c.label = distinguished(c.target, ev, lang);
      sameNamed ??= c.target;
    } else c.label = c.target.name;
  }
  ev.label = sameNamed ? distinguished(ev, sameNamed, lang) : ev.name;
}

/** The same municipality: "Västerås stad" and "Västerås kommun" are one. */
function sameName(a: string, b: string): boolean {
  return municipalityKey(a) === municipalityKey(b);
}

function year(e: EvaluationResult): string | undefined {
  return e.dateFrom?.slice(0, 4);
}

/** The name of `e` with what sets it apart from `other`: the year, else the round. */
function distinguished(
  e: EvaluationResult,
  other: EvaluationResult,
  lang: MessageLanguage,
): string {
  const y = year(e);
  if (y && y !== year(other)) return `${e.name} ${y}`;
  if (e.round !== undefined && e.round !== other.round)
    return `${e.name} (${messages.round(lang, e.round)})`;
  return y ? `${e.name} ${y}` : e.name;
}
