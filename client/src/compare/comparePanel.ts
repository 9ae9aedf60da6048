import * as vscode from 'vscode';
import {
  compareEvaluations,
  type EvaluationResult,
  type MessageLanguage,
} from '../../../grammar/src/index';
import type { KompassModel } from '../model';
import { webviewOptions } from '../preview/preview';
import { comparePage } from './comparePage';
import type { CompareLabels, FromCompareWebview, ToCompareWebview } from './messages';
import { compareView } from './view';

/** The webview panel type of the comparison. */
export const compareViewType = 'kompass.compare';

/** What the comparison is over: files, folders (every .kompass file under them) or the workspace. */
export interface CompareScope {
  files: vscode.Uri[];
  folders: vscode.Uri[];
  /** True for the whole workspace (the command run from the palette). */
  workspace: boolean;
}

/** What the comparison panel last showed, for tests and timing. */
export interface CompareSnapshot {
  uris: string[];
  rows: number;
  seq: number;
  /** The last render the webview drew, how long drawing took, and its change cells' texts. */
  drawnSeq: number;
  drawMs: number;
  /** Milliseconds from the start of the analysis to the view being ready to send. */
  analysisMs: number;
  changes: string[];
  radar: string[];
}

function labels(count: number, municipalities: number): CompareLabels {
  const t = vscode.l10n.t;
  return {
    title: t(
      'Comparison: {0}, {1}',
      count === 1 ? t('1 evaluation') : t('{0} evaluations', count),
      municipalities === 1 ? t('1 municipality') : t('{0} municipalities', municipalities),
    ),
    name: t('Name'),
    date: t('Date'),
    framework: t('Framework'),
    round: t('Round'),
    total: t('Total'),
    percent: t('%'),
    change: t('Change'),
    area: t('Area'),
    average: t('Average'),
    trends: t('Trend per area across rounds (percent of max)'),
    radar: t('Profile of the selected evaluations and the average'),
    radarHint: t('Tick two or three evaluations in the table to compare their profiles.'),
    radarOtherFramework: t(
      'Evaluations under another framework are left out of the profile: their results are not comparable.',
    ),
    select: t('Select'),
    open: t('Open the evaluation'),
    averages: t('Averages of the set'),
    emptyTitle: t('No evaluations to compare'),
    emptyText: t(
      'Comparisons are made from .kompass evaluations in the workspace. Create one from a framework, or open a folder of evaluations and run Kompass: Compare Evaluations on it in the Explorer.',
    ),
    emptyButton: t('New Evaluation from Framework…'),
    sortHint: t('Sort by this column'),
    notes: t('Note:'),
  };
}

/**
 * The comparison panel: analyses every evaluation in its scope through the extension's model,
 * shows the comparison, and draws it again (within the preview's debounce) when a file in the
 * scope changes.
 */
