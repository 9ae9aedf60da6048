import type { Span } from '../ast';
import type { Analysis } from '../model';
import { type CodeAction, codeActions } from './codeActions';
import { editorTexts } from './texts';

/**
 * The fixes safe to make without looking at each: the number corrections whose diagnostic names
 * the one right value (a points over the max clamped to it, a score or total set to the sum,
 * the framework's max). Guesses such as a misspelt keyword are never among them.
 */
function safeFixes(analysis: Analysis, text: string): CodeAction[] {
  const whole: Span = { start: 0, end: text.length };
  return codeActions(analysis, text, whole).filter(
    (a) =>
      a.preferred &&
      a.edits.length === 1 &&
      a.diagnostics.length === 1 &&
      a.diagnostics[0]!.fix?.kind === 'replace',
  );
}

/** One action holding the edits of many fixes, edits that overlap an earlier one dropped. */
function combine(title: string, fixes: CodeAction[]): CodeAction {
  const edits: CodeAction['edits'] = [];
  for (const f of [...fixes].sort((a, b) => a.edits[0]!.start - b.edits[0]!.start)) {
    const e = f.edits[0]!;
    const last = edits[edits.length - 1];
    if (!last || e.start >= last.end) edits.push(e);
  }
  return {
    title,
    kind: 'quickfix',
    diagnostics: fixes.flatMap((f) => f.diagnostics),
    edits,
    preferred: false,
  };
}

/** Every safe fix of the document in one action (`source.fixAll`); undefined when there is none. */
export function fixAll(analysis: Analysis, text: string): CodeAction | undefined {
  const fixes = safeFixes(analysis, text);
  if (fixes.length === 0) return undefined;
  const lang = analysis.messageLanguage;
  return combine(editorTexts[lang].codeActions.fixAllSafe, fixes);
}

/**
 * For each kind of problem touching `range` that has a safe fix in more than one place: one action
 * fixing every one of that kind in the document ("Fix all KK010 (5)").
 */
export function fixAllOfKind(analysis: Analysis, text: string, range: Span): CodeAction[] {
  const fixes = safeFixes(analysis, text);
  const byCode = new Map<string, CodeAction[]>();
  for (const f of fixes) {
    const code = f.diagnostics[0]!.code;
    byCode.set(code, [...(byCode.get(code) ?? []), f]);
  }
  const lang = analysis.messageLanguage;
  const out: CodeAction[] = [];
  for (const [code, list] of byCode) {
    const touched = list.some((f) => {
      const d = f.diagnostics[0]!;
      return d.end >= range.start && d.start <= range.end;
    });
    if (list.length < 2 || !touched) continue;
    out.push(combine(editorTexts[lang].codeActions.fixAllOf(code, list.length), list));
  }
  return out;
}
