#!/usr/bin/env node
// The Kompass language server for any editor: speaks LSP over stdio unless told otherwise
// (--node-ipc, --socket=PORT, --pipe=NAME).

if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
  process.argv.push('--stdio');
}

require('../dist/server.js');
