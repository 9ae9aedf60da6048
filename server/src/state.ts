import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, builtinSource, LineIndex, type Workspace } from '../../grammar/src/index';
import type { Settings } from './settings';

/** What every feature handler shares: the connection, the open documents and the workspace. */
export interface ServerState {
  connection: Connection;
  /** The open document by URI (as the client sent it). */
  document(uri: string): TextDocument | undefined;
  workspace: Workspace;
  settings: Settings;
}

const lineCache = new Map<string, { text: string; index: LineIndex }>();

/** The line index of a text, cached per URI while its text stays the same. */
export function linesOf(uri: string, text: string): LineIndex {
  const hit = lineCache.get(uri);
  if (hit && hit.text === text) return hit.index;
  const index = new LineIndex(text);
  lineCache.set(uri, { text, index });
  if (lineCache.size > 256) lineCache.delete(lineCache.keys().next().value!);
  return index;
}

/** Forgets a document's cached line index. */
export function forgetLines(uri: string): void {
  lineCache.delete(uri);
}

/** The text of any document the server can see: open, in the workspace, or built in. */
export function textOf(state: ServerState, uri: string): string | undefined {
  return state.document(uri)?.getText() ?? state.workspace.text(uri) ?? builtinSource(uri);
}

/**
 * The analysis of an open document, brought up to its current text first. Undefined for a
 * document that is not open.
 */
export function analysisOf(
  state: ServerState,
  uri: string,
): { analysis: Analysis; text: string; lines: LineIndex } | undefined {
  const doc = state.document(uri);
  if (!doc) return undefined;
  const text = doc.getText();
  if (state.workspace.version(uri) !== doc.version || state.workspace.text(uri) !== text) {
    state.workspace.set(uri, text, doc.version);
  }
  return { analysis: state.workspace.analyze(uri), text, lines: linesOf(uri, text) };
}
