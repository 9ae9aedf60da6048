import type { AreaStatement, Span, Statement, TopBlock } from '../ast';
import type {
  Analysis,
  AreaResult,
  EvaluationResult,
  Framework,
  FrameworkArea,
  QuestionResult,
} from '../model';

/** What stands at an offset: the enclosing blocks and statement, with their model objects. */
export interface Location {
  offset: number;
  /** The top-level block holding the offset. */
  block?: TopBlock;
  /** The evaluation's model, when the block is an evaluation. */
  evaluation?: EvaluationResult;
  /** The framework defined by the block, when it is a framework. */
  framework?: Framework;
  /** The area statement holding the offset. */
  area?: AreaStatement;
  /** The evaluation area's model. */
  areaResult?: AreaResult;
  /** The framework area's definition (in a framework, or the evaluation's framework). */
  frameworkArea?: FrameworkArea;
  /** The innermost statement holding the offset. */
  statement?: Statement;
  /** The question's model, when the statement is a question of an evaluation. */
  question?: QuestionResult;
  /** The block body the offset stands directly in (between its braces). */
  body?: { owner: 'evaluation' | 'framework' | 'area' | 'frameworkArea' | 'facts'; span: Span };
}

/** Whether a span holds an offset, its end included (a cursor right after a word is on it). */
export function within(span: Span | undefined, offset: number): boolean {
  return span !== undefined && span.start <= offset && offset <= span.end;
}

/**
 * Whether an offset lies between a block's braces. A body whose `}` is missing runs on to
 * `limit` (the next top-level block, or the end of the text), as it does while being typed.
 */
export function insideBody(
  block: (Span & { closed?: boolean }) | undefined,
  offset: number,
  limit = Number.POSITIVE_INFINITY,
): boolean {
  if (!block) return false;
  if (block.closed === false) return block.start < offset && offset <= Math.max(block.end, limit);
  return block.start < offset && offset < block.end;
}

/** Finds the blocks, statement and model objects at an offset. Never throws. */
export function locate(analysis: Analysis, offset: number): Location {
  const loc: Location = { offset };
  const blocks = analysis.parse.document.blocks;
  const index = blocks.findIndex(
    (b, i) =>
      within(b, offset) || insideBody(b.body, offset, (blocks[i + 1]?.start ?? Infinity) - 1),
  );
  const block = blocks[index];
  if (!block) return loc;
  const limit = (blocks[index + 1]?.start ?? Number.POSITIVE_INFINITY) - 1;
  loc.block = block;
  if (block.kind === 'evaluation') {
    const ev = analysis.evaluations.find((e) => e.node === block);
    if (ev) loc.evaluation = ev;
  } else {
    const fw = analysis.frameworks.find((f) => f.span !== undefined && f.span === block.name);
    if (fw) loc.framework = fw;
  }
  const owner = block.kind;
  if (insideBody(block.body, offset, limit)) loc.body = { owner, span: block.body! };
  const statement = block.body?.statements.find(
    (s) => within(s, offset) || (s.kind === 'area' && insideBody(s.body, offset, limit)),
  );
  if (!statement) return loc;
  loc.statement = statement;
  if (statement.kind === 'facts' && statement.body && insideBody(statement.body, offset)) {
    loc.body = { owner: 'facts', span: statement.body };
  }
  if (statement.kind !== 'area') return loc;
  loc.area = statement;
  const areaNumber = statement.number?.value;
  if (loc.evaluation) {
    const r = loc.evaluation.areas.find((a) => a.node === statement);
    if (r) loc.areaResult = r;
    const fa =
      r?.definition ??
      (areaNumber !== undefined
        ? loc.evaluation.framework?.areaByNumber.get(areaNumber)
        : undefined);
    if (fa) loc.frameworkArea = fa;
  } else if (loc.framework && areaNumber !== undefined) {
    const fa = loc.framework.areaByNumber.get(areaNumber);
    if (fa && fa.span === statement.number) loc.frameworkArea = fa;
  }
  if (insideBody(statement.body, offset, limit)) {
    loc.body = { owner: owner === 'evaluation' ? 'area' : 'frameworkArea', span: statement.body! };
  }
  const inner = statement.body?.statements.find((s) => within(s, offset));
  if (inner) {
    loc.statement = inner;
    if (inner.kind === 'question' && loc.areaResult) {
      const q = loc.areaResult.questions.find((x) => x.node === inner);
      if (q) loc.question = q;
    }
  }
  return loc;
}

/** Every statement of a document, areas' statements included, in source order. */
export function* allStatements(analysis: Analysis): Generator<Statement> {
  for (const b of analysis.parse.document.blocks) {
    for (const s of b.body?.statements ?? []) {
      yield s;
      if (s.kind === 'area') yield* s.body?.statements ?? [];
    }
  }
}

/** Whether the document mostly uses the Swedish keyword aliases (ties go to English). */
export function prefersSwedishKeywords(analysis: Analysis): boolean {
  let balance = 0;
  const count = (swedish: boolean, text: string) => {
    // Keywords spelled alike in both languages say nothing about which one the writer uses.
    if (text === 'max' || text === 'organisation' || text === 'alias') return;
    balance += swedish ? 1 : -1;
  };
  for (const b of analysis.parse.document.blocks) count(b.keyword.swedish, b.keyword.text);
  for (const s of allStatements(analysis)) count(s.keyword.swedish, s.keyword.text);
  return balance > 0;
}
