import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ReadResult } from '../../grammar/src/index';
import { findFilesRequest, readFileRequest } from '../../server/src/relay';
import { findKompassFiles, readWorkspaceFile } from './workspaceFiles';

/**
 * Answers the web worker server's file requests: it cannot reach the workspace itself, so the
 * client reads for it, through the same bounded, trust-scoped reads as the rest of the extension.
 */
export function relayFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(readFileRequest, async (params: { uri?: unknown }): Promise<ReadResult> => {
      if (typeof params?.uri !== 'string') return { error: 'missing' };
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(params.uri, true);
      } catch {
        return { error: 'missing' };
      }
      return readWorkspaceFile(uri);
    }),
    client.onRequest(
      findFilesRequest,
      async (): Promise<string[]> => (await findKompassFiles()).map((u) => u.toString()),
    ),
  ];
}
