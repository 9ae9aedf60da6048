import * as vscode from 'vscode';
import {
  decodeDocument,
  defaultMaxDocumentSize,
  type FileAccess,
  type ReadResult,
  tooLarge,
  type WalkLimits,
} from '../../grammar/src/index';

/**
 * File access through VS Code's file system (`vscode.workspace.fs`): the only one in a browser,
 * and the one for non-local files on the desktop. It follows the file-access rules of
 * grammar/src/fileAccess.ts as far as that file system allows: regular files only (a link is
 * not followed out of an untrusted workspace), the trust scope, a size check before reading and
 * after, one decoder. The web worker server reads through it too, relayed (client/src/webRelay.ts).
 */

const kompassGlob = '**/*.kompass';
const excludeGlob = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.*/**}';
// Enough for any real set of evaluations; a bound so a huge folder cannot stall the host.
const maxWorkspaceFiles = 2000;

/** The size limit the user set for documents, in bytes. */
export function maxFileSize(): number {
  const v = vscode.workspace.getConfiguration('kompass').get<number>('maxFileSize');
  return typeof v === 'number' && v > 0 ? v : defaultMaxDocumentSize;
}

/** Whether an untrusted workspace may read this file: only inside its folders. */
function mayRead(uri: vscode.Uri): boolean {
  if (vscode.workspace.isTrusted) return true;
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** The `.kompass` files of the workspace folders (none without a folder). */
export async function findKompassFiles(): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  return vscode.workspace.findFiles(kompassGlob, excludeGlob, maxWorkspaceFiles);
}

/** Reads a file through VS Code's file system, by the rules of the file-access layer. */
export async function readWorkspaceFile(uri: vscode.Uri): Promise<ReadResult> {
  if (!mayRead(uri)) return { error: 'outside' };
  try {
    const limit = maxFileSize();
    const st = await vscode.workspace.fs.stat(uri);
    if (!(st.type & vscode.FileType.File)) return { error: 'notFile' };
    // The file system reports a link's target; in an untrusted workspace the target may lie outside.
    if (st.type & vscode.FileType.SymbolicLink && !vscode.workspace.isTrusted)
      return { error: 'outside', detail: 'link' };
    if (st.size > limit) return tooLarge(st.size, limit);
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > limit) return tooLarge(bytes.length, limit, true);
    return decodeDocument(bytes);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const missing = code === 'FileNotFound' || code === 'EntryNotFound' || code === 'ENOENT';
    return missing ? { error: 'missing' } : { error: 'unreadable', detail: String(err) };
  }
}

/** File access over `vscode.workspace.fs`, answering asynchronously. */
export const workspaceFiles: FileAccess = {
  resolve: (fromUri, path) => vscode.Uri.joinPath(vscode.Uri.parse(fromUri), '..', path).toString(),
  readFile: (uri) => {
    let parsed: vscode.Uri;
    try {
      parsed = vscode.Uri.parse(uri, true);
    } catch {
      return { error: 'missing' };
    }
    return readWorkspaceFile(parsed);
  },
  listDocuments: async (folderUri: string, limits: WalkLimits) => {
    const folder = vscode.Uri.parse(folderUri);
    const depth = Math.max(0, Math.min(limits.maxDepth, 32));
    const uris = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, kompassGlob),
      excludeGlob,
      limits.maxFiles,
    );
    const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return uris
      .filter((u) => u.path.slice(base.length).split('/').length - 1 <= depth)
      .map((u) => u.toString())
      .sort();
  },
};
