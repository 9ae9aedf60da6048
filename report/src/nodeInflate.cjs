/**
 * tiny-inflate's function by Node's zlib, for the report bundles the command line loads: fontkit,
 * its Unicode properties and the line breaker unpack their Unicode tables (raw DEFLATE) with
 * tiny-inflate, in JavaScript, every time a process loads them: tens of milliseconds of a PDF's
 * start. scripts/build.mjs puts this module in its place there. CommonJS, as tiny-inflate is
 * (`require` gives the function). Node only.
 */

const { inflateRawSync } = require('node:zlib');

/**
 * Inflates raw DEFLATE `source` into `dest` as tiny-inflate does: `dest` itself when the output
 * fills it, a copy of the part filled when it is shorter, and no more than `dest` holds.
 * @param {Uint8Array} source
 * @param {Uint8Array} dest
 * @returns {Uint8Array}
 */
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  const n = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, n));
  return n < dest.length ? dest.slice(0, n) : dest;
};
