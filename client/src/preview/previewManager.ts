import * as vscode from 'vscode';
import { type KompassModel, languageId } from '../model';
import type { PreviewState } from './messages';
import { KompassPreview, type PreviewSnapshot, previewViewType, webviewOptions } from './preview';

/**
 * Owns the preview panels: opens them beside or in place of the editor, keeps the unlocked one
 * on the active `.kompass` editor, scrolls them with the editor and restores them after a
 * window reload.
 */
export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly previews = new Set<KompassPreview>();
  private active: KompassPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly model: KompassModel,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(previewViewType, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.syncScroll(e.textEditor)),
    );
  }

  /** Opens (or reveals) a preview of `uri`; `toSide` puts it in the column beside the editor. */
  show(uri: vscode.Uri, toSide: boolean): KompassPreview {
    const column = toSide ? vscode.ViewColumn.Beside : activeColumn();
    const existing = [...this.previews].find(
      (p) => p.resource.toString() === uri.toString() || !p.isLocked,
    );
    if (existing) {
      existing.show(uri);
      existing.panel.reveal(toSide ? existing.panel.viewColumn : column, true);
      this.active = existing;
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      previewViewType,
      vscode.l10n.t('Preview'),
      { viewColumn: column, preserveFocus: toSide },
      webviewOptions(this.extensionUri),
    );
    return this.track(new KompassPreview(panel, uri, false, this.model, this.extensionUri));
  }

  /** The preview whose panel is focused, else the last one shown. */
  current(): KompassPreview | undefined {
    return [...this.previews].find((p) => p.panel.active) ?? this.active;
  }

  /** What every open preview last rendered. */
  snapshots(): PreviewSnapshot[] {
    return [...this.previews].map((p) => p.snapshot());
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const s = state as Partial<PreviewState> | undefined;
    if (!s || typeof s.uri !== 'string') {
      panel.dispose();
      return;
    }
    this.track(
      new KompassPreview(
        panel,
        vscode.Uri.parse(s.uri),
        s.locked === true,
        this.model,
        this.extensionUri,
      ),
    );
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private track(preview: KompassPreview): KompassPreview {
    this.previews.add(preview);
    this.active = preview;
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.active === preview) this.active = undefined;
    });
    preview.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.active = preview;
    });
    return preview;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== languageId) return;
    for (const p of this.previews) if (!p.isLocked) p.show(editor.document.uri);
  }

  private syncScroll(editor: vscode.TextEditor): void {
    if (
      !vscode.workspace.getConfiguration('kompass').get<boolean>('preview.scrollWithEditor', true)
    )
      return;
    const top = editor.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    const uri = editor.document.uri.toString();
    for (const p of this.previews) if (p.resource.toString() === uri) p.scrollTo(top);
  }
}

function activeColumn(): vscode.ViewColumn {
  return vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
}
