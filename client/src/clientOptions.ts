import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

/** The custom request returning the text of a built-in framework by its `kompass-builtin:` URI. */
export const builtinSourceRequest = 'kompass/builtinSource';

/**
 * The language client's options, the same for the Node and the web worker server. `selector`
 * names the documents the server sees: on the desktop local and untitled files; in a browser
 * every scheme, since the workspace is not `file:` there.
 */
export function clientOptions(
  output: vscode.LogOutputChannel,
  selector: LanguageClientOptions['documentSelector'],
  initializationOptions: Record<string, unknown> = {},
): LanguageClientOptions {
  return {
    documentSelector: selector,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.kompass'),
      configurationSection: 'kompass',
    },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      settings: serverSettings(),
      ...initializationOptions,
    },
    outputChannel: output,
    // The id `kompass` makes the client read `kompass.trace.server` by itself.
    traceOutputChannel: output,
  };
}

/** The `kompass.*` settings the server reads, sent with `initialize` so the first check uses them. */
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('kompass');
  // Plain data: configuration objects are proxies, which a worker's postMessage cannot clone.
  return JSON.parse(
    JSON.stringify({
      inlayHints: config.get('inlayHints'),
      diagnostics: config.get('diagnostics'),
      maxFileSize: config.get('maxFileSize'),
      format: config.get('format'),
    }),
  ) as Record<string, unknown>;
}

/** The client's id and name, shared by both entries so settings such as the trace apply to both. */
export const clientId = 'kompass';
/** The client's display name. */
export const clientName = 'Kompass';
