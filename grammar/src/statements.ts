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
 * Where each kind that belongs in a place is kept in a `ByKind`: a slot per kind, so sorting a
 * block's statements makes one small array, where a map per block grew its table several times
 * (a tenth of what checking 100,000 lines allocated).
 */
const slots: Record<Place, ReadonlyMap<Statement['kind'], number>> = {
  evaluation: slotsOf(allowed.evaluation),
  framework: slotsOf(allowed.framework),
  area: slotsOf(allowed.area),
  frameworkArea: slotsOf(allowed.frameworkArea),
};

function slotsOf(kinds: ReadonlySet<Statement['kind']>): ReadonlyMap<Statement['kind'], number> {
  return new Map([...kinds].map((kind, i) => [kind, i]));
}

/** A block's statements sorted by kind (`sortStatements`), read with `ofKind` and `lastOfKind`. */
export interface ByKind {
  readonly slots: ReadonlyMap<Statement['kind'], number>;
  readonly lists: readonly (Statement[] | undefined)[];
}

/**
 * Sorts a block's statements by kind, reporting the misplaced (KK002) and repeated (KK003) ones.
 * Returns only the statements that belong, so later steps never see a misplaced one.
 */
export function sortStatements(
  statements: readonly Statement[],
  place: Place,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): ByKind {
  const placeSlots = slots[place];
  const lists: (Statement[] | undefined)[] = new Array(placeSlots.size).fill(undefined);
  for (const s of statements) {
    const slot = placeSlots.get(s.kind);
    if (slot === undefined) {
      sink.add(Code.Misplaced, keywordSpan(s), messages.misplaced(lang, s.keyword.text, place));
      continue;
    }
    const list = lists[slot];
    if (list) {
      if (single.has(s.kind))
        sink.add(Code.Repeated, keywordSpan(s), messages.repeated(lang, s.keyword.text));
      list.push(s);
    } else lists[slot] = [s];
  }
  return { slots: placeSlots, lists };
}

type Matching<S, K> = S extends { kind: infer SK } ? (K extends SK ? S : never) : never;

/** The statement type of a kind (`heading` → TextStatement). */
export type StatementOf<K extends Statement['kind']> = Matching<Statement, K>;

/** The statements of one kind, typed; a new empty array when there are none. */
export function ofKind<K extends Statement['kind']>(byKind: ByKind, kind: K): StatementOf<K>[] {
  const slot = byKind.slots.get(kind);
  return ((slot === undefined ? undefined : byKind.lists[slot]) ?? []) as StatementOf<K>[];
}

/** The last statement of a kind (the one that counts when repeated). */
export function lastOfKind<K extends Statement['kind']>(
  byKind: ByKind,
  kind: K,
): StatementOf<K> | undefined {
  const list = ofKind(byKind, kind);
  return list[list.length - 1];
}

/** A span covering a statement's keyword and what follows it on the header. */
export function headerSpan(s: { keyword: Span; number?: Span; title?: Span }): Span {
  return { start: s.keyword.start, end: (s.title ?? s.number ?? s.keyword).end };
}
