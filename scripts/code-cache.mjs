// Writes dist/cli.js.cache and dist/report-pdf.js.cache: V8's compiled code for the CLI bundle
// after it has checked and summarised the samples, and for the PDF renderer's bundle after it has
// exported the sample as PDF, so `kompass` starts without compiling what those commands run
// (bin/bundle.cjs loads them). Run by scripts/build.mjs in a process of its own, with no flags,
// as `kompass` runs: V8 rejects a cache made under other flags.

import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { cachePath, loadBundle, loaded } = require('../bin/bundle.cjs');

const { exports } = loadBundle(resolve('dist/cli.js'));
const quiet = { out() {}, err() {} };
const dir = mkdtempSync(join(tmpdir(), 'kompass-code-cache-'));
try {
  for (const args of [
    ['check', 'samples/vasteras-2012.kompass'],
    ['check', '--format', 'json', 'samples/vasteras-2012.kompass'],
    ['summary', 'samples'],
    ['summary', 'samples/vasteras-2012.kompass'],
    ['export', 'samples/vasteras-2012.kompass', '--format', 'pdf', '-o', join(dir, 'r.pdf')],
  ]) {
    const code = await exports.main(args, quiet, {});
    if (args[0] === 'export' && code !== 0)
      throw new Error(`kompass ${args.join(' ')}: exit ${code}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const [file, { script, hash }] of loaded) {
  // Written aside and renamed, so a process starting meanwhile reads the old cache or the new one.
  const temporary = `${cachePath(file)}.${process.pid}`;
  writeFileSync(temporary, Buffer.concat([hash, script.createCachedData()]));
  renameSync(temporary, cachePath(file));
}
