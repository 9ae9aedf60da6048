import type { Keyword, Statement } from './ast';

/**
 * The fields each kind of statement may get after its keyword, in the order `KompassParser` sets
 * them. Chevrotain's path builds a statement as `{kind, keyword, start, end}` and sets the rest
 * as it reads them; on a plain object literal V8 puts fields added later in a separate property
 * array (about 50 bytes more per statement, a tenth of a broken document's tree). The fast path
 * builds each statement as one literal with every field instead. A field left out here costs
 * only that memory; `grammar/test/smallTree.test.ts` checks the list against parsed documents.
 */
export const statementFields: Record<Statement['kind'], readonly string[]> = {
  frameworkRef: ['name'],
  date: ['from', 'toKeyword', 'to'],
  evaluators: ['names'],
  organisation: ['value'],
  heading: ['value'],
  strength: ['value'],
  improvement: ['value'],
  alias: ['value'],
  title: ['value'],
  summary: ['value'],
  about: ['value'],
  intro: ['value'],
  compare: ['value', 'asKeyword', 'label'],
  round: ['value'],
  total: ['value'],
  score: ['value'],
  max: ['value'],
  language: ['code'],
  section: ['heading', 'text'],
  example: ['municipality', 'note'],
  facts: ['entries', 'body'],
  question: ['number', 'title', 'points', 'separator', 'maxKeyword', 'max'],
  area: ['header', 'number', 'title', 'body'],
};

type StatementConstructor = new (
  kind: Statement['kind'],
  keyword: Keyword,
  start: number,
  end: number,
) => Statement;

/**
 * A constructor per kind whose objects are plain (their prototype is `Object.prototype`, as a
 * literal's), so trees from both paths stay equal field for field. V8 sizes a constructor's
 * objects after its first few uses, to the most fields any of them got: each is therefore used
 * at load with every field its kind may have, and its statements hold their fields in place.
 */
function statementConstructor(fields: readonly string[]): StatementConstructor {
  const make = function (
    this: Record<string, unknown>,
    kind: string,
    keyword: Keyword,
    start: number,
    end: number,
  ): void {
    this.kind = kind;
    this.keyword = keyword;
    this.start = start;
    this.end = end;
  } as unknown as StatementConstructor;
  make.prototype = Object.prototype;
  const stand = { name: '', text: '', swedish: false };
  // V8 settles an object size after seven constructions.
  for (let i = 0; i < 8; i++) {
    const o = new make('title', stand, 0, 0) as unknown as Record<string, unknown>;
    for (const f of fields) o[f] = undefined;
  }
  return make;
}

const constructors = new Map<string, StatementConstructor>(
  Object.entries(statementFields).map(([kind, fields]) => [kind, statementConstructor(fields)]),
);

/** A new statement of `kind` at its keyword, with room in place for the fields it may get. */
export function statementNode<T extends Statement>(
  kind: T['kind'],
  keyword: Keyword,
  start: number,
  end: number,
): T {
  const make = constructors.get(kind);
  if (make === undefined) return { kind, keyword, start, end } as T;
  return new make(kind, keyword, start, end) as T;
}
