import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { inlayHints } from '../../grammar/src/features/index';
import { toSpan } from './convert';
import { analysisOf, type ServerState } from './state';

/** `textDocument/inlayHint`: area sums after area headers and totals after evaluation names. */
export function onInlayHints(state: ServerState, params: InlayHintParams): InlayHint[] {
  const settings = state.settings.inlayHints;
  if (!settings.enabled) return [];
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return [];
  const { analysis, lines } = current;
  return inlayHints(analysis, toSpan(lines, params.range), {
    areas: settings.areas,
    totals: settings.totals,
  }).map((h) => ({
    position: lines.position(h.offset),
    label: h.label.trim(),
    paddingLeft: true,
    ...(h.tooltip ? { tooltip: h.tooltip } : {}),
  }));
}
