import type * as vscode from 'vscode';
import { activateKompass, deactivateKompass, type KompassApi } from './activate';
import { type ReportModule, useReportModule } from './report';
import { createWebLanguageClient } from './webLanguageClient';
import { workspaceFiles } from './workspaceFiles';

// When the bundle finished loading: with the activate timings, the activation benchmark.
const moduleLoadedAt = performance.now();

/**
 * The report renderer, evaluated on first call; esbuild keeps a dynamically imported module lazy
 * inside the bundle. Exported for the desktop extension, which loads it from this bundle.
 */
export function reportModule(): Promise<ReportModule> {
  return import('../../report/src/render');
}

/** VS Code for the Web: the extension runs in a web worker, the language server in another. */
export function activate(context: vscode.ExtensionContext): KompassApi {
  useReportModule(reportModule);
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
