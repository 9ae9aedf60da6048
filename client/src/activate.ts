import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { FileAccess } from '../../grammar/src/index';
import type { Deflate } from '../../report/src/options';
import { BuiltinFrameworkProvider } from './builtinProvider';
import { CompareManager } from './compare/compareCommand';
import type { CompareSnapshot } from './compare/comparePanel';
import {
  type ExportArgs,
  type ExportPlatform,
  exportCommand,
  exportReport,
  type LocalOutputWriter,
} from './export';
import { KompassModel, languageId } from './model';
import { newEvaluationCommand } from './newEvaluation';
import type { PreviewSnapshot } from './preview/preview';
import { PreviewManager, previewable } from './preview/previewManager';
import { KompassStatusBar, type StatusSnapshot } from './statusBar';

/**
 * The extension, the same for VS Code on the desktop (client/src/extension.ts) and VS Code for the
 * Web (client/src/webExtension.ts): each entry passes only how the language server is started.
 */

/** Creates the language client (not yet started) for the entry's own server. */
export type ClientFactory = (
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
) => BaseLanguageClient;

/** What `activate` returns: used by the extension-host tests, and open to other extensions. */
export interface KompassApi {
  /** Milliseconds `activate` took, language client start excluded (it continues in the background). */
  readonly activationMs: number;
  /** `performance.now()` when the bundle had loaded, and when `activate` began. */
  readonly timings: { readonly moduleLoadedAt: number; readonly activateStartedAt: number };
  /** Resolves when the language server is up (or rejects when it could not start). */
  readonly serverReady: Promise<void>;
  /** The language client, when started. */
  client(): BaseLanguageClient | undefined;
  /** What each open preview last rendered. */
  previews(): PreviewSnapshot[];
  /** What the comparison panel last showed, when it is open. */
  comparison(): CompareSnapshot | undefined;
  /** What the status bar item shows. */
  statusBar(): StatusSnapshot;
  /** Writes a report without dialogs; refuses the source and, without `overwrite`, existing files. */
  exportReport(args: ExportArgs): Promise<vscode.Uri>;
}

let client: BaseLanguageClient | undefined;

/**
 * Starts the language client and registers the commands, the preview and the built-in scheme.
 * The entry says how the server starts, how files are read, and when its bundle had loaded (for
 * the activation benchmark).
 */
export function activateKompass(
  context: vscode.ExtensionContext,
  entry: {
    createLanguageClient: ClientFactory;
    files: FileAccess;
    moduleLoadedAt: number;
    /** How a report is written to a local file, where Node can (the desktop). */
    writeLocal?: LocalOutputWriter;
    /** Node's zlib for the reports' pictures and pages, where Node can (the desktop). */
    deflate?: Deflate;
  },
): KompassApi {
  const { createLanguageClient, moduleLoadedAt } = entry;
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Kompass', { log: true });
  const model = new KompassModel(entry.files);
  const platform: ExportPlatform = {
    ...(entry.writeLocal ? { writeLocal: entry.writeLocal } : {}),
    ...(entry.deflate ? { deflate: entry.deflate } : {}),
  };
  const previews = new PreviewManager(model, context.extensionUri);
  const comparisons = new CompareManager(model, context.extensionUri);
  const fontDir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'fonts');
  const statusBar = new KompassStatusBar(model);
  context.subscriptions.push(output, model, previews, comparisons, statusBar);

  const currentSource = (): vscode.Uri | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === languageId && previewable(editor.document.uri))
      return editor.document.uri;
    return previews.current()?.resource;
  };
  const showPreview = (toSide: boolean) => (uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? uri : currentSource();
    if (target) previews.show(target, toSide);
  };

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(
      BuiltinFrameworkProvider.scheme,
      new BuiltinFrameworkProvider(() => client),
    ),
    vscode.commands.registerCommand('kompass.showPreview', showPreview(false)),
    vscode.commands.registerCommand('kompass.showPreviewToSide', showPreview(true)),
    vscode.commands.registerCommand('kompass.exportReport', (arg?: unknown) =>
      exportCommand(model, fontDir, arg, currentSource, platform),
    ),
    vscode.commands.registerCommand('kompass.compare', (arg?: unknown, selection?: unknown) =>
      comparisons.run(arg, selection),
    ),
    vscode.commands.registerCommand('kompass.newEvaluation', () => newEvaluationCommand(model)),
    vscode.commands.registerCommand('kompass.preview.toggleLock', () => {
      const p = previews.current();
      p?.setLocked(!p.isLocked);
    }),
    vscode.commands.registerCommand('kompass.preview.showSource', async () => {
      const p = previews.current();
      if (!p) return;
      const doc = await vscode.workspace.openTextDocument(p.resource);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    }),
    vscode.commands.registerCommand('kompass.restartServer', async () => {
      // Stop and start again: the Node and the browser client both can (only Node's has restart).
      await client?.stop();
      await client?.start();
    }),
    // The server learns about trust at start only; granting it restarts the server.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.dispose();
      client = createLanguageClient(context, output);
      await client.start();
    }),
  );

  client = createLanguageClient(context, output);
  const serverReady = client.start().then(
    () => {
      void vscode.commands.executeCommand('setContext', 'kompass.serverRunning', true);
    },
    (err: unknown) => {
      output.error(`Kompass language server failed to start: ${String(err)}`);
      throw err;
    },
  );
  // A failed start is reported in the output channel; nothing else waits on it.
  serverReady.catch(() => undefined);

  const activationMs = performance.now() - started;
  output.info(`Kompass activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    timings: { moduleLoadedAt, activateStartedAt: started },
    serverReady,
    client: () => client,
    previews: () => previews.snapshots(),
    comparison: () => comparisons.snapshot(),
    statusBar: () => statusBar.snapshot(),
    exportReport: (args) => exportReport(model, fontDir, args, platform),
  };
}

/** Stops the language server. */
export async function deactivateKompass(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
