import type * as vscode from 'vscode';
import { activateKompass, deactivateKompass, type KompassApi } from './activate';
import { createWebLanguageClient } from './webLanguageClient';
import { workspaceFiles } from './workspaceFiles';

// When the bundle finished loading: with the activate timings, the activation benchmark.
const moduleLoadedAt = performance.now();

/** VS Code for the Web: the extension runs in a web worker, the language server in another. */
export function activate(context: vscode.ExtensionContext): KompassApi {
  return activateKompass(context, {
    createLanguageClient: createWebLanguageClient,
    files: workspaceFiles,
    moduleLoadedAt,
  });
}

/** Stops the language server. */
export function deactivate(): Promise<void> {
  return deactivateKompass();
}
