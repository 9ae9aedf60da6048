import type {
  AreaStatement,
  DateNode,
  ExampleStatement,
  NumberNode,
  Span,
  StringNode,
  TopBlock,
} from './ast';
import { keywordSpan } from './ast';
import { checkAreaKnown, checkAreaScore, checkMissingQuestions } from './checks/areas';
import { checkDate, checkFramework, checkLanguage } from './checks/metadata';
import { checkQuestion } from './checks/questions';
import { Code, type RelatedLocation } from './diagnostics';
import { isAreaNumber } from './framework';
import type { MessageLanguage } from './language';
import { TextBlockNode } from './literals';
import { messages } from './messages';
import type {
  AreaResult,
  EvaluationResult,
  Fact,
  Framework,
  FrameworkArea,
  GoodExample,
  QuestionResult,
  Section,
} from './model';
import { percent, sum } from './percent';
import type { DiagnosticSink } from './sink';
import { type ByKind, lastOfKind, ofKind, sortStatements } from './statements';

/** What building an evaluation needs from its surroundings. */
export interface EvaluationContext {
  uri: string;
  lang: MessageLanguage;
  sink: DiagnosticSink;
  framework(id: string): Framework | undefined;
  knownFrameworks(): string[];
}

function buildArea(
  a: AreaStatement & { number: NonNullable<AreaStatement['number']> },
  framework: Framework | undefined,
  ctx: EvaluationContext,
): AreaResult {
  const { lang, sink } = ctx;
  const n = a.number.value;
  const definition = checkAreaKnown(a, framework, lang, sink);
  const byKind = sortStatements(a.body?.statements ?? [], 'area', lang, sink);
  for (const h of a.header) {
    if (h.kind === 'max')
      sink.add(Code.Misplaced, keywordSpan(h), messages.misplaced(lang, h.keyword.text, 'area'));
  }

  let questions: QuestionResult[] = [];
  const seen = new Map<string, QuestionResult>();
  const statements = ofKind(byKind, 'question');
  for (const q of statements) {
    const r = checkQuestion(q, n, framework, lang, sink, statements);
    if (!r) continue;
    const first = seen.get(r.id);
    if (first) {
      sink.add(Code.Duplicate, q.number!, messages.duplicateQuestion(lang, r.id), {
        related: firstGiven(ctx, first.node.number!),
      });
      continue;
    }
    seen.set(r.id, r);
    questions.push(r);
  }
  if (!isSorted(questions)) questions.sort((x, y) => compareIds(x.id, y.id));
  // `push` left room for more; the model keeps an array of the exact size (see `valuesOf`).
  if (questions.length > 0) questions = questions.slice();

  const statedNode = [
    ...a.header.filter((h) => h.kind === 'score'),
    ...ofKind(byKind, 'score'),
  ].pop();
  const statedScore = statedNode?.value?.value;
  // Points over the max count as the max (KK010 says so), so the sums stay meaningful.
  const computedScore = questions.length > 0 ? sum(questions.map(countedPoints)) : undefined;
  const score =
    computedScore ?? (statedScore !== undefined && statedScore >= 0 ? statedScore : undefined);
  const max =
    definition?.max ??
    (questions.length > 0 && questions.every((q) => q.max !== undefined)
      ? sum(questions.map((q) => q.max ?? 0))
      : 100);
  const missingQuestions =
    definition && questions.length > 0 ? definition.questions.filter((fq) => !seen.has(fq.id)) : [];

  const area: AreaResult = {
    number: n,
    // The writer's title is the one shown; KK024 says when it differs from the framework's.
    title: a.title?.value ?? definition?.title ?? String(n),
    max,
    questions,
    missingQuestions,
    headings: headingsOf(byKind, definition),
    sections: ofKind(byKind, 'section').map((s) => {
      if (!s.text) return { heading: s.heading?.value ?? '', text: '' };
      const section = { heading: s.heading?.value ?? '' } as Section;
      setText(section, 'text', s.text);
      return section;
    }),
    strengths: valuesOf(ofKind(byKind, 'strength')),
    improvements: valuesOf(ofKind(byKind, 'improvement')),
    examples: examplesOf(ofKind(byKind, 'example')),
    node: a,
  };
  const intro = lastOfKind(byKind, 'intro')?.value;
  if (intro !== undefined) setText(area, 'intro', intro);
  if (statedScore !== undefined) area.statedScore = statedScore;
  if (computedScore !== undefined) area.computedScore = computedScore;
  if (score !== undefined) {
    area.score = score;
    area.percent = percent(score, max);
  }
  if (definition) area.definition = definition;
  checkAreaScore(area, lang, sink);
  checkMissingQuestions(area, lang, sink);
  return area;
}

