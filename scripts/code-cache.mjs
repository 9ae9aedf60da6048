// Writes dist/cli.js.cache: V8's compiled code for the CLI bundle after it has checked and
// summarised the samples, so `kompass` starts without compiling what those commands run
// (bin/bundle.cjs loads it). Run by scripts/build.mjs in a process of its own, with no flags,
// as `kompass` runs: V8 rejects a cache made under other flags.

import { renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { cachePath, loadBundle } = require('../bin/bundle.cjs');

const file = resolve('dist/cli.js');
const { exports, script, hash } = loadBundle(file);
const quiet = { out() {}, err() {} };
for (const args of [
  ['check', 'samples/vasteras-2012.kompass'],
  ['check', '--format', 'json', 'samples/vasteras-2012.kompass'],
  ['summary', 'samples'],
  ['summary', 'samples/vasteras-2012.kompass'],
]) {
  await exports.main(args, quiet, {});
}
// Written aside and renamed, so a process starting meanwhile reads the old cache or the new one.
const temporary = `${cachePath(file)}.${process.pid}`;
writeFileSync(temporary, Buffer.concat([hash, script.createCachedData()]));
renameSync(temporary, cachePath(file));
