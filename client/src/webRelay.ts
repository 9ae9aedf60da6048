import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ReadResult, WalkLimits } from '../../grammar/src/index';
import { listDocumentsRequest, readFileRequest } from '../../server/src/relay';
import { workspaceFiles } from './workspaceFiles';

/**
 * Answers the web worker server's file requests: it cannot reach the workspace itself, so the
 * client reads for it, through the same file access (bounds, trust scope) as the rest of the
 * extension.
 */
export function relayFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(
      readFileRequest,
      async (params: { uri?: unknown }): Promise<ReadResult> =>
        typeof params?.uri === 'string'
          ? workspaceFiles.readFile(params.uri)
          : { error: 'missing' },
    ),
    client.onRequest(
      listDocumentsRequest,
      async (params: { folderUri?: unknown; limits?: Partial<WalkLimits> }): Promise<string[]> => {
        if (typeof params?.folderUri !== 'string') return [];
        const limits = {
          maxFiles: Math.min(Number(params.limits?.maxFiles) || 2000, 2000),
          maxDepth: Math.min(Number(params.limits?.maxDepth) || 12, 32),
        };
        return workspaceFiles.listDocuments(params.folderUri, limits);
      },
    ),
  ];
}
