import type { Hover, HoverParams } from 'vscode-languageserver';
import { hover } from '../../grammar/src/features/index';
import { toOffset, toRange } from './convert';
import { analysisOf, type ServerState } from './state';

/** `textDocument/hover`: totals, areas, questions and frameworks as Markdown. */
export function onHover(state: ServerState, params: HoverParams): Hover | null {
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return null;
  const h = hover(current.analysis, toOffset(current.lines, params.position));
  if (!h) return null;
  return { contents: { kind: 'markdown', value: h.markdown }, range: toRange(current.lines, h) };
}
