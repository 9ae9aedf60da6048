import type { QuestionStatement } from '../ast';
import { Code } from '../diagnostics';
import { isQuestionNumber } from '../framework';
import type { MessageLanguage } from '../language';
import { messages } from '../messages';
import type { Framework, FrameworkQuestion, QuestionResult } from '../model';
import { percent } from '../percent';
import type { DiagnosticSink } from '../sink';
import { checkTitle } from './titles';

function related(
  framework: Framework,
  span: { start: number; end: number } | undefined,
  message: string,
) {
  return span ? [{ uri: framework.uri, start: span.start, end: span.end, message }] : undefined;
}

/**
 * Resolves one question of an evaluation area against the framework and checks it:
 * KK012 unknown number, KK013 numbered under another area, KK011 a max that differs from the
 * framework's, KK017 negative points, KK010 points above the max, KK018 no points.
 * Returns undefined for a question that cannot count (bad or foreign number).
 */
export function checkQuestion(
  q: QuestionStatement,
  area: number,
  framework: Framework | undefined,
  lang: MessageLanguage,
  sink: DiagnosticSink,
  siblings: readonly QuestionStatement[] = [],
): QuestionResult | undefined {
  if (!q.number) return undefined;
  const id = q.number.text;
  if (!isQuestionNumber(id)) {
    sink.add(Code.UnknownNumber, q.number, messages.badQuestionNumber(lang, id));
    return undefined;
  }
  if (leadingNumber(id) !== area) {
    sink.add(Code.WrongArea, q.number, messages.wrongArea(lang, id, area));
    return undefined;
  }
  const definition = framework?.questionById.get(id);
  const frameworkArea = framework?.areaByNumber.get(area);
  if (framework && !definition && frameworkArea) {
    const written = new Set(siblings.flatMap((s) => (s.number ? [s.number.text] : [])));
    const suggestion = nearestQuestion(id, frameworkArea.questions, written);
    sink.add(
      Code.UnknownNumber,
      q.number,
      messages.unknownQuestion(lang, id, framework.id, suggestion),
      {
        ...(suggestion
          ? { fix: { kind: 'replace', start: q.number.start, end: q.number.end, text: suggestion } }
          : {}),
      },
    );
    return undefined;
  }
  if (q.maxKeyword)
    sink.add(Code.Misplaced, q.maxKeyword, messages.misplaced(lang, q.maxKeyword.text, 'area'));

  let max = definition?.max ?? q.max?.value;
  if (q.max && q.max.value < 0) {
    sink.add(Code.Negative, q.max, messages.negative(lang, 'max'));
    if (!definition) max = undefined;
  } else if (definition && framework && q.max && q.max.value !== definition.max) {
    sink.add(Code.MaxMismatch, q.max, messages.maxMismatch(lang, q.max.value, id, definition.max), {
      related: related(framework, definition.span, `${framework.id} ${id}: max ${definition.max}`),
      fix: { kind: 'replace', start: q.max.start, end: q.max.end, text: String(definition.max) },
    });
  }

  // `question 1.1 "14"/15`: the points were quoted, so they read as the title.
  let quotedPoints: string | undefined;
  if (definition && framework && q.title && !isPlainNumber(q.title.value))
    checkTitle(q.title, definition.title, framework, definition.span, lang, sink);
  if (!q.points && q.separator && q.title && !q.title.block && isPlainNumber(q.title.value)) {
    const number = q.title.value.trim();
    // Past 2^53 a quoted number cannot count, as an unquoted one cannot (KK001).
    if (Number(number.replace(',', '.')) <= Number.MAX_SAFE_INTEGER) quotedPoints = number;
    sink.add(Code.StringForNumber, q.title, messages.quotedPoints(lang, number), {
      fix: { kind: 'replace', start: q.title.start, end: q.title.end, text: number },
    });
  }
  const points =
    q.points?.value ??
    (quotedPoints !== undefined ? Number(quotedPoints.replace(',', '.')) : undefined);
  const pointsSpan = q.points ?? (quotedPoints !== undefined ? q.title : undefined);
  if (pointsSpan && points !== undefined) {
    if (points < 0) sink.add(Code.Negative, pointsSpan, messages.negative(lang, 'points'));
    else if (max !== undefined && points > max) {
      sink.add(Code.OverMax, pointsSpan, messages.overMax(lang, points, max, id), {
        ...(definition && framework
          ? {
              related: related(
                framework,
                definition.span,
                `${framework.id} ${id}: max ${definition.max}`,
              ),
            }
          : {}),
        fix: { kind: 'replace', start: pointsSpan.start, end: pointsSpan.end, text: String(max) },
      });
    }
  } else if (!q.maxKeyword) {
    sink.add(Code.NoScore, q.number, messages.noPoints(lang, id));
  }

  const title =
    (quotedPoints === undefined ? q.title?.value : undefined) ?? definition?.title ?? id;
  // The usual question in one object literal: fields added later go to a property array.
  if (points !== undefined && points >= 0 && max !== undefined && max >= 0 && definition) {
    return { id, title, node: q, points, max, percent: percent(points, max), definition };
  }
  const result: QuestionResult = { id, title, node: q };
  if (points !== undefined && points >= 0) result.points = points;
  if (max !== undefined && max >= 0) result.max = max;
  if (result.points !== undefined && result.max !== undefined)
    result.percent = percent(result.points, result.max);
  if (definition) result.definition = definition;
  return result;
}

function isPlainNumber(s: string): boolean {
  return /^\s*\d+(?:[.,]\d+)?\s*$/.test(s);
}

/**
 * The framework question an unknown number most likely meant: among the area's questions not yet
 * written (all of them when every one is), the one whose last part is numerically closest.
 */
function nearestQuestion(
  id: string,
  questions: readonly FrameworkQuestion[],
  written: ReadonlySet<string>,
): string | undefined {
  const open = questions.filter((fq) => !written.has(fq.id));
  const pool = open.length > 0 ? open : questions;
  const last = (s: string) => Number(s.slice(s.lastIndexOf('.') + 1));
  const n = last(id);
  let best: FrameworkQuestion | undefined;
  for (const fq of pool) {
    if (!best || Math.abs(last(fq.id) - n) < Math.abs(last(best.id) - n)) best = fq;
  }
  return best?.id;
}

/** The number before the first dot of a question number (`3` of `3.12`), without allocating. */
function leadingNumber(id: string): number {
  let n = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c === 46) break;
    n = n * 10 + c - 48;
  }
  return n;
}
