import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { format } from '../../grammar/src/features/index';
import { toRange } from './convert';
import { analysisOf, type ServerState } from './state';

/**
 * `textDocument/formatting`: the canonical layout (straight quotes too when `kompass.format.straightQuotes`
 * asks); nothing while the document has syntax errors.
 */
export function onFormatting(state: ServerState, params: DocumentFormattingParams): TextEdit[] {
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return [];
  const { analysis, text, lines } = current;
  const tabSize = params.options?.tabSize;
  return format(analysis, text, {
    ...(typeof tabSize === 'number' && tabSize > 0 && tabSize <= 16 ? { tabSize } : {}),
    insertSpaces: params.options?.insertSpaces !== false,
    straightQuotes: state.settings.format.straightQuotes,
  }).map((e) => ({ range: toRange(lines, e), newText: e.newText }));
}
