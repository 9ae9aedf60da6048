import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientId, clientName, clientOptions } from './clientOptions';
import { languageId } from './model';
import { relayFiles } from './webRelay';

/**
 * Creates the Kompass language client (not yet started) for VS Code for the Web: the server is
 * dist/web/server.js in a worker, and reads workspace files through this client.
 */
export function createWebLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): LanguageClient {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A new worker for each start, so stopping and starting again (restart) gets a fresh server.
  const startWorker = async () => new Worker(serverMain.toString(true));
  // Every scheme: a browser's workspace is not `file:` (vscode-vfs, vscode-remote, memfs…).
  const client = new LanguageClient(
    clientId,
    clientName,
    startWorker,
    clientOptions(output, [{ language: languageId }]),
  );
  const relay = relayFiles(client);
  context.subscriptions.push(...relay);
  return client;
}
