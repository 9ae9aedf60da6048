import {
  type FoldingRange,
  FoldingRangeKind,
  type FoldingRangeParams,
} from 'vscode-languageserver';
import { foldingRanges } from '../../grammar/src/features/index';
import { analysisOf, type ServerState } from './state';

/** `textDocument/foldingRange`: blocks, text blocks and comments. */
export function onFoldingRanges(state: ServerState, params: FoldingRangeParams): FoldingRange[] {
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return [];
  return foldingRanges(current.analysis, current.text).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
  }));
}
