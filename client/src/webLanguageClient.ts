import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
} from 'vscode-languageclient/browser';
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
  // The transports are made here: the worker extension host wraps `Worker`, so the client's own
  // `instanceof Worker` test fails for the worker it returns.
  const startWorker = async () => {
    const worker = new Worker(await workerUrl(serverMain));
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
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

/**
 * A URL the browser can start a worker from. An extension installed on a remote server (code-server,
 * Codespaces) has a `vscode-remote:` location, which the worker extension host refuses for
 * workers but translates for `fetch`: the response's URL is the one the browser loads it from.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  const url = script.toString(true);
  if (script.scheme !== 'vscode-remote') return url;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (response.url && !response.url.startsWith('vscode-remote:')) {
    void response.body?.cancel();
    return response.url;
  }
  // No translated address to hand: run the script from memory.
  const source = await response.text();
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}
