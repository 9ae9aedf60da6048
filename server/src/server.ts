import { readFile } from 'node:fs/promises';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FsHost, isInside, uriToPath } from './host';
import { scanFolders } from './loader';
import type { ServerPlatform, WorkspaceView } from './platform';
import { describe } from './safe';
import { startSession } from './session';

// Started without a transport flag (e.g. `node dist/server.js`), speak LSP over stdio.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
  process.argv.push('--stdio');
}

const folderPaths = (view: WorkspaceView): string[] =>
  view.folders().flatMap((u) => {
    const p = uriToPath(u);
    return p === undefined ? [] : [p];
  });

/** The server in Node: files are read from the local file system. */
const nodePlatform: ServerPlatform = {
  host: (view) =>
    new FsHost({
      folders: () => folderPaths(view),
      trusted: view.trusted,
      maxFileSize: view.maxFileSize,
    }),
  scan: (view, limits) => scanFolders(folderPaths(view), limits),
  reread: async (view, uri) => {
    const path = uriToPath(uri);
    if (path === undefined || !isInside(path, folderPaths(view))) return undefined;
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const connection = createConnection(ProposedFeatures.all);

process.on('uncaughtException', (e) => {
  connection.console.error(`kompass: unexpected error: ${describe(e)}`);
});

startSession(connection, nodePlatform);
