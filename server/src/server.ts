import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFileAccess } from './host';
import { describe } from './safe';
import { startSession } from './session';

// Started without a transport flag (e.g. `node dist/server.js`), speak LSP over stdio.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
  process.argv.push('--stdio');
}

const connection = createConnection(ProposedFeatures.all);

process.on('uncaughtException', (e) => {
  connection.console.error(`kompass: unexpected error: ${describe(e)}`);
});

// In Node, files are read from the local file system.
startSession(connection, nodeFileAccess);
