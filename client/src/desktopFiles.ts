import * as vscode from 'vscode';
import { NodeFiles } from '../../files/src/node';
import { writeOutputFile } from '../../files/src/write';
import type { FileAccess } from '../../grammar/src/index';
import type { LocalOutputWriter } from './export';
import { maxFileSize, workspaceFiles } from './workspaceFiles';

// Local files go through Node's file-access layer: regular files only, links resolved before the
// trust scope applies, bounded reads.
const localFiles = new NodeFiles({
  maxBytes: maxFileSize,
  scope: () =>
    vscode.workspace.isTrusted
      ? undefined
      : (vscode.workspace.workspaceFolders ?? [])
          .filter((f) => f.uri.scheme === 'file')
          .map((f) => f.uri.fsPath),
});

const isLocal = (uri: string) => uri.startsWith('file:');

/**
 * The desktop extension's file access: local files through Node's fs (synchronous, links
 * resolved), everything else (remote, virtual file systems) through VS Code's file system.
 */
export const desktopFiles: FileAccess = {
  resolve: (fromUri, path) =>
    isLocal(fromUri) ? localFiles.resolve(fromUri, path) : workspaceFiles.resolve(fromUri, path),
  readFile: (uri) => (isLocal(uri) ? localFiles.readFile(uri) : workspaceFiles.readFile(uri)),
  listDocuments: (folderUri, limits) =>
    isLocal(folderUri)
      ? localFiles.listDocuments(folderUri, limits)
      : workspaceFiles.listDocuments(folderUri, limits),
};

/** Writes a report to a local file through the CLI's writer: exclusive for a new name, atomic. */
export const writeLocalOutput: LocalOutputWriter = (target, source, data, replace) =>
  writeOutputFile(target.fsPath, data, {
    inputs: source.scheme === 'file' ? [source.fsPath] : [],
    replace,
  });
