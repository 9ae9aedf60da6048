import type { DefinitionParams, Location } from 'vscode-languageserver';
import { definition } from '../../grammar/src/features/index';
import { toOffset, toRange } from './convert';
import { analysisOf, linesOf, type ServerState, textOf } from './state';

/**
 * `textDocument/definition`: a question or area → its framework definition (built-in ones under
 * `kompass-builtin:` URIs), `framework "…"` → the framework, `compare "…"` → the file.
 */
export function onDefinition(state: ServerState, params: DefinitionParams): Location | null {
  const current = analysisOf(state, params.textDocument.uri);
  if (!current) return null;
  const target = definition(current.analysis, toOffset(current.lines, params.position));
  if (!target) return null;
  const text = textOf(state, target.uri);
  const range = text
    ? toRange(linesOf(target.uri, text), target)
    : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: target.uri, range };
}
