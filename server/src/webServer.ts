/**
 * The language server for VS Code for the Web: a classic worker script (dist/web/server.js) that
 * speaks LSP through messages posted to and from the worker. Files are read by the web client
 * through VS Code's workspace file system, relayed by the requests of server/src/relay.ts.
 */

import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
} from 'vscode-languageserver/browser';
import { AsyncReadHost, type ReadResult } from '../../grammar/src/index';
import type { ServerPlatform, WorkspaceView } from './platform';
import { findFilesRequest, readFileRequest } from './relay';
import { describe } from './safe';
import { startSession } from './session';

// The worker's global scope: DOM's lib types it as a window; a worker posts and receives messages.
const worker = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(
  new BrowserMessageReader(worker),
  new BrowserMessageWriter(worker),
);

const read = async (uri: string): Promise<ReadResult> =>
  (await connection.sendRequest<ReadResult | null>(readFileRequest, { uri })) ?? {
    error: 'missing',
  };

/** Whether `uri` lies in one of the workspace folders. */
function inside(view: WorkspaceView, uri: string): boolean {
  return view.folders().some((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : `${f}/`));
}

/** Resolves a `compare` path against the document's URI, whatever its scheme. */
function resolve(fromUri: string, path: string): string {
  try {
    return new URL(path, fromUri).toString();
  } catch {
    return `${fromUri}/../${path}`;
  }
}

let host: AsyncReadHost | undefined;

const webPlatform: ServerPlatform = {
  host: () => {
    host = new AsyncReadHost(resolve, read);
    return host;
  },
  scan: async (_view, limits) => {
    const uris = (await connection.sendRequest<string[] | null>(findFilesRequest, {})) ?? [];
    const out: { uri: string; text: string }[] = [];
    for (const uri of uris.slice(0, limits.maxFiles)) {
      const r = await read(uri);
      if ('text' in r && r.text.length <= limits.maxFileSize) out.push({ uri, text: r.text });
    }
    return out;
  },
  reread: async (view, uri) => {
    if (!inside(view, uri)) return undefined;
    host?.forget(uri);
    const r = await read(uri);
    return 'text' in r ? r.text : undefined;
  },
  settle: (workspace, uri, onRead) =>
    host ? host.settle(workspace, uri, onRead) : Promise.resolve(),
};

self.addEventListener('error', (e: ErrorEvent) => {
  connection.console.error(`kompass: unexpected error: ${describe(e.error ?? e.message)}`);
});

startSession(connection, webPlatform);
