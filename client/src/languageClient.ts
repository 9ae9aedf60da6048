import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { clientId, clientName, clientOptions } from './clientOptions';
import { languageId } from './model';

/** Creates the Kompass language client (not yet started) for the bundled Node server. */
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
  const selector = [
    { language: languageId, scheme: 'file' },
    { language: languageId, scheme: 'untitled' },
    { language: languageId, scheme: 'kompass-builtin' },
  ];
  return new LanguageClient(clientId, clientName, serverOptions, clientOptions(output, selector));
}
