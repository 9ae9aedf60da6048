import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { languageId } from './model';

/** The custom request returning the text of a built-in framework by its `kompass-builtin:` URI. */
export const builtinSourceRequest = 'kompass/builtinSource';

/** Creates the Kompass language client (not yet started) for the bundled server. */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: languageId, scheme: 'file' },
      { language: languageId, scheme: 'untitled' },
      { language: languageId, scheme: 'kompass-builtin' },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.kompass'),
      configurationSection: 'kompass',
    },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      settings: serverSettings(),
    },
    outputChannel: output,
    // The id `kompass` makes the client read `kompass.trace.server` by itself.
    traceOutputChannel: output,
  };
  return new LanguageClient('kompass', 'Kompass', serverOptions, clientOptions);
}

/** The `kompass.*` settings the server reads, sent with `initialize` so the first check uses them. */
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('kompass');
  return {
    inlayHints: config.get('inlayHints'),
    diagnostics: config.get('diagnostics'),
    maxFileSize: config.get('maxFileSize'),
  };
}
