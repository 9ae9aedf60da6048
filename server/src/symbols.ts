import { type DocumentSymbol, type DocumentSymbolParams, SymbolKind } from 'vscode-languageserver';
import {
  type SymbolKind as CoreKind,
  type DocumentSymbol as CoreSymbol,
  documentSymbols,
} from '../../grammar/src/features/index';
import type { LineIndex } from '../../grammar/src/index';
import { toRange } from './convert';
import { analysisOf, type ServerState } from './state';

const kinds: Record<CoreKind, SymbolKind> = {
  evaluation: SymbolKind.Object,
  framework: SymbolKind.Namespace,
  area: SymbolKind.Struct,
  question: SymbolKind.Field,
};

function convert(lines: LineIndex, s: CoreSymbol): DocumentSymbol {
  const range = toRange(lines, s);
  const selection = toRange(lines, s.selection);
  return {
    name: s.name || '?',
    kind: kinds[s.kind],
    range,
    selectionRange: selection,
    ...(s.detail ? { detail: s.detail } : {}),
    children: s.children.map((c) => convert(lines, c)),
  };
}

/** `textDocument/documentSymbol`: evaluation → areas → questions. */
export function onDocumentSymbol(
  state: ServerState,
  params: DocumentSymbolParams,
): DocumentSymbol[] {
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return [];
  return documentSymbols(current.analysis).map((s) => convert(current.lines, s));
}
