#!/usr/bin/env node
// The `kompass` command: the bundled CLI (npm run build writes dist/cli.js), started with its
// code cache when the build made one (bin/bundle.cjs). CommonJS (bin/package.json):
// an ES module here costs Node's ESM loader on every run.
const { join } = require('node:path');
const { loadBundle } = require('./bundle.cjs');

loadBundle(join(__dirname, '..', 'dist', 'cli.js')).exports.run();
