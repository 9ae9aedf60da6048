import * as vscode from 'vscode';
import { type Analysis, Code, LineIndex } from '../../../grammar/src/index';
import type { KompassModel } from '../model';
import { loadReport } from '../report';
import { anchorsFor } from './anchors';
import type { FromWebview, PanelProblem, PreviewState, ToWebview, UpdateMessage } from './messages';
import { isExternalLink } from './policy';
import { previewPage } from './previewHtml';

/** The webview panel type, also named in `onWebviewPanel:` activation and `when` clauses. */
export const previewViewType = 'kompass.preview';

/** What a preview last rendered, for tests and the status of the panel. */
export interface PreviewSnapshot {
  uri: string;
  locked: boolean;
  /** The document version of the last good render. */
  version: number;
  seq: number;
  html: string;
  /** The last render the webview said it applied. */
  appliedSeq: number;
  /** True when the panel shows an older render because the source has errors. */
  stale: boolean;
}

// Problems that make a render worthless: keep showing the last good one instead.
const fatal = new Set<string>([Code.Syntax, Code.TooLarge]);

/**
 * One report preview panel: renders its document with the report renderer, first at once and
 * then debounced, and sends later renders as messages the webview patches in, so the panel keeps
 * its scroll position. A locked preview stays on its document; an unlocked one follows the
 * active `.kompass` editor.
 */
