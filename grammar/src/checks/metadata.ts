import type { DateStatement, LanguageStatement, StringNode, TopBlock } from '../ast';
import { keywordSpan } from '../ast';
import { Code } from '../diagnostics';
import { isLanguageCode, type MessageLanguage } from '../language';
import { messages } from '../messages';
import type { Framework } from '../model';
import type { DiagnosticSink } from '../sink';
import { nearest } from '../suggest';
import { quote } from '../writer';

/** KK041: the language code must be one of sv, en, nb, da, fi. */
export function checkLanguage(
  s: LanguageStatement | undefined,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): void {
  if (s?.code && !isLanguageCode(s.code.text))
    sink.add(Code.Language, s.code, messages.language(lang, s.code.text));
}

/** Whether a YYYY-MM-DD text names a day that exists (no 30 February). */
export function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}

/** KK042 for impossible dates, KK040 for a range that ends before it starts. */
export function checkDate(
  s: DateStatement | undefined,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): void {
  if (!s) return;
  let ok = true;
  for (const d of [s.from, s.to]) {
    if (d && !isValidDate(d.text)) {
      sink.add(Code.BadDate, d, messages.badDate(lang, d.text));
      ok = false;
    }
  }
  if (ok && s.from && s.to && s.to.text < s.from.text) {
    sink.add(Code.DateRange, s.to, messages.dateRange(lang, s.from.text, s.to.text));
  }
}

/** KK030: an evaluation must name a framework that exists. */
export function checkFramework(
  block: TopBlock,
  ref: StringNode | undefined,
  found: Framework | undefined,
  known: () => string[],
  lang: MessageLanguage,
  sink: DiagnosticSink,
): void {
  if (!ref) {
    sink.add(Code.Framework, block.name ?? keywordSpan(block), messages.noFramework(lang));
  } else if (!found) {
    const names = known();
    const suggestion = nearest(ref.value, names);
    sink.add(Code.Framework, ref, messages.unknownFramework(lang, ref.value, names, suggestion), {
      ...(suggestion
        ? { fix: { kind: 'replace', start: ref.start, end: ref.end, text: quote(suggestion) } }
        : {}),
    });
  }
}
