import type { Span, Statement } from '../ast';
import { Code, type Diagnostic } from '../diagnostics';
import { compareIds } from '../evaluation';
import type { MessageLanguage } from '../language';
import type { Analysis, EvaluationResult } from '../model';
import { formatNumber } from '../numbers';
import { KompassWriter } from '../writer';
import { prefersSwedishKeywords } from './locate';
import { indentAt, lineBreakOf, lineEndAt } from './text';
import { editorTexts } from './texts';

/** A replacement of `start..end` with `newText`, offsets into the document. */
export interface TextEdit extends Span {
  newText: string;
}

/** A quick fix: a title and the edits that make it. */
export interface CodeAction {
  title: string;
  kind: 'quickfix';
  /** The diagnostics the fix resolves. */
  diagnostics: Diagnostic[];
  edits: TextEdit[];
  /** The obvious fix, for "fix all" and auto-fix. */
  preferred: boolean;
}

/** The quick fixes for the diagnostics that touch `range`. */
export function codeActions(analysis: Analysis, text: string, range: Span): CodeAction[] {
  const out: CodeAction[] = [];
  const lang = analysis.messageLanguage;
  const grouped = new Map<string, CodeAction>();
  for (const d of analysis.diagnostics) {
    if (!d.fix || d.end < range.start || d.start > range.end) continue;
    const fix = d.fix;
    if (fix.kind === 'replace') {
      const title = replaceTitle(d.code, fix.text, fix.start === fix.end, lang);
      out.push({
        title,
        kind: 'quickfix',
        diagnostics: [d],
        edits: [{ start: fix.start, end: fix.end, newText: fix.text }],
        preferred: true,
      });
      continue;
    }
    const key = fix.kind === 'addQuestions' ? `q${fix.area}@${d.start}` : `a@${d.start}`;
    const existing = grouped.get(key);
    if (existing) {
      existing.diagnostics.push(d);
      continue;
    }
    const action =
      fix.kind === 'addQuestions'
        ? addQuestionsAction(analysis, text, d, fix.area)
        : addAreasAction(analysis, text, d);
    if (action) {
      grouped.set(key, action);
      out.push(action);
    }
  }
  return out;
}

const num = (text: string) => formatNumber(Number(text), 'en');

/** The title of a fix that replaces text, by the diagnostic's code. */
function replaceTitle(code: string, text: string, insert: boolean, lang: MessageLanguage): string {
  const T = editorTexts[lang].codeActions;
  switch (code) {
    case Code.OverMax:
      return T.clampToMax(num(text));
    case Code.MaxMismatch:
      return T.frameworkMax(num(text));
    case Code.AreaSum:
      return T.scoreToSum(num(text));
    case Code.TotalSum:
      return T.totalToSum(num(text));
    case Code.TitleDiffers:
      return T.frameworkTitle(text);
    case Code.StringForNumber:
      return T.unquoteNumber(text);
    case Code.Framework:
      return T.toFramework(text);
    case Code.UnknownNumber:
      return T.toQuestion(text);
    case Code.UnknownWord:
      return T.changeTo(text);
    default:
      return insert ? T.insert(text) : T.replaceWith(text);
  }
}

function evaluationAt(analysis: Analysis, offset: number): EvaluationResult | undefined {
  return analysis.evaluations.find((e) => e.node.start <= offset && offset <= e.node.end);
}

/** The writer for text inserted into this document: its keyword language, plain text. */
function writerFor(analysis: Analysis): KompassWriter {
  return new KompassWriter({ swedish: prefersSwedishKeywords(analysis) });
}

/** Inserts `lines` after the statement `after` (on new lines), or at the start of a body. */
function insertLines(
  text: string,
  anchor: { after?: Statement; bodyStart?: number },
  lines: string[],
  indent: string,
): TextEdit {
  const nl = lineBreakOf(text);
  const at = anchor.after ? lineEndAt(text, anchor.after.end) : lineEndAt(text, anchor.bodyStart!);
  return { start: at, end: at, newText: lines.map((l) => `${nl}${indent}${l}`).join('') };
}