/** What a question adds to its area's score: its points, at most its max. */
function countedPoints(q: QuestionResult): number {
  const p = q.points ?? 0;
  return q.max !== undefined && p > q.max ? q.max : p;
}

/** The area's own `heading` lines, else the framework's Rubriker for the area. */
function headingsOf(byKind: ByKind, definition: FrameworkArea | undefined): string[] {
  const own = valuesOf(ofKind(byKind, 'heading'));
  return own.length > 0 || !definition ? own : definition.headings.slice();
}

/**
 * The values of text statements that have one. `map` makes an array of the exact size, where
 * `flatMap` and `push` leave room for more in every area's lists for as long as the model lives.
 */
function valuesOf(statements: readonly { value?: StringNode }[]): string[] {
  for (const s of statements) {
    if (!s.value) return statements.flatMap((x) => (x.value ? [x.value.value] : []));
  }
  return statements.map((x) => x.value!.value);
}

/**
 * Sets a model field to a string node's value. For a text block it is a getter that decodes the
 * block when read (see `TextBlockNode`), so a checked document's model holds no copy of its
 * text blocks. The property is enumerable like a plain one (spreads and JSON see it), and every
 * object shares the getter, reading its node from a hidden property, so V8 keeps the objects
 * in fast mode (a getter per object would turn each into a dictionary, larger than the text).
 * The field must not exist yet: turning a data property into an accessor has the same cost.
 */
function setText<T extends object>(target: T, key: keyof T & string, node: StringNode): void {
  if (!(node instanceof TextBlockNode)) {
    (target as Record<string, unknown>)[key] = node.value;
    return;
  }
  const lazy = lazyText(key);
  Object.defineProperty(target, lazy.node, { value: node });
  Object.defineProperty(target, key, lazy.descriptor);
}

/** Per field name: the hidden key of its node and its shared accessor. */
const lazyFields = new Map<string, { node: symbol; descriptor: PropertyDescriptor }>();

function lazyText(key: string): { node: symbol; descriptor: PropertyDescriptor } {
  let lazy = lazyFields.get(key);
  if (lazy) return lazy;
  const node = Symbol(key);
  lazy = {
    node,
    descriptor: {
      get(this: Record<symbol, TextBlockNode>): string {
        return this[node]!.value;
      },
      // Writing the field makes it a plain one again.
      set(this: object, value: string): void {
        Object.defineProperty(this, key, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      },
      enumerable: true,
      configurable: true,
    },
  };
  lazyFields.set(key, lazy);
  return lazy;
}

/** The good examples that name a municipality, in an array of the exact size (see `valuesOf`). */
function examplesOf(statements: readonly ExampleStatement[]): GoodExample[] {
  const example = (s: ExampleStatement): GoodExample =>
    s.note
      ? { municipality: s.municipality!.value, note: s.note.value }
      : { municipality: s.municipality!.value };
  for (const s of statements) {
    if (!s.municipality) return statements.filter((x) => x.municipality).map(example);
  }
  return statements.map(example);
}

/** Points a KK014 at where the number was first given. */
function firstGiven(ctx: EvaluationContext, span: Span): RelatedLocation[] {
  return [
    { uri: ctx.uri, start: span.start, end: span.end, message: messages.firstHere(ctx.lang) },
  ];
}

function factValue(v: StringNode | NumberNode | DateNode): string | number {
  if ('block' in v) return v.value;
  if ('value' in v && !Number.isNaN(v.value)) return v.value;
  return v.text;
}

function isSorted(questions: readonly QuestionResult[]): boolean {
  for (let i = 1; i < questions.length; i++) {
    if (compareIds(questions[i - 1]!.id, questions[i]!.id) > 0) return false;
  }
  return true;
}

/** Orders dotted question numbers numerically (1.2 before 1.10). */
export function compareIds(a: string, b: string): number {
  // Walks both strings part by part without allocating: this runs for every question.
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i >= a.length) return -1;
    if (j >= b.length) return 1;
    let x = 0;
    while (i < a.length && a.charCodeAt(i) !== 46) x = x * 10 + a.charCodeAt(i++) - 48;
    let y = 0;
    while (j < b.length && b.charCodeAt(j) !== 46) y = y * 10 + b.charCodeAt(j++) - 48;
    if (x !== y) return x - y;
    i++;
    j++;
  }
  return 0;
}

/**
 * Builds an evaluation's model from its block and runs the checks that need nothing beyond the
 * block and its framework. Comparisons are resolved afterwards by the workspace.
 */