export class ComparePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private sources: { uri: vscode.Uri; offset: number }[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: CompareSnapshot = {
    uris: [],
    rows: 0,
    seq: 0,
    drawnSeq: 0,
    drawMs: 0,
    analysisMs: 0,
    changes: [],
    radar: [],
  };
  private disposed = false;
  private loaded = false;
  private folderWatchers: vscode.Disposable[] = [];
  private readonly onDispose = new vscode.EventEmitter<void>();
  /** Fires once when the panel closes. */
  readonly onDidDispose = this.onDispose.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private scope: CompareScope,
    private readonly model: KompassModel,
    private readonly extensionUri: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    this.disposables.push(
      this.onDispose,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromCompareWebview) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden the page is gone while hidden: draw it afresh.
        if (!panel.visible) this.loaded = false;
        else if (!this.loaded) void this.render(true);
      }),
      model.onDidChange((uri) => {
        if (this.inScope(uri)) this.schedule();
      }),
    );
    this.watchFolders();
    void this.render(true);
  }

  /** Shows another scope in the same panel. */
  show(scope: CompareScope): void {
    this.scope = scope;
    this.watchFolders();
    void this.render(true);
  }

  /** What the panel last showed. */
  snapshot(): CompareSnapshot {
    return { ...this.last };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.onDispose.fire();
    for (const d of this.folderWatchers) d.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  /**
   * One watcher per compared folder, besides the model's workspace-wide one: a watcher on a
   * folder is its own watch, so a file created there reaches the comparison even when the
   * workspace watcher is slow or drops the event, and folders outside the workspace work too.
   */
  private watchFolders(): void {
    for (const d of this.folderWatchers) d.dispose();
    this.folderWatchers = [];
    for (const folder of this.scope.folders) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(folder, '**/*.kompass'),
      );
      const changed = (): void => this.schedule();
      this.folderWatchers.push(
        watcher,
        watcher.onDidCreate(changed),
        watcher.onDidChange(changed),
        watcher.onDidDelete(changed),
      );
    }
  }

  private inScope(uri: string): boolean {
    if (!uri.endsWith('.kompass')) return false;
    if (this.scope.workspace) return true;
    if (this.scope.files.some((f) => f.toString() === uri)) return true;
    return this.scope.folders.some((f) => uri.startsWith(`${f.toString().replace(/\/$/, '')}/`));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = vscode.workspace.getConfiguration('kompass').get<number>('preview.debounce', 300);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render(false);
    }, delay);
  }

  private async collect(): Promise<{ evaluations: EvaluationResult[]; problems: string[] }> {
    await this.model.ready();
    const uris = new Map<string, vscode.Uri>();
    for (const f of this.scope.files) uris.set(f.toString(), f);
    // A folder counts what is on disk in it now, so a new or deleted file is right even before
    // a watcher reported it, plus its open documents.
    const onDisk = new Set<string>();
    for (const folder of this.scope.folders) {
      for (const key of await this.model.documentsIn(folder)) onDisk.add(key);
    }
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of this.model.uris()) {
      if (!key.endsWith('.kompass') || !this.inScope(key)) continue;
      const listed = this.scope.workspace || onDisk.has(key) || open.has(key) || uris.has(key);
      if (listed) uris.set(key, vscode.Uri.parse(key));
    }
    for (const key of onDisk) if (!uris.has(key)) uris.set(key, vscode.Uri.parse(key));
    const evaluations: EvaluationResult[] = [];
    const problems: string[] = [];
    this.sources = [];
    for (const uri of [...uris.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1))) {
      try {
        const analysis = await this.model.analyze(uri);
        for (const ev of analysis.evaluations) {
          evaluations.push(ev);
          this.sources.push({ uri, offset: ev.nameNode?.start ?? ev.node.start });
        }
      } catch (err) {
        problems.push(String(err instanceof Error ? err.message : err));
      }
    }
    return { evaluations, problems };
  }

  private async render(full: boolean): Promise<void> {
    const seq = ++this.seq;
    const started = performance.now();
    const { evaluations, problems } = await this.collect();
    if (seq !== this.seq || this.disposed) return;
    const lang: MessageLanguage = vscode.env.language.startsWith('sv') ? 'sv' : 'en';
    const model = compareEvaluations(evaluations, lang);
    const view = compareView(model, lang, labels(model.rows.length, model.groups.length), problems);
    const message: ToCompareWebview = { type: 'update', seq, view };
    this.last = {
      ...this.last,
      uris: this.sources.map((s) => s.uri.toString()),
      rows: model.rows.length,
      seq,
      analysisMs: performance.now() - started,
    };
    this.panel.title = vscode.l10n.t('Compare Evaluations');
    if (full || !this.loaded) {
      this.loaded = this.panel.visible;
      this.panel.webview.html = comparePage(this.panel.webview, this.extensionUri, message, lang);
    } else void this.panel.webview.postMessage(message);
  }

  private onMessage(m: FromCompareWebview): void {
    switch (m.type) {
      case 'open':
        void this.open(m.source);
        break;
      case 'newEvaluation':
        void vscode.commands.executeCommand('kompass.newEvaluation');
        break;
      case 'rendered':
        if (m.seq >= this.last.drawnSeq) {
          this.last = {
            ...this.last,
            drawnSeq: m.seq,
            drawMs: m.ms,
            changes: m.changes,
            radar: m.radar,
          };
        }
        break;
      case 'ready':
        break;
    }
  }

  /** Opens an evaluation the webview names by its index; only our own list is trusted. */
  private async open(index: number): Promise<void> {
    const source = Number.isInteger(index) ? this.sources[index] : undefined;
    if (!source) return;
    const doc = await vscode.workspace.openTextDocument(source.uri);
    const pos = doc.positionAt(source.offset);
    await vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(pos, pos),
    });
  }
}
