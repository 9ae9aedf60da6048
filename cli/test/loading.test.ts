import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs the bundled CLI in a fresh process and lists the files Node loaded for it, so a test can
 * see what a command pulled in.
 */
function loadedBy(args: string[]): { code: number; loaded: string[] } {
  const script = `
    const cli = require('./dist/cli.js');
    cli.main(${JSON.stringify(args)}, { out() {}, err() {} }).then((code) => {
      process.stdout.write(JSON.stringify({ code, loaded: Object.keys(require.cache) }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { code: number; loaded: string[] };
}

const isReport = (f: string) => /[\\/]dist[\\/]report\.js$/.test(f);
const isPdfReport = (f: string) => /[\\/]dist[\\/]report-pdf\.js$/.test(f);

describe('kompass CLI: what each command loads', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-load-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  before(() => {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  });

  it('the CLI bundle holds no report renderer: no pdfkit, fontkit or markdown-it', () => {
    const cli = readFileSync('dist/cli.js', 'utf8');
    for (const marker of ['PDFDocument', 'fontkit', 'markdown-it']) {
      assert.equal(cli.includes(marker), false, `dist/cli.js contains ${marker}`);
    }
    assert.ok(readFileSync('dist/report.js', 'utf8').includes('PDFDocument'));
  });

  it('--version and check do not load the report bundle', () => {
    for (const args of [['--version'], ['check', 'samples/vasteras-2012.kompass']]) {
      const r = loadedBy(args);
      assert.equal(r.code, 0);
      assert.deepEqual(r.loaded.filter(isReport), [], `kompass ${args.join(' ')}`);
    }
  });

  it('export loads it when it renders', () => {
    const out = join(dir, 'r.csv');
    const r = loadedBy(['export', 'samples/vasteras-2012.kompass', '--format', 'csv', '-o', out]);
    assert.equal(r.code, 0);
    assert.equal(r.loaded.filter(isReport).length, 1);
    assert.match(readFileSync(out, 'utf8'), /^area|^Område|;|,/);
  });

  it('a PDF export loads the PDF renderer alone, without the parser or the other formats', () => {
    const out = join(dir, 'r.pdf');
    const r = loadedBy(['export', 'samples/vasteras-2012.kompass', '--format', 'pdf', '-o', out]);
    assert.equal(r.code, 0);
    assert.deepEqual(r.loaded.filter(isReport), []);
    assert.equal(r.loaded.filter(isPdfReport).length, 1);
    assert.equal(readFileSync(out).subarray(0, 5).toString('latin1'), '%PDF-');
    const bundle = readFileSync('dist/report-pdf.js', 'utf8');
    for (const marker of ['createToken', 'docx', 'renderHtml'])
      assert.equal(bundle.includes(marker), false, `dist/report-pdf.js contains ${marker}`);
  });

  it('bundles pdfkit without the ciphers of encrypted PDFs, which the report never writes', () => {
    for (const file of ['dist/report-pdf.js', 'dist/report.js', 'dist/web/client.js']) {
      const bundle = readFileSync(file, 'utf8');
      assert.ok(bundle.includes('PDF encryption is not supported here'), file);
      // The ciphers' own module (its S-box and table setup) is not there.
      assert.equal(/@noble[\\/]ciphers[\\/]/.test(bundle), false, `${file} holds @noble/ciphers`);
    }
  });

  it('the desktop extension carries no renderer of its own: it loads the web bundle’s', () => {
    const desktop = readFileSync('dist/client.js', 'utf8');
    // pdfkit's producer name and our stand-in for its ciphers: strings a minifier keeps.
    for (const marker of ['PDFKit', 'PDF encryption is not supported here'])
      assert.equal(desktop.includes(marker), false, `dist/client.js contains ${marker}`);
    assert.match(desktop, /__dirname, ?"web", ?"client\.js"\)\)/);
  });
});
