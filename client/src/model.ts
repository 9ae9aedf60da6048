import * as vscode from 'vscode';
import {
  type Analysis,
  builtinScheme,
  describeReadProblem,
  type FileAccess,
  type Framework,
  Workspace,
} from '../../grammar/src/index';
import { findKompassFiles } from './workspaceFiles';

// The same bounds as the workspace scan: enough for any real set of evaluations.
const folderWalk = { maxFiles: 2000, maxDepth: 32 };

/** The language id of `.kompass` documents. */
export const languageId = 'kompass';

/**
 * The extension host's own view of the workspace, fed from open documents and the `.kompass`
 * files on disk: what the preview, export and New Evaluation read. It goes through the same core
 * as the language server, so both see the same model. Files are read through `files`, the
 * entry's file access (Node's fs for local files on the desktop, VS Code's file system in a
 * browser); reads that answer later show as pending and re-check what used them.
 */
export class KompassModel implements vscode.Disposable {
  private readonly workspace: Workspace;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<string>();
  private scanned: Promise<void> | undefined;

  /** Fires with a document's URI when its text, or something its analysis used, changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly files: FileAccess) {
    this.workspace = new Workspace(files, { onRead: (uri) => this.notify(uri) });
    for (const doc of vscode.workspace.textDocuments) this.setDocument(doc);
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((doc) => this.setDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.setDocument(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closeDocument(doc)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.kompass');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.reload(uri)),
      watcher.onDidChange((uri) => this.reload(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
    );
  }

  /** Reads every `.kompass` file of the workspace once, so workspace frameworks are known. */
  ready(): Promise<void> {
    this.scanned ??= this.scan();
    return this.scanned;
  }

  /**
   * The analysis of a document, reading it when it is not open, once every compare target it
   * needs has been read.
   */
  async analyze(uri: vscode.Uri): Promise<Analysis> {
    await this.ready();
    const key = uri.toString();
    if (!this.workspace.has(key)) {
      const read = await this.files.readFile(key);
      if (!('text' in read)) throw new Error(`${displayName(uri)}: ${describeReadProblem(read)}`);
      this.workspace.set(key, read.text);
    }
    return this.workspace.analyzeSettled(key);
  }

  /**
   * The analysis of a document already held (open or scanned), without waiting for the scan or
   * for compare targets still being read (`onDidChange` fires when they land).
   */
  analyzeHeld(uri: vscode.Uri): Analysis | undefined {
    const key = uri.toString();
    return this.workspace.has(key) ? this.workspace.analyze(key) : undefined;
  }

  /** Every document the model holds: the open ones and the workspace's `.kompass` files. */
  uris(): string[] {
    return this.workspace.uris();
  }

  /**
   * The `.kompass` files under a folder as they are on disk now, whether or not a file watcher
   * has reported them yet, so a comparison of the folder never misses a file.
   */
  async documentsIn(folder: vscode.Uri): Promise<string[]> {
    try {
      return await this.files.listDocuments(folder.toString(), folderWalk);
    } catch {
      return [];
    }
  }

  /** The text of a document the model holds. */
  text(uri: vscode.Uri): string | undefined {
    return this.workspace.text(uri.toString());
  }

  /** Every framework known: the workspace's, then the built-in ones. */
  async frameworks(): Promise<Framework[]> {
    await this.ready();
    return this.workspace.frameworks();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private setDocument(doc: vscode.TextDocument): void {
    if (doc.languageId !== languageId || doc.uri.scheme === builtinScheme) return;
    const key = doc.uri.toString();
    this.workspace.set(key, doc.getText(), doc.version);
    this.notify(key);
  }

  private closeDocument(doc: vscode.TextDocument): void {
    if (doc.languageId !== languageId) return;
    // A closed file is still part of the workspace: go back to what is saved.
    if (doc.uri.scheme !== 'untitled' && doc.uri.scheme !== builtinScheme)
      void this.reload(doc.uri);
    else {
      this.workspace.delete(doc.uri.toString());
      this.notify(doc.uri.toString());
    }
  }

  private async reload(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    this.workspace.invalidate(key);
    if (isOpen(uri)) return;
    const read = await this.files.readFile(key);
    if (isOpen(uri)) return;
    if ('text' in read) this.workspace.set(key, read.text);
    else this.workspace.delete(key);
    this.notify(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.workspace.invalidate(key);
    if (!isOpen(uri)) this.workspace.delete(key);
    this.notify(key);
  }

  private notify(uri: string): void {
    this.changed.fire(uri);
    for (const dep of this.workspace.dependents(uri)) this.changed.fire(dep);
  }

  private async scan(): Promise<void> {
    const uris = await findKompassFiles();
    await Promise.all(
      uris.map(async (uri) => {
        if (isOpen(uri) || this.workspace.has(uri.toString())) return;
        const read = await this.files.readFile(uri.toString());
        if ('text' in read) this.workspace.set(uri.toString(), read.text);
      }),
    );
    // Open documents may use frameworks defined in files just read.
    for (const key of this.workspace.uris()) if (isOpen(vscode.Uri.parse(key))) this.notify(key);
  }
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

function displayName(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
