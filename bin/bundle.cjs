// Loads a CommonJS bundle of dist/ with the V8 code cache the build leaves beside it
// (`dist/cli.js.cache`, written by scripts/code-cache.mjs): a command then starts without
// compiling the functions it runs, a third of a small file's `kompass check`.
//
// The cache holds V8 bytecode for exactly one text of the bundle. V8 itself checks only the
// text's length (and its own version and flags), so the file starts with the SHA-1 of the text it
// was made from; any other text, a missing or rejected cache, and the bundle compiles as usual.

const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

const hashBytes = 20;

/** Every bundle loaded in this process by {@link loadBundle}, by file: what the caches are made from. */
const loaded = new Map();

/** The cache file of a bundle. */
function cachePath(file) {
  return `${file}.cache`;
}

/** The cache's header: the SHA-1 of the bundle's text. */
function digest(source) {
  return createHash('sha1').update(source).digest();
}

function cachedData(file, hash) {
  try {
    const data = readFileSync(cachePath(file));
    if (data.length > hashBytes && data.subarray(0, hashBytes).equals(hash)) {
      return data.subarray(hashBytes);
    }
  } catch {
    // No cache: compile as usual.
  }
  return undefined;
}

/**
 * Runs the bundle at `file` (an absolute path) as Node would `require` it, with its code cache
 * when one matches; returns its exports and the compiled script (to make a cache from).
 */
function loadBundle(file) {
  const known = loaded.get(file);
  if (known) return known;
  const bytes = readFileSync(file);
  const hash = digest(bytes);
  const source = bytes.toString('utf8');
  const data = cachedData(file, hash);
  const script = new Script(Module.wrap(source), {
    filename: file,
    ...(data ? { cachedData: data } : {}),
  });
  const module = new Module(file, undefined);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  module.loaded = true;
  // As require would: the bundle shows in require.cache.
  Module._cache[file] = module;
  const wrapper = script.runInThisContext();
  wrapper.call(
    module.exports,
    module.exports,
    Module.createRequire(file),
    module,
    file,
    dirname(file),
  );
  const result = {
    exports: module.exports,
    script,
    hash,
    usedCache: data !== undefined && !script.cachedDataRejected,
  };
  loaded.set(file, result);
  return result;
}

module.exports = { cachePath, hashBytes, loadBundle, loaded };
