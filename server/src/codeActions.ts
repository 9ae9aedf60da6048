import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type TextEdit,
} from 'vscode-languageserver';
import { codeActions } from '../../grammar/src/features/index';
import { toRange, toSpan } from './convert';
import { toLspDiagnostic } from './diagnostics';
import { analysisOf, type ServerState } from './state';

/** `textDocument/codeAction`: the quick fixes the core offers for diagnostics in the range. */
export function onCodeAction(state: ServerState, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const current = analysisOf(state, uri);
  if (!current) return [];
  const only = params.context?.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const { analysis, text, lines } = current;
  return codeActions(analysis, text, toSpan(lines, params.range)).map((a) => {
    const edits: TextEdit[] = a.edits.map((e) => ({
      range: toRange(lines, e),
      newText: e.newText,
    }));
    return {
      title: a.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: a.diagnostics.map((d) => toLspDiagnostic(state, lines, d)),
      isPreferred: a.preferred,
      edit: { changes: { [uri]: edits } },
    };
  });
}
