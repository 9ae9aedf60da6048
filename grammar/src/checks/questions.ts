import type { QuestionStatement } from '../ast';
import { Code } from '../diagnostics';
import { isQuestionNumber } from '../framework';
import type { MessageLanguage } from '../language';
import { messages } from '../messages';
import type { Framework, QuestionResult } from '../model';
import { percent } from '../percent';
import type { DiagnosticSink } from '../sink';

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
): QuestionResult | undefined {
  if (!q.number) return undefined;
  const id = q.number.text;
  if (!isQuestionNumber(id)) {
    sink.add(Code.UnknownNumber, q.number, messages.badQuestionNumber(lang, id));
    return undefined;
  }
  if (Number(id.split('.')[0]) !== area) {
    sink.add(Code.WrongArea, q.number, messages.wrongArea(lang, id, area));
    return undefined;
  }
  const definition = framework?.questionById.get(id);
  if (framework && !definition && framework.areaByNumber.has(area)) {
    sink.add(Code.UnknownNumber, q.number, messages.unknownQuestion(lang, id, framework.id));
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

  const points = q.points?.value;
  if (q.points && points !== undefined) {
    if (points < 0) sink.add(Code.Negative, q.points, messages.negative(lang, 'points'));
    else if (max !== undefined && points > max) {
      sink.add(Code.OverMax, q.points, messages.overMax(lang, points, max, id), {
        ...(definition && framework
          ? {
              related: related(
                framework,
                definition.span,
                `${framework.id} ${id}: max ${definition.max}`,
              ),
            }
          : {}),
        fix: { kind: 'replace', start: q.points.start, end: q.points.end, text: String(max) },
      });
    }
  } else if (!q.maxKeyword) {
    sink.add(Code.NoScore, q.number, messages.noPoints(lang, id));
  }

  const result: QuestionResult = {
    id,
    title: definition?.title ?? q.title?.value ?? id,
    node: q,
  };
  if (points !== undefined && points >= 0) result.points = points;
  if (max !== undefined && max >= 0) result.max = max;
  if (result.points !== undefined && result.max !== undefined)
    result.percent = percent(result.points, result.max);
  if (definition) result.definition = definition;
  return result;
}
