/**
 * The language server for VS Code for the Web: a classic worker script (dist/web/server.js) that
 * speaks LSP through messages posted to and from the worker. It cannot reach files itself: its
 * file access asks the web client, which reads through VS Code's workspace file system with the
 * same bounds and trust scope (client/src/webRelay.ts). Reads answer asynchronously; the core
 * shows a compare target being read as pending and checks again when it lands.
 */

import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
} from 'vscode-languageserver/browser';
import {
  type FileAccess,
  type ReadResult,
  resolveUri,
  type WalkLimits,
} from '../../grammar/src/index';
import { listDocumentsRequest, readFileRequest } from './relay';
import { describe } from './safe';
import { startSession } from './session';

// The worker's global scope: DOM's lib types it as a window; a worker posts and receives messages.
const worker = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(
  new BrowserMessageReader(worker),
  new BrowserMessageWriter(worker),
);

/** File access relayed to the client; the client applies the limits and the trust scope. */
const relayed: FileAccess = {
  resolve(fromUri: string, path: string): string {
    // The client's URIs are VS Code's: resolve in its encoding, so the target is the same key.
    return resolveUri(fromUri, path) ?? `${fromUri}/../${path}`;
  },
  async readFile(uri: string): Promise<ReadResult> {
    try {
      return (
        (await connection.sendRequest<ReadResult | null>(readFileRequest, { uri })) ?? {
          error: 'missing',
        }
      );
    } catch (e) {
      return { error: 'unreadable', detail: describe(e) };
    }
  },
  async listDocuments(folderUri: string, limits: WalkLimits): Promise<string[]> {
    const uris = await connection.sendRequest<string[] | null>(listDocumentsRequest, {
      folderUri,
      limits,
    });
    return (uris ?? []).slice(0, limits.maxFiles);
  },
};

self.addEventListener('error', (e: ErrorEvent) => {
  connection.console.error(`kompass: unexpected error: ${describe(e.error ?? e.message)}`);
});

startSession(connection, () => relayed);