function addQuestionsAction(
  analysis: Analysis,
  text: string,
  d: Diagnostic,
  areaNumber: number,
): CodeAction | undefined {
  const ev = evaluationAt(analysis, d.start);
  const area = ev?.areas.find((a) => a.number === areaNumber && a.node.start <= d.start);
  if (!area?.node.body || area.missingQuestions.length === 0) return undefined;
  const w = writerFor(analysis);
  const existing = area.node.body.statements.filter((s) => s.kind === 'question');
  const indent = existing[0]
    ? indentAt(text, existing[0].start)
    : `${indentAt(text, area.node.start)}  `;
  // Each missing question goes after the nearest lower-numbered one, so the area stays in order.
  const byAnchor = new Map<Statement | undefined, string[]>();
  for (const q of area.missingQuestions) {
    let anchor: Statement | undefined;
    for (const s of existing) {
      if (s.kind === 'question' && s.number && compareIds(s.number.text, q.id) < 0) {
        if (!anchor || anchor.end < s.end) anchor = s;
      }
    }
    const list = byAnchor.get(anchor) ?? [];
    list.push(w.question(q));
    byAnchor.set(anchor, list);
  }
  const edits = [...byAnchor].map(([after, lines]) =>
    after
      ? insertLines(text, { after }, lines, indent)
      : insertLines(text, { bodyStart: area.node.body!.start }, lines, indent),
  );
  const ids = area.missingQuestions.map((q) => q.id).join(', ');
  return {
    title: editorTexts[analysis.messageLanguage].codeActions.addMissingQuestions(areaNumber, ids),
    kind: 'quickfix',
    diagnostics: [d],
    edits,
    preferred: false,
  };
}

function addAreasAction(analysis: Analysis, text: string, d: Diagnostic): CodeAction | undefined {
  const ev = evaluationAt(analysis, d.start);
  const body = ev?.node.body;
  if (!ev || !body || ev.missingAreas.length === 0) return undefined;
  const w = writerFor(analysis);
  const areaStatements = body.statements.filter((s) => s.kind === 'area');
  const indent = body.statements[0]
    ? indentAt(text, body.statements[0].start)
    : `${indentAt(text, ev.node.start)}  `;
  const summaryOnly = ev.summaryOnly;
  const byAnchor = new Map<Statement | undefined, string[]>();
  for (const fa of ev.missingAreas) {
    let anchor: Statement | undefined;
    for (const s of areaStatements) {
      if (s.kind === 'area' && s.number && s.number.value < fa.number) {
        if (!anchor || anchor.end < s.end) anchor = s;
      }
    }
    anchor ??= areaStatements.length === 0 ? body.statements.at(-1) : undefined;
    const list = byAnchor.get(anchor) ?? [];
    list.push(...w.area(fa, summaryOnly));
    byAnchor.set(anchor, list);
  }
  const edits: TextEdit[] = [];
  for (const [after, lines] of byAnchor) {
    if (after) {
      edits.push(insertLines(text, { after }, lines, indent));
    } else if (areaStatements[0]) {
      // Before the first area: insert on its line, keeping it after the new lines.
      const first = areaStatements[0];
      const nl = lineBreakOf(text);
      const lineStart = first.start - indentAt(text, first.start).length;
      edits.push({
        start: lineStart,
        end: lineStart,
        newText: lines.map((l) => `${indent}${l}${nl}`).join(''),
      });
    } else {
      edits.push(insertLines(text, { bodyStart: body.start }, lines, indent));
    }
  }
  const numbers = ev.missingAreas.map((a) => a.number).join(', ');
  return {
    title: editorTexts[analysis.messageLanguage].codeActions.addMissingAreas(numbers),
    kind: 'quickfix',
    diagnostics: [d],
    edits,
    preferred: false,
  };
}
