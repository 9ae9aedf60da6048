import * as vscode from 'vscode';
import { builtinScheme, formatPercent, formatScore, severityCounts } from '../../grammar/src/index';
import { type KompassModel, languageId } from './model';

/** What the status bar item shows, for tests. */
export interface StatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
}

/**
 * The status bar item of the active `.kompass` editor: the evaluation's total and percentage and
 * the number of errors, as the model computes them; a click opens the preview beside the editor.
 */
export class KompassStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private shown: StatusSnapshot = { visible: false, text: '', tooltip: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly model: KompassModel) {
    this.item = vscode.window.createStatusBarItem(
      'kompass.total',
      vscode.StatusBarAlignment.Right,
      100,
    );
    this.item.name = vscode.l10n.t('Kompass Total');
    this.item.command = 'kompass.showPreviewToSide';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      model.onDidChange((uri) => {
        if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.schedule();
      }),
    );
    this.update();
  }

  /** What the item shows now. */
  snapshot(): StatusSnapshot {
    return { ...this.shown };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  // Typing changes the document at every key; the total is counted once the typing pauses.
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 150);
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const analysis =
      doc?.languageId === languageId && doc.uri.scheme !== builtinScheme
        ? this.model.analyzeHeld(doc.uri)
        : undefined;
    const evaluation = analysis?.evaluations[0];
    if (!analysis || !evaluation) {
      this.item.hide();
      this.shown = { visible: false, text: '', tooltip: '' };
      return;
    }
    const lang = analysis.messageLanguage;
    const errors = severityCounts(analysis).errors;
    const total = `${formatScore(evaluation.total, evaluation.max, lang)} · ${formatPercent(evaluation.percent, lang)}`;
    this.item.text = `$(graph) ${total}  $(error) ${errors}`;
    this.item.tooltip = vscode.l10n.t(
      '{0}: {1} · {2} error(s). Click to open the preview.',
      evaluation.name,
      total,
      errors,
    );
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('{0}: total {1}, {2} error(s)', evaluation.name, total, errors),
    };
    this.item.backgroundColor =
      errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
    this.shown = { visible: true, text: this.item.text, tooltip: String(this.item.tooltip) };
  }
}
