import type { SemanticTokens, SemanticTokensParams } from 'vscode-languageserver';
import {
  semanticTokenModifiers,
  semanticTokens,
  semanticTokenTypes,
} from '../../grammar/src/features/index';
import { analysisOf, type ServerState } from './state';

/** The legend announced in the server's capabilities. */
export const semanticTokensLegend = {
  tokenTypes: [...semanticTokenTypes],
  tokenModifiers: [...semanticTokenModifiers],
};

/** `textDocument/semanticTokens/full`: tokens split per line, encoded relative to each other. */
export function onSemanticTokens(state: ServerState, params: SemanticTokensParams): SemanticTokens {
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return { data: [] };
  const { analysis, lines } = current;
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  for (const t of semanticTokens(analysis)) {
    const type = semanticTokenTypes.indexOf(t.type);
    const mods = t.modifiers.reduce((m, x) => m | (1 << semanticTokenModifiers.indexOf(x)), 0);
    const first = lines.position(t.start).line;
    const last = lines.position(t.end).line;
    for (let line = first; line <= last; line++) {
      const start = line === first ? t.start : lines.lineStart(line);
      const end = line === last ? t.end : lines.lineEnd(line);
      if (end <= start) continue;
      const char = start - lines.lineStart(line);
      data.push(
        line - lastLine,
        line === lastLine ? char - lastChar : char,
        end - start,
        type,
        mods,
      );
      lastLine = line;
      lastChar = char;
    }
  }
  return { data };
}
