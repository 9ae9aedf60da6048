import type * as vscode from 'vscode';
import { nodeDeflate } from '../../report/src/nodeDeflate';
import { activateKompass, deactivateKompass, type KompassApi } from './activate';
import { desktopFiles, writeLocalOutput } from './desktopFiles';
import { createLanguageClient } from './languageClient';

// When the bundle finished loading: with the activate timings, the activation benchmark.
const moduleLoadedAt = performance.now();

export type { KompassApi } from './activate';

/** VS Code on the desktop: the language server runs as a Node process. */
export function activate(context: vscode.ExtensionContext): KompassApi {
  return activateKompass(context, {
    createLanguageClient: createLanguageClient,
    files: desktopFiles,
    moduleLoadedAt,
    writeLocal: writeLocalOutput,
    deflate: nodeDeflate,
  });
}

/** Stops the language server. */
export function deactivate(): Promise<void> {
  return deactivateKompass();
}
