import * as vscode from 'vscode';
import { NodeFiles } from '../../files/src/node';
import {
  type Analysis,
  builtinScheme,
  decodeDocument,
  defaultMaxDocumentSize,
  describeReadProblem,
  type Framework,
  type ReadResult,
  tooLarge,
  Workspace,
} from '../../grammar/src/index';

/** The language id of `.kompass` documents. */
export const languageId = 'kompass';

const kompassGlob = '**/*.kompass';
const excludeGlob = '{**/node_modules/**,**/.git/**,**/dist/**,**/.vscode-test/**}';
// Enough for any real set of evaluations; a bound so a huge folder cannot stall the host.
const maxWorkspaceFiles = 2000;

/**
 * The extension host's own view of the workspace, fed from open documents and the `.kompass`
 * files on disk: what the preview, export and New Evaluation read. It goes through the same core
 * as the language server, so both see the same model.
 */
export class KompassModel implements vscode.Disposable {
  private readonly workspace: Workspace;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<string>();
  private scanned: Promise<void> | undefined;

  /** Fires with a document's URI when its text, or something its analysis used, changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.workspace = new Workspace({
      resolve: (from, path) => vscode.Uri.joinPath(vscode.Uri.parse(from), '..', path).toString(),
      readFile: (uri) => readFile(vscode.Uri.parse(uri)),
    });
    for (const doc of vscode.workspace.textDocuments) this.setDocument(doc);
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((doc) => this.setDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.setDocument(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closeDocument(doc)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(kompassGlob);
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

  /** The analysis of a document, reading it from disk when it is not open. */
  async analyze(uri: vscode.Uri): Promise<Analysis> {
    await this.ready();
    const key = uri.toString();
    if (!this.workspace.has(key)) {
      const read = await readFileAsync(uri);
      if (!('text' in read)) throw new Error(`${uri.fsPath}: ${describeReadProblem(read)}`);
      this.workspace.set(key, read.text);
    }
    return this.workspace.analyze(key);
  }

  /** The analysis of a document already held (open or scanned), without waiting for the scan. */
  analyzeHeld(uri: vscode.Uri): Analysis | undefined {
    const key = uri.toString();
    return this.workspace.has(key) ? this.workspace.analyze(key) : undefined;
  }

  /** Every document the model holds: the open ones and the workspace's `.kompass` files. */
  uris(): string[] {
    return this.workspace.uris();
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
    // A closed file is still part of the workspace: go back to what is on disk.
    if (doc.uri.scheme === 'file') void this.reload(doc.uri);
    else {
      this.workspace.delete(doc.uri.toString());
      this.notify(doc.uri.toString());
    }
  }

  private async reload(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    this.workspace.invalidate(key);
    if (isOpen(uri)) return;
    const read = await readFileAsync(uri);
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
    if (!vscode.workspace.workspaceFolders?.length) return;
    const uris = await vscode.workspace.findFiles(kompassGlob, excludeGlob, maxWorkspaceFiles);
    await Promise.all(
      uris.map(async (uri) => {
        if (isOpen(uri) || this.workspace.has(uri.toString())) return;
        const read = await readFileAsync(uri);
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

/** The size limit the user set for documents, in bytes. */
function maxBytes(): number {
  const v = vscode.workspace.getConfiguration('kompass').get<number>('maxFileSize');
  return typeof v === 'number' && v > 0 ? v : defaultMaxDocumentSize;
}

// Local files go through the file-access layer: regular files only, links resolved before the
// trust scope applies, bounded reads.
const localFiles = new NodeFiles({
  maxBytes,
  scope: () =>
    vscode.workspace.isTrusted
      ? undefined
      : (vscode.workspace.workspaceFolders ?? [])
          .filter((f) => f.uri.scheme === 'file')
          .map((f) => f.uri.fsPath),
});

/** Whether an untrusted workspace may read this file: only inside its folders. */
function mayRead(uri: vscode.Uri): boolean {
  if (vscode.workspace.isTrusted) return true;
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

// The core reads compare targets synchronously here: local files only, other schemes when open.
function readFile(uri: vscode.Uri): ReadResult {
  if (uri.scheme !== 'file') return mayRead(uri) ? { error: 'missing' } : { error: 'outside' };
  return localFiles.readFile(uri.toString());
}

async function readFileAsync(uri: vscode.Uri): Promise<ReadResult> {
  if (uri.scheme === 'file') return localFiles.readFile(uri.toString());
  if (!mayRead(uri)) return { error: 'outside' };
  try {
    const limit = maxBytes();
    const st = await vscode.workspace.fs.stat(uri);
    if (!(st.type & vscode.FileType.File)) return { error: 'notFile' };
    if (st.size > limit) return tooLarge(st.size, limit);
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > limit) return tooLarge(bytes.length, limit);
    return decodeDocument(bytes);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const missing = code === 'FileNotFound' || code === 'EntryNotFound';
    return missing ? { error: 'missing' } : { error: 'unreadable', detail: String(err) };
  }
}
