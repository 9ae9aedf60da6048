import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Runs a script in a fresh Node process (no tsx, no NODE_OPTIONS). */
function node(script: string) {
  return spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

/** Loads a bundle through bin/bundle.cjs in a fresh process (no tsx), as `kompass` does. */
function load(file: string, args: string[]): { usedCache: boolean; code: number; out: string } {
  const script = `
    const { loadBundle } = require(${JSON.stringify(resolve('bin/bundle.cjs'))});
    const b = loadBundle(${JSON.stringify(file)});
    let out = '';
    b.exports.main(${JSON.stringify(args)}, { out(s) { out += s; }, err() {} }, {}).then((code) => {
      process.stdout.write(JSON.stringify({ usedCache: b.usedCache, code, out }));
    });`;
  const r = node(script);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('kompass CLI: the code cache', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  before(() => {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  });

  it('the build leaves a cache for dist/cli.js, and kompass starts from it', () => {
    const r = load(resolve('dist/cli.js'), ['check', 'samples/vasteras-2012.kompass']);
    assert.equal(r.usedCache, true);
    assert.equal(r.code, 0);
    assert.match(r.out, /^0 fel, 0 varningar i 1 fil/m);
  });

  it('a PDF export loads the PDF renderer from its cache too', () => {
    const out = join(dir, 'r.pdf');
    const script = `
      const { loadBundle, loaded } = require(${JSON.stringify(resolve('bin/bundle.cjs'))});
      const b = loadBundle(${JSON.stringify(resolve('dist/cli.js'))});
      const args = ['export', 'samples/vasteras-2012.kompass', '--format', 'pdf', '-o', ${JSON.stringify(out)}];
      b.exports.main(args, { out() {}, err() {} }, {}).then((code) => {
        const pdf = loaded.get(${JSON.stringify(resolve('dist/report-pdf.js'))});
        process.stdout.write(JSON.stringify({ code, usedCache: pdf ? pdf.usedCache : null }));
      });`;
    const r = node(script);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { code: 0, usedCache: true });
    assert.equal(readFileSync(out).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('the kompass command, which fits the engine to its documents, still loads the PDF renderer from its cache', () => {
    const out = join(dir, 'r.pdf');
    // As bin/kompass.js runs it: `run` sets V8's flags, under which the cache would be rejected.
    const script = `
      const { loadBundle, loaded } = require(${JSON.stringify(resolve('bin/bundle.cjs'))});
      process.argv = [process.argv[0], 'kompass', 'export', 'samples/vasteras-2012.kompass', '--format', 'pdf', '-o', ${JSON.stringify(out)}];
      loadBundle(${JSON.stringify(resolve('dist/cli.js'))}).exports.run();
      process.on('beforeExit', () => {
        const pdf = loaded.get(${JSON.stringify(resolve('dist/report-pdf.js'))});
        process.stderr.write('\\n' + JSON.stringify({ usedCache: pdf ? pdf.usedCache : null }));
      });`;
    const r = node(script);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stderr.split('\n').at(-1)!), { usedCache: true });
    assert.equal(readFileSync(out).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('a cache made for another text of the bundle is ignored, even of the same length', () => {
    const file = join(dir, 'cli.js');
    // Same length, other code: V8 alone would take the stale cache for it.
    const text = readFileSync('dist/cli.js', 'utf8').replace(
      'var version = "0.1.0"',
      'var version = "9.9.9"',
    );
    assert.equal(text.length, readFileSync('dist/cli.js', 'utf8').length);
    writeFileSync(file, text);
    copyFileSync('dist/cli.js.cache', `${file}.cache`);
    const r = load(file, ['--version']);
    assert.equal(r.usedCache, false);
    assert.equal(r.out, '9.9.9\n');
  });

  it('without a cache the bundle runs all the same', () => {
    const file = join(dir, 'cli.js');
    copyFileSync('dist/cli.js', file);
    const r = load(file, ['--version']);
    assert.equal(r.usedCache, false);
    assert.equal(r.out, '0.1.0\n');
  });
});
