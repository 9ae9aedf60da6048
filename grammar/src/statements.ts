import type { Span, Statement } from './ast';
import { keywordSpan } from './ast';
import { Code } from './diagnostics';
import type { MessageLanguage } from './language';
import { messages } from './messages';
import type { DiagnosticSink } from './sink';

/** Where a statement stands: decides which statements belong. */
export type Place = 'evaluation' | 'framework' | 'area' | 'frameworkArea';

const allowed: Record<Place, ReadonlySet<Statement['kind']>> = {
  evaluation: new Set([
    'frameworkRef',
    'date',
    'evaluators',
    'organisation',
    'round',
    'language',
    'compare',
    'summary',
    'about',
    'facts',
    'area',
    'total',
  ]),
  framework: new Set(['title', 'language', 'area']),
  area: new Set([
    'score',
    'heading',
    'intro',
    'section',
    'question',
    'strength',
    'improvement',
    'example',
  ]),
  frameworkArea: new Set(['max', 'heading', 'alias', 'question', 'intro']),
};

/** Statements given once; a repeat is flagged and the last one counts. */
const single: ReadonlySet<Statement['kind']> = new Set([
  'frameworkRef',
  'date',
  'organisation',
  'round',
  'language',
  'summary',
  'about',
  'total',
  'title',
  'score',
  'max',
  'intro',
]);

/**
 * Sorts a block's statements by kind, reporting the misplaced (KK002) and repeated (KK003) ones.
 * Returns only the statements that belong, so later steps never see a misplaced one.
 */
export function sortStatements(
  statements: readonly Statement[],
  place: Place,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): Map<Statement['kind'], Statement[]> {
  const byKind = new Map<Statement['kind'], Statement[]>();
  for (const s of statements) {
    if (!allowed[place].has(s.kind)) {
      sink.add(Code.Misplaced, keywordSpan(s), messages.misplaced(lang, s.keyword.text, place));
      continue;
    }
    const list = byKind.get(s.kind);
    if (list) {
      if (single.has(s.kind))
        sink.add(Code.Repeated, keywordSpan(s), messages.repeated(lang, s.keyword.text));
      list.push(s);
    } else byKind.set(s.kind, [s]);
  }
  return byKind;
}

type Matching<S, K> = S extends { kind: infer SK } ? (K extends SK ? S : never) : never;

/** The statement type of a kind (`heading` → TextStatement). */
export type StatementOf<K extends Statement['kind']> = Matching<Statement, K>;

/** The statements of one kind, typed. */
export function ofKind<K extends Statement['kind']>(
  byKind: Map<Statement['kind'], Statement[]>,
  kind: K,
): StatementOf<K>[] {
  return (byKind.get(kind) ?? []) as StatementOf<K>[];
}

/** The last statement of a kind (the one that counts when repeated). */
export function lastOfKind<K extends Statement['kind']>(
  byKind: Map<Statement['kind'], Statement[]>,
  kind: K,
): StatementOf<K> | undefined {
  const list = ofKind(byKind, kind);
  return list[list.length - 1];
}

/** A span covering a statement's keyword and what follows it on the header. */
export function headerSpan(s: { keyword: Span; number?: Span; title?: Span }): Span {
  return { start: s.keyword.start, end: (s.title ?? s.number ?? s.keyword).end };
}
