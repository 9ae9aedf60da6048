import type { Analysis } from './model';
import { Workspace, type WorkspaceHost, type WorkspaceOptions } from './workspace';

/** Analyses one text on its own (or with a host for compare targets and other files). */
export function analyzeText(
  text: string,
  options: { uri?: string; host?: WorkspaceHost } & WorkspaceOptions = {},
): Analysis {
  const uri = options.uri ?? 'untitled:document.kompass';
  const ws = new Workspace(options.host, options);
  ws.set(uri, text);
  return ws.analyze(uri);
}
