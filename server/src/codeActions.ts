import { type CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import {
  type CodeAction as CoreAction,
  codeActions,
  fixAll,
  fixAllOfKind,
} from '../../grammar/src/features/index';
import { toRange, toSpan } from './convert';
import { toLspDiagnostic } from './diagnostics';
import { analysisOf, type ServerState } from './state';

/** The kind of the action that makes every safe fix of a document, also run on save when asked. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.kompass`;

/**
 * `textDocument/codeAction`: the quick fixes the core offers for diagnostics in the range, one
 * "fix all of this kind" where a kind has several, and `source.fixAll.kompass` when asked for.
 */
export function onCodeAction(state: ServerState, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const current = analysisOf(state, uri);
  if (!current) return [];
  const only = params.context?.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const { analysis, text, lines } = current;
  const convert = (a: CoreAction, kind: string): CodeAction => ({
    title: a.title,
    kind,
    diagnostics: a.diagnostics.map((d) => toLspDiagnostic(state, lines, d)),
    ...(kind === CodeActionKind.QuickFix ? { isPreferred: a.preferred } : {}),
    edit: {
      changes: { [uri]: a.edits.map((e) => ({ range: toRange(lines, e), newText: e.newText })) },
    },
  });
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const span = toSpan(lines, params.range);
    for (const a of codeActions(analysis, text, span))
      out.push(convert(a, CodeActionKind.QuickFix));
    for (const a of fixAllOfKind(analysis, text, span))
      out.push(convert(a, CodeActionKind.QuickFix));
  }
  // Only when asked for by kind: VS Code asks on Source Action… → Fix All, and on save with
  // `"editor.codeActionsOnSave": { "source.fixAll.kompass": "explicit" }`.
  if (only && wants(fixAllKind)) {
    const all = fixAll(analysis, text);
    if (all) out.push(convert(all, fixAllKind));
  }
  return out;
}
