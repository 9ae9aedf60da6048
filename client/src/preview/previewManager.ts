import * as vscode from 'vscode';
import { builtinScheme } from '../../../grammar/src/index';
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
  // Per document: the top line the editor was scrolled to for the preview, so the scroll event
  // that follows is not sent back (the preview and the editor would pull each other).
  private readonly followedPreviewTo = new Map<string, { line: number; at: number }>();

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
  show(uri: vscode.Uri, toSide: boolean): KompassPreview | undefined {
    if (!previewable(uri)) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('A built-in framework has no report to preview.'),
      );
      return undefined;
    }
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
    preview.onDidScrollPreview((line) => this.scrollEditors(preview.resource, line));
    return preview;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== languageId) return;
    const uri = editor.document.uri;
    // Go to Definition into a framework must not take the preview off the evaluation.
    if (!previewable(uri) || this.isFrameworkOnly(uri)) return;
    for (const p of this.previews) if (!p.isLocked) p.show(uri);
  }

  /** A document defining frameworks and no evaluation: there is no report to follow to. */
  private isFrameworkOnly(uri: vscode.Uri): boolean {
    const analysis = this.model.analyzeHeld(uri);
    return (
      analysis !== undefined && analysis.evaluations.length === 0 && analysis.frameworks.length > 0
    );
  }

  /** Scrolls the editors of `uri` so `line` is at the top, when the setting allows it. */
  private scrollEditors(uri: vscode.Uri, line: number): void {
    const config = vscode.workspace.getConfiguration('kompass', uri);
    if (!config.get<boolean>('preview.scrollEditorWithPreview', true)) return;
    const key = uri.toString();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      const target = Math.min(line, editor.document.lineCount - 1);
      if (editor.visibleRanges[0]?.start.line === target) continue;
      this.followedPreviewTo.set(key, { line: target, at: Date.now() });
      const pos = new vscode.Position(target, 0);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
    }
  }

  private syncScroll(editor: vscode.TextEditor): void {
    if (
      !vscode.workspace.getConfiguration('kompass').get<boolean>('preview.scrollWithEditor', true)
    )
      return;
    const top = editor.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    const uri = editor.document.uri.toString();
    // The editor moved because the preview scrolled it: sending it back would make both jitter.
    // The editor may settle a line off the one asked for (a partly visible line at the top).
    const followed = this.followedPreviewTo.get(uri);
    if (followed && (Math.abs(top - followed.line) <= 1 || Date.now() - followed.at < 300)) return;
    this.followedPreviewTo.delete(uri);
    for (const p of this.previews) if (p.resource.toString() === uri) p.scrollTo(top);
  }
}

/** Whether a document can have a preview: not the read-only built-in frameworks. */
export function previewable(uri: vscode.Uri): boolean {
  return uri.scheme !== builtinScheme;
}

function activeColumn(): vscode.ViewColumn {
  return vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
}
