import type { AreaStatement } from '../ast';
import { keywordSpan } from '../ast';
import { Code } from '../diagnostics';
import type { MessageLanguage } from '../language';
import { messages } from '../messages';
import type { AreaResult, Framework, FrameworkArea } from '../model';
import type { DiagnosticSink } from '../sink';
import { checkTitle } from './titles';

/** KK012: an area number the framework does not have. */
export function checkAreaKnown(
  a: AreaStatement & { number: NonNullable<AreaStatement['number']> },
  framework: Framework | undefined,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): FrameworkArea | undefined {
  const definition = framework?.areaByNumber.get(a.number.value);
  if (framework && !definition) {
    sink.add(Code.UnknownNumber, a.number, messages.unknownArea(lang, a.number.text, framework.id));
  }
  if (framework && definition && a.title)
    checkTitle(
      a.title,
      definition.title,
      framework,
      definition.span,
      lang,
      sink,
      definition.aliases,
    );
  return definition;
}

/**
 * The checks on an area's score: KK017 a negative stated score, KK020 a stated score that differs
 * from the sum of the questions, KK022 a score above the area's max, KK018 no score at all.
 */
export function checkAreaScore(
  area: AreaResult,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): void {
  const node = area.node;
  const stated = [...node.header, ...(node.body?.statements ?? [])]
    .filter((s) => s.kind === 'score')
    .pop();
  const statedSpan = stated && 'value' in stated ? stated.value : undefined;
  if (statedSpan && area.statedScore !== undefined && area.statedScore < 0) {
    sink.add(Code.Negative, statedSpan, messages.negative(lang, 'score'));
  }
  if (
    statedSpan &&
    area.statedScore !== undefined &&
    area.computedScore !== undefined &&
    area.statedScore !== area.computedScore
  ) {
    sink.add(
      Code.AreaSum,
      statedSpan,
      messages.areaSum(lang, area.number, area.statedScore, area.computedScore),
      {
        fix: {
          kind: 'replace',
          start: statedSpan.start,
          end: statedSpan.end,
          text: String(area.computedScore),
        },
      },
    );
  }
  if (area.score !== undefined && area.score > area.max) {
    const span =
      area.computedScore === undefined && statedSpan
        ? statedSpan
        : (node.number ?? keywordSpan(node));
    sink.add(Code.AreaOverMax, span, messages.areaOverMax(lang, area.number, area.score, area.max));
  }
  if (area.score === undefined) {
    sink.add(
      Code.NoScore,
      node.number ?? keywordSpan(node),
      messages.noAreaScore(lang, area.number),
    );
  }
}

/** KK015: a framework question missing from an area that has questions. */
export function checkMissingQuestions(
  area: AreaResult,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): void {
  const span = {
    start: area.node.start,
    end: (area.node.title ?? area.node.number ?? keywordSpan(area.node)).end,
  };
  for (const q of area.missingQuestions) {
    sink.add(
      Code.MissingQuestion,
      span,
      messages.missingQuestion(lang, q.id, q.title, q.max, area.number),
      {
        fix: { kind: 'addQuestions', area: area.number },
      },
    );
  }
}
