import * as vscode from 'vscode';
import type { KompassModel } from '../model';
import { webviewOptions } from '../preview/preview';
import {
  ComparePanel,
  type CompareScope,
  type CompareSnapshot,
  compareViewType,
} from './comparePanel';

/**
 * The scope of "Kompass: Compare Evaluations" from how it was run: the Explorer passes the clicked
 * item and the whole selection (files and folders); the palette passes nothing, meaning the
 * workspace.
 */
export async function compareScope(arg?: unknown, selection?: unknown): Promise<CompareScope> {
  const picked = (Array.isArray(selection) ? selection : [arg]).filter(
    (u): u is vscode.Uri => u instanceof vscode.Uri,
  );
  const scope: CompareScope = { files: [], folders: [], workspace: picked.length === 0 };
  for (const uri of picked) {
    let folder = false;
    try {
      folder = ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      // A file that is gone is left out; the panel lists what it could read.
      continue;
    }
    if (folder) scope.folders.push(uri);
    else if (uri.path.endsWith('.kompass')) scope.files.push(uri);
  }
  return scope;
}

/** Owns the comparison panel: one, opened beside the editor and reused for the next scope. */
export class CompareManager implements vscode.Disposable {
  private panel: ComparePanel | undefined;

  constructor(
    private readonly model: KompassModel,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Runs the command with the arguments VS Code passed. */
  async run(arg?: unknown, selection?: unknown): Promise<void> {
    this.show(await compareScope(arg, selection));
  }

  /** Shows the comparison of a scope. */
  show(scope: CompareScope): ComparePanel {
    if (this.panel) {
      this.panel.show(scope);
      this.panel.panel.reveal(this.panel.panel.viewColumn, true);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      compareViewType,
      vscode.l10n.t('Compare Evaluations'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.extensionUri),
    );
    const p = new ComparePanel(panel, scope, this.model, this.extensionUri);
    p.onDidDispose(() => {
      if (this.panel === p) this.panel = undefined;
    });
    this.panel = p;
    return p;
  }

  /** What the open comparison last showed. */
  snapshot(): CompareSnapshot | undefined {
    return this.panel?.snapshot();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
