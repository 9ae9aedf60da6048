import type { AreaStatement, TopBlock } from './ast';
import { keywordSpan } from './ast';
import { checkLanguage } from './checks/metadata';
import { Code } from './diagnostics';
import { builtinFrameworkSources } from './frameworks.generated';
import type { MessageLanguage } from './language';
import { messages } from './messages';
import type { Framework, FrameworkArea, FrameworkQuestion } from './model';
import { parse } from './parse';
import { sum } from './percent';
import { DiagnosticSink } from './sink';
import { lastOfKind, ofKind, sortStatements } from './statements';

/** The URI scheme of the frameworks shipped with Kompass. */
export const builtinScheme = 'kompass-builtin';

/** Whether a dotted number is a well-formed question number (`1.2`, `1.2.3`). */
export function isQuestionNumber(text: string): boolean {
  return /^\d+(\.\d+)+$/.test(text);
}

/** Whether a number is a well-formed area number. */
export function isAreaNumber(text: string): boolean {
  return /^\d+$/.test(text);
}

function buildArea(
  a: AreaStatement,
  number: number,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): FrameworkArea {
  const byKind = sortStatements(a.body?.statements ?? [], 'frameworkArea', lang, sink);
  for (const h of a.header) {
    if (h.kind === 'score')
      sink.add(
        Code.Misplaced,
        keywordSpan(h),
        messages.misplaced(lang, h.keyword.text, 'framework'),
      );
  }
  const questions: FrameworkQuestion[] = [];
  const seen = new Map<string, FrameworkQuestion>();
  for (const q of ofKind(byKind, 'question')) {
    if (!q.number) continue;
    const id = q.number.text;
    if (!isQuestionNumber(id)) {
      sink.add(Code.UnknownNumber, q.number, messages.badQuestionNumber(lang, id));
      continue;
    }
    if (Number(id.split('.')[0]) !== number) {
      sink.add(Code.WrongArea, q.number, messages.wrongArea(lang, id, number));
      continue;
    }
    const first = seen.get(id);
    if (first) {
      sink.add(Code.Duplicate, q.number, messages.duplicateQuestion(lang, id));
      continue;
    }
    if (q.points)
      sink.add(Code.Misplaced, q.points, messages.misplaced(lang, q.points.text, 'framework'));
    const max = q.max?.value ?? 0;
    if (q.max && max < 0) sink.add(Code.Negative, q.max, messages.negative(lang, 'max'));
    const fq: FrameworkQuestion = {
      id,
      area: number,
      title: q.title?.value ?? id,
      max: Math.max(0, max),
      span: q.number,
    };
    seen.set(id, fq);
    questions.push(fq);
  }
  const maxStmt = [...a.header.filter((h) => h.kind === 'max'), ...ofKind(byKind, 'max')].pop();
  const questionSum = sum(questions.map((q) => q.max));
  const max = maxStmt?.value?.value ?? (questions.length > 0 ? questionSum : 100);
  if (maxStmt?.value && questions.length > 0 && questionSum !== max) {
    sink.add(
      Code.FrameworkAreaMax,
      maxStmt.value,
      messages.frameworkAreaMax(lang, number, max, questionSum),
    );
  }
  return {
    number,
    title: a.title?.value ?? String(number),
    aliases: ofKind(byKind, 'alias').flatMap((s) => (s.value ? [s.value.value] : [])),
    headings: ofKind(byKind, 'heading').flatMap((s) => (s.value ? [s.value.value] : [])),
    max,
    questions,
    ...(a.number ? { span: a.number } : {}),
  };
}

/** Builds a framework from its block, reporting what is wrong in it. */
export function buildFramework(
  block: TopBlock,
  uri: string,
  builtin: boolean,
  lang: MessageLanguage,
  sink: DiagnosticSink,
): Framework | undefined {
  if (!block.name) return undefined;
  const byKind = sortStatements(block.body?.statements ?? [], 'framework', lang, sink);
  const languageStmt = lastOfKind(byKind, 'language');
  checkLanguage(languageStmt, lang, sink);
  const areas: FrameworkArea[] = [];
  const areaByNumber = new Map<number, FrameworkArea>();
  for (const a of ofKind(byKind, 'area')) {
    if (!a.number) continue;
    if (!isAreaNumber(a.number.text)) {
      sink.add(Code.UnknownNumber, a.number, messages.badAreaNumber(lang, a.number.text));
      continue;
    }
    const n = a.number.value;
    if (areaByNumber.has(n)) {
      sink.add(Code.Duplicate, a.number, messages.duplicateArea(lang, n));
      continue;
    }
    const area = buildArea(a, n, lang, sink);
    areaByNumber.set(n, area);
    areas.push(area);
  }
  areas.sort((x, y) => x.number - y.number);
  const questionById = new Map<string, FrameworkQuestion>();
  for (const a of areas) for (const q of a.questions) questionById.set(q.id, q);
  return {
    id: block.name.value,
    title: lastOfKind(byKind, 'title')?.value?.value ?? block.name.value,
    language: languageStmt?.code?.text ?? 'sv',
    areas,
    max: sum(areas.map((a) => a.max)),
    uri,
    builtin,
    span: block.name,
    areaByNumber,
    questionById,
  };
}

let builtins: Framework[] | undefined;

/** The frameworks shipped with Kompass, parsed once. */
export function builtinFrameworks(): readonly Framework[] {
  if (!builtins) {
    builtins = [];
    for (const src of builtinFrameworkSources) {
      const uri = `${builtinScheme}:/${src.file}`;
      const sink = new DiagnosticSink();
      for (const b of parse(src.text).document.blocks) {
        if (b.kind !== 'framework') continue;
        const f = buildFramework(b, uri, true, 'en', sink);
        if (f) builtins.push(f);
      }
    }
  }
  return builtins;
}

/** The source text of a built-in framework by its URI, for go-to-definition and display. */
export function builtinSource(uri: string): string | undefined {
  const file = uri.startsWith(`${builtinScheme}:/`) ? uri.slice(builtinScheme.length + 2) : '';
  return builtinFrameworkSources.find((s) => s.file === file)?.text;
}
