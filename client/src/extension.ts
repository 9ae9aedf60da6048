import { join } from 'node:path';
import type * as vscode from 'vscode';
import { nodeDeflate } from '../../report/src/nodeDeflate';
import { activateKompass, deactivateKompass, type KompassApi } from './activate';
import { desktopFiles, writeLocalOutput } from './desktopFiles';
import { createLanguageClient } from './languageClient';
import { type ReportModule, useReportModule } from './report';

// When the bundle finished loading: with the activate timings, the activation benchmark.
const moduleLoadedAt = performance.now();

export type { KompassApi } from './activate';

/**
 * The report renderer from the web extension's bundle (`dist/web/client.js`), which must carry it
 * (VS Code for the Web loads an extension as one file): the .vsix holds one copy instead of two.
 * The renderer is platform-free; what only Node has (zlib) is handed to it as options.
 */
async function reportFromWebBundle(): Promise<ReportModule> {
  const web = require(join(__dirname, 'web', 'client.js')) as {
    reportModule(): Promise<ReportModule>;
  };
  return web.reportModule();
}

/** VS Code on the desktop: the language server runs as a Node process. */
export function activate(context: vscode.ExtensionContext): KompassApi {
  useReportModule(reportFromWebBundle);
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