export class KompassPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private loaded = false;
  /** The last render shown; `blocking` when it was a best effort over a syntax error. */
  private last: { version: number; html: string; blocking: boolean } | undefined;
  private lastAnchors: UpdateMessage['anchors'] = [];
  private stale = false;
  private isDisposed = false;
  private lastPosted: UpdateMessage | undefined;
  private css = '';
  private appliedSeq = 0;
  private readonly applied = new vscode.EventEmitter<number>();

  /** Fires once when the panel closes. */
  readonly onDidDispose = this.disposed.event;
  /** Fires with the render number the webview applied. */
  readonly onDidApply = this.applied.event;
  private readonly scrolled = new vscode.EventEmitter<number>();
  /** Fires with the source line at the top of the preview when the user scrolled it. */
  readonly onDidScrollPreview = this.scrolled.event;
  private readonly revealed = new vscode.EventEmitter<number>();
  /** Fires with the source line the preview asked to open (double-click, a problem clicked). */
  readonly onDidReveal = this.revealed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private uri: vscode.Uri,
    private locked: boolean,
    private readonly model: KompassModel,
    private readonly extensionUri: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    this.disposables.push(
      this.disposed,
      this.applied,
      this.scrolled,
      this.revealed,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        // A hidden webview loses its page (no retainContextWhenHidden); load it afresh.
        if (!panel.visible) this.loaded = false;
        else if (!this.loaded) this.render(true);
      }),
      model.onDidChange((changed) => {
        if (changed === this.uri.toString()) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('workbench.colorTheme')) this.render(true);
      }),
    );
    this.updateTitle();
    this.render(true);
    void model.ready();
  }

  /** The document shown. */
  get resource(): vscode.Uri {
    return this.uri;
  }

  /** Whether the preview stays on its document. */
  get isLocked(): boolean {
    return this.locked;
  }

  /** What the preview last rendered. */
  snapshot(): PreviewSnapshot {
    return {
      uri: this.uri.toString(),
      locked: this.locked,
      version: this.last?.version ?? -1,
      seq: this.seq,
      html: this.last?.html ?? '',
      appliedSeq: this.appliedSeq,
      stale: this.stale,
    };
  }

  /** Shows another document (an unlocked preview following the editor). */
  show(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.last = undefined;
    this.updateTitle();
    this.render(true);
  }

  /** Locks or unlocks the preview to its document. */
  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
    // The state the webview persists for a restore carries the lock.
    this.render(true);
  }

  /** Scrolls the preview to the part of the report at a source line. */
  scrollTo(line: number): void {
    if (this.loaded) void this.post({ type: 'scroll', line });
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed.fire();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }

  private schedule(): void {
    if (!this.last) {
      this.render(false);
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    const delay = vscode.workspace.getConfiguration('kompass').get<number>('preview.debounce', 300);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render(false);
    }, delay);
  }

  /** Renders now. `full` reloads the page; otherwise the webview patches the new markup in. */
  private render(full: boolean): void {
    if (!this.panel.visible && !full) {
      this.loaded = false;
      return;
    }
    const seq = ++this.seq;
    void this.update(seq).then(
      (update) => {
        // A newer render started while this one waited: it wins, whatever finishes first.
        if (!update || seq !== this.seq || this.isDisposed) return;
        this.deliver(update, full);
      },
      (err: unknown) => this.showFailure(err),
    );
  }

  private deliver(update: UpdateMessage, full: boolean): void {
    if (full || !this.loaded) {
      this.loaded = true;
      this.lastPosted = undefined;
      const state: PreviewState = { uri: this.uri.toString(), locked: this.locked };
      const lang = vscode.env.language.startsWith('sv') ? 'sv' : 'en';
      // The page carries the current render, or the last good one with the problems over it.
      const first = { ...update, html: update.html ?? this.last?.html ?? '' };
      this.panel.webview.html = previewPage(
        this.panel.webview,
        this.extensionUri,
        state,
        first,
        lang,
        this.css,
      );
    } else {
      this.lastPosted = update;
      void this.post(update);
    }
  }

  private async update(seq: number): Promise<UpdateMessage | undefined> {
    const report = await loadReport();
    this.css = report.reportCss('vscode');
    const doc = openDocument(this.uri);
    const analysis = this.model.analyzeHeld(this.uri) ?? (await this.model.analyze(this.uri));
    if (seq !== this.seq) return undefined;
    const text = doc?.getText() ?? this.model.text(this.uri) ?? '';
    const problems = panelProblems(analysis, text);
    const blocking = analysis.diagnostics.some((d) => fatal.has(d.code));
    // Hold back only a render worse than the one shown; a best effort replaces a best effort.
    if (blocking && this.last && !this.last.blocking) {
      return this.staleUpdate(
        seq,
        analysis.version,
        problems.filter((p) => fatal.has(p.code)),
      );
    }
    let html: string;
    try {
      html = report.renderHtmlBody(analysis, { sourceText: text });
    } catch (err) {
      const failure: PanelProblem = {
        severity: 'error',
        code: '',
        message: vscode.l10n.t('The report could not be rendered: {0}', String(err)),
        line: 0,
      };
      return this.staleUpdate(seq, analysis.version, [
        failure,
        ...problems.filter((p) => fatal.has(p.code)),
      ]);
    }
    this.last = { version: analysis.version, html, blocking };
    this.lastAnchors = anchorsFor(analysis, text, report.partId);
    this.stale = false;
    return { type: 'update', seq, version: analysis.version, html, anchors: this.lastAnchors };
  }

  private staleUpdate(seq: number, version: number, problems: PanelProblem[]): UpdateMessage {
    this.stale = true;
    const title = this.last
      ? vscode.l10n.t('The source has errors; showing the last report that rendered.')
      : vscode.l10n.t('The source has errors.');
    return {
      type: 'update',
      seq,
      version,
      anchors: this.lastAnchors,
      stale: { title, problems: problems.slice(0, 50) },
    };
  }

  private showFailure(err: unknown): void {
    if (this.isDisposed) return;
    const message = vscode.l10n.t('Cannot show {0}: {1}', this.uri.toString(true), String(err));
    this.deliver(
      {
        type: 'update',
        seq: ++this.seq,
        version: -1,
        anchors: this.lastAnchors,
        stale: { title: message, problems: [] },
      },
      false,
    );
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private onMessage(m: FromWebview): void {
    switch (m.type) {
      case 'link':
        if (isExternalLink(m.href)) void vscode.env.openExternal(vscode.Uri.parse(m.href));
        break;
      case 'reveal':
        void this.reveal(m.line).then(() => this.revealed.fire(m.line));
        break;
      case 'scrollEditor':
        if (Number.isInteger(m.line) && m.line >= 0) this.scrolled.fire(m.line);
        break;
      case 'ready':
        if (this.lastPosted && this.lastPosted.seq > m.seq) void this.post(this.lastPosted);
        break;
      case 'applied':
        this.appliedSeq = Math.max(this.appliedSeq, m.seq);
        this.applied.fire(m.seq);
        break;
    }
  }

  private async reveal(line: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: otherColumn(this.panel.viewColumn),
      preserveFocus: false,
    });
    const pos = new vscode.Position(Math.max(0, line), 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(
      new vscode.Range(pos, pos),
      vscode.TextEditorRevealType.InCenterIfOutsideViewport,
    );
  }

  private updateTitle(): void {
    const name = this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
    this.panel.title = this.locked
      ? vscode.l10n.t('[Locked] Preview {0}', name)
      : vscode.l10n.t('Preview {0}', name);
    this.panel.iconPath = {
      light: vscode.Uri.joinPath(this.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'preview-dark.svg'),
    };
  }
}

/** The webview options of a preview: scripts on, forms off, only our bundle folder readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

function otherColumn(column: vscode.ViewColumn | undefined): vscode.ViewColumn {
  return column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

function panelProblems(analysis: Analysis, text: string): PanelProblem[] {
  const lines = new LineIndex(text);
  return analysis.diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    line: lines.position(d.start).line,
  }));
}
