import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf, requirePoppler } from '../../test/poppler';
import { renderPdf, renderReport } from '../src/index';
import { breakLongWords } from '../src/pdf/longWords';
import { analyse, analyseText, seedAreaScores } from './helpers';

const pdftotext = '/usr/bin/pdftotext';

describe('report: PDF', function () {
  this.timeout(60_000);
  let dir: string;
  let text = '';
  let bytes: Uint8Array;
  const { analysis } = analyse('samples/vasteras-2012.kompass');

  before(async () => {
    bytes = await renderPdf(analysis);
    if (!existsSync(pdftotext)) {
      console.warn(
        `    skipped text checks: ${pdftotext} is absent (apt-get install poppler-utils)`,
      );
      return;
    }
    dir = mkdtempSync(join(tmpdir(), 'kompass-pdf-'));
    writeFileSync(join(dir, 'report.pdf'), bytes);
    text = execFileSync(pdftotext, ['-layout', '-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], {
      encoding: 'utf8',
    });
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is an A4 PDF with embedded DejaVu fonts and no standard fonts', () => {
    const head = Buffer.from(bytes).toString('latin1');
    assert.ok(head.startsWith('%PDF-'));
    assert.match(head, /\/MediaBox \[0 0 595\.28 841\.89\]/);
    assert.match(head, /\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
    assert.doesNotMatch(head, /\/BaseFont \/Helvetica/);
  });

  it('has the total 561/800 and every area score in its text', function () {
    if (!text) this.skip();
    assert.ok(text.includes('561/800'));
    const e = analysis.evaluations[0]!;
    e.areas.forEach((a, i) => {
      assert.equal(a.score, seedAreaScores[i]);
      const row = new RegExp(
        `^\\s*${a.number}\\. ${a.title.split(' ')[0]}[^\\n]*?\\s${a.score}\\s+100\\s+${a.score} %`,
        'm',
      );
      assert.match(text, row, `area ${a.number} in the results table`);
      assert.match(
        text,
        new RegExp(`Område ${a.number}\\s+${a.title.split(' ')[0]}`),
        `area ${a.number} heading`,
      );
    });
  });

  it('prints å ä ö, – and ” intact', function () {
    if (!text) this.skip();
    assert.ok(text.includes('Västerås stad'));
    assert.ok(text.includes('Förbättringsmöjligheter'));
    assert.ok(text.includes('Översikt av poängfördelning'));
    // A strength in its column may wrap inside the quotation.
    assert.match(text, /”Alltid\s+bästa\s+möte”|”Alltid[^\n]*\n[^”]*möte”/);
    assert.ok(text.includes('12–14 december 2012'));
  });

  it('has contents with page numbers, page numbers on pages, and the chart legend per series', function () {
    if (!text) this.skip();
    const pages = text.split('\f').filter((p) => p.trim());
    assert.ok(pages.length > 10);
    assert.match(pages[1]!, /Innehåll/);
    assert.match(pages[1]!, /Område 8 Kommunen som samhällsbyggare\s+\d+/);
    assert.match(pages[pages.length - 1]!, new RegExp(`Sida ${pages.length} av ${pages.length}`));
    // The radar's axis labels and the evaluation's own series.
    const chart = pages.find((p) => p.includes('Profil per område'))!;
    assert.ok(chart, 'a page with the radar chart');
    for (const label of ['1. Offentlighet och', '5. Resultat och', '8. Kommunen som'])
      assert.ok(chart.includes(label), label);
    // The sample shows the published figures only: one series, no invented comparison.
    assert.ok(chart.includes('Västerås stad') && !chart.includes('Referensprofil'));
  });

  it('renders hostile and broken documents without failing', async () => {
    for (const f of ['fixtures/hostile.kompass', 'fixtures/broken.kompass']) {
      const { analysis: a, text: source } = analyse(f);
      const out = await renderReport(a, 'pdf', { sourceText: source });
      assert.ok(out instanceof Uint8Array && out.length > 1000, f);
    }
  });

  it('wraps a word of 60,000 characters in linear time and keeps every character', async function () {
    requirePoppler(this, 'reading the PDF');
    // pdfkit alone measures the rest of such a word again for every line: most of a minute.
    const word = 'ab1'.repeat(20_000);
    const a = analyseText(
      `evaluation "Långordsby" {\n  framework "kommunkompassen-2.0"\n  summary """${word}"""\n}\n`,
    );
    // The structure tree holds the text without the running heads and page numbers (artifacts),
    // one quoted piece per page.
    const tree = readPdf(await renderPdf(a)).tree.replace(/[\s\u200b"]/g, '');
    assert.ok(tree.includes(word), 'every character, in order');
  });

  it('renders a document whose second evaluation is in another language, both with contents', async function () {
    requirePoppler(this, 'reading the PDF');
    const evaluation = (name: string, lang: string) =>
      `evaluation "${name}" {\n  framework "kommunkompassen-2.0"\n  language ${lang}\n  area 1 score 50\n}\n`;
    const a = analyseText(evaluation('Nordby', 'sv') + evaluation('Sydby', 'en'));
    const tree = readPdf(await renderPdf(a)).tree;
    assert.match(tree, /^\s*Sect\b/m, 'the English evaluation is a section of its own');
    assert.match(tree, /Sydby/);
    assert.match(tree, /Innehåll/);
    assert.match(tree, /Contents/);
  });

  it('leaves ordinary text alone and breaks only long runs, between whole characters', () => {
    const plain = 'Västerås stad – 561 av 800 poäng, ”typografiska citat”.';
    assert.equal(breakLongWords(plain), plain);
    const long = `x ${'å😀'.repeat(40)} y`;
    const broken = breakLongWords(long);
    assert.ok(broken.includes('\u200b'));
    assert.equal(broken.replace(/\u200b/g, ''), long);
    assert.ok(!/[\ud800-\udbff]\u200b/.test(broken), 'no break inside a surrogate pair');
  });

  it('breaks exactly the runs the expression finds, whatever white space ends them', () => {
    const reference = (t: string) =>
      t.replace(/[^\s\u200b]{64,}/g, (run) => run.replace(/.{32}(?=.)/gsu, '$&\u200b'));
    const ends = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff';
    const others = 'aå😀\u0085\u001f\u180e\u200c-';
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2_000; i++) {
      let t = '';
      while (t.length < 200) {
        const run = [60, 62, 63, 64, 65, 3, 130][next(7)]!;
        for (let k = 0; k < run; k++) t += others[next(others.length)];
        t += ends[next(ends.length)];
      }
      assert.equal(breakLongWords(t), reference(t), JSON.stringify(t));
    }
  });

  it('fails clearly when the fonts are not where fontDir says', async () => {
    await assert.rejects(
      renderPdf(analysis, { fontDir: '/nonexistent-fonts' }),
      /Report font missing/,
    );
  });
});