export function buildEvaluation(block: TopBlock, ctx: EvaluationContext): EvaluationResult {
  const { lang, sink } = ctx;
  const byKind = sortStatements(block.body?.statements ?? [], 'evaluation', lang, sink);
  const frameworkRef = lastOfKind(byKind, 'frameworkRef')?.name;
  const framework = frameworkRef ? ctx.framework(frameworkRef.value) : undefined;
  if (block.name) checkFramework(block, frameworkRef, framework, ctx.knownFrameworks, lang, sink);
  const languageStmt = lastOfKind(byKind, 'language');
  checkLanguage(languageStmt, lang, sink);
  const date = lastOfKind(byKind, 'date');
  checkDate(date, lang, sink);

  const areas: AreaResult[] = [];
  const seen = new Map<number, AreaResult>();
  for (const a of ofKind(byKind, 'area')) {
    if (!a.number) continue;
    if (!isAreaNumber(a.number.text)) {
      sink.add(Code.UnknownNumber, a.number, messages.badAreaNumber(lang, a.number.text));
      continue;
    }
    const withNumber = a as AreaStatement & { number: NonNullable<AreaStatement['number']> };
    const first = seen.get(a.number.value);
    if (first) {
      sink.add(Code.Duplicate, a.number, messages.duplicateArea(lang, a.number.value), {
        related: firstGiven(ctx, first.node.number!),
      });
      continue;
    }
    const area = buildArea(withNumber, framework, ctx);
    seen.set(area.number, area);
    areas.push(area);
  }
  areas.sort((x, y) => x.number - y.number);

  const missingAreas = framework ? framework.areas.filter((fa) => !seen.has(fa.number)) : [];
  if (block.name && missingAreas.length > 0) {
    for (const fa of missingAreas) {
      sink.add(
        Code.MissingArea,
        block.name,
        messages.missingArea(lang, fa.number, fa.title, fa.max),
        {
          fix: { kind: 'addAreas' },
        },
      );
    }
  }

  // Areas the framework does not define are reported (and shown) but do not count in the total.
  const counted = framework ? areas.filter((a) => a.definition !== undefined) : areas;
  const total = sum(counted.map((a) => a.score ?? 0));
  const max = framework ? framework.max : sum(areas.map((a) => a.max));
  const totalStmt = lastOfKind(byKind, 'total');
  const statedTotal = totalStmt?.value?.value;
  if (totalStmt?.value && statedTotal !== undefined) {
    if (statedTotal < 0) sink.add(Code.Negative, totalStmt.value, messages.negative(lang, 'total'));
    else if (statedTotal !== total) {
      sink.add(Code.TotalSum, totalStmt.value, messages.totalSum(lang, statedTotal, total), {
        fix: {
          kind: 'replace',
          start: totalStmt.value.start,
          end: totalStmt.value.end,
          text: String(total),
        },
      });
    }
  }

  const facts: Fact[] = ofKind(byKind, 'facts').flatMap((f) =>
    f.entries.flatMap((e) =>
      e.value ? [{ label: e.label.value, value: factValue(e.value) }] : [],
    ),
  );

  const result: EvaluationResult = {
    name: block.name?.value ?? '',
    label: block.name?.value ?? '',
    uri: ctx.uri,
    language: languageStmt?.code?.text ?? 'sv',
    evaluators: ofKind(byKind, 'evaluators').flatMap((s) => s.names.map((n) => n.value)),
    facts,
    comparisons: [],
    areas,
    missingAreas,
    total,
    max,
    percent: percent(total, max),
    summaryOnly: areas.length > 0 && areas.every((a) => a.questions.length === 0),
    node: block,
  };
  if (block.name) result.nameNode = block.name;
  if (frameworkRef) result.frameworkId = frameworkRef.value;
  if (framework) result.framework = framework;
  if (date?.from) result.dateFrom = date.from.text;
  if (date?.to) result.dateTo = date.to.text;
  const organisation = lastOfKind(byKind, 'organisation')?.value?.value;
  if (organisation !== undefined) result.organisation = organisation;
  const round = lastOfKind(byKind, 'round')?.value?.value;
  if (round !== undefined) result.round = round;
  const summary = lastOfKind(byKind, 'summary')?.value;
  if (summary !== undefined) setText(result, 'summary', summary);
  const about = lastOfKind(byKind, 'about')?.value;
  if (about !== undefined) setText(result, 'about', about);
  if (statedTotal !== undefined) result.statedTotal = statedTotal;
  for (const c of ofKind(byKind, 'compare')) {
    if (c.value) result.comparisons.push({ path: c.value.value, node: c });
  }
  return result;
}
