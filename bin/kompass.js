#!/usr/bin/env node
// The `kompass` command: the bundled CLI (npm run build writes dist/cli.js), started with its
// code cache when the build made one (bin/bundle.cjs).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { loadBundle } = require('./bundle.cjs');
loadBundle(fileURLToPath(new URL('../dist/cli.js', import.meta.url))).exports.run();
