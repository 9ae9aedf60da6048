import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionParams,
  InsertTextFormat,
} from 'vscode-languageserver';
import { type CompletionKind, complete } from '../../grammar/src/features/index';
import { toOffset, toRange } from './convert';
import { analysisOf, type ServerState } from './state';

const kinds: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  question: CompletionItemKind.EnumMember,
  area: CompletionItemKind.Module,
  framework: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  language: CompletionItemKind.Value,
};

/** `textDocument/completion`: keywords, numbers, framework names, paths and snippets in context. */
export function onCompletion(state: ServerState, params: CompletionParams): CompletionItem[] {
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return [];
  const { analysis, text, lines } = current;
  const entries = complete(analysis, text, toOffset(lines, params.position), {
    frameworks: state.workspace.frameworks(),
    files: state.workspace.uris(),
  });
  return entries.map((e) => {
    const item: CompletionItem = {
      label: e.label,
      kind: kinds[e.kind],
      textEdit: { range: toRange(lines, e.range), newText: e.insertText ?? e.label },
    };
    if (e.detail) item.detail = e.detail;
    if (e.documentation) item.documentation = { kind: 'markdown', value: e.documentation };
    if (e.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
    if (e.sortText) item.sortText = e.sortText;
    if (e.label !== (e.insertText ?? e.label) && !e.snippet) item.filterText = e.label;
    return item;
  });
}
