import * as vscode from 'vscode';
import type { ReadResult } from '../../grammar/src/index';

/**
 * The extension's reads of workspace files, through VS Code's file system so they work on the
 * desktop and in a browser alike: the model's (preview, export) and, in VS Code for the Web, the
 * language server's, relayed to it (client/src/webRelay.ts).
 */

const kompassGlob = '**/*.kompass';
const excludeGlob = '{**/node_modules/**,**/.git/**,**/dist/**,**/.vscode-test/**}';
// Enough for any real set of evaluations; a bound so a huge folder cannot stall the host.
const maxWorkspaceFiles = 2000;

/** The `.kompass` files of the workspace folders (none without a folder). */
export async function findKompassFiles(): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  return vscode.workspace.findFiles(kompassGlob, excludeGlob, maxWorkspaceFiles);
}

/** Whether an untrusted workspace may read this file: only inside its folders. */
function mayRead(uri: vscode.Uri): boolean {
  if (vscode.workspace.isTrusted) return true;
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** Reads a file through VS Code's file system: regular files within the size limit only. */
export async function readWorkspaceFile(uri: vscode.Uri): Promise<ReadResult> {
  if (!mayRead(uri)) return { error: 'outside' };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0)
      return { error: 'unreadable', detail: 'not a file' };
    const limit = vscode.workspace
      .getConfiguration('kompass')
      .get<number>('maxFileSize', 10_000_000);
    if (stat.size > limit)
      return { error: 'unreadable', detail: `${Math.round(stat.size / 1024)} kB` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch (err) {
    return errorResult(err);
  }
}

function errorResult(err: unknown): ReadResult {
  const code = (err as { code?: string }).code;
  const missing = code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound';
  return { error: missing ? 'missing' : 'unreadable', detail: String(err) };
}
