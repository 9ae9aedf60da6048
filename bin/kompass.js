#!/usr/bin/env node
// The `kompass` command: the bundled CLI (npm run build writes dist/cli.js).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('../dist/cli.js').run();
