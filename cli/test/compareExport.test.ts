import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf, requirePoppler } from '../../test/poppler';

function kompass(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/kompass.js', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, LANG: 'C' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function evaluation(name: string, date: string, scores: number[]): string {
  const areas = scores.map((s, i) => `  area ${i + 1} score ${s}`).join('\n');
  return `evaluation "${name}" {\n  framework "kommunkompassen-2.0"\n  date ${date}\n${areas}\n}\n`;
}

// Runs the bundle that cli.test.ts (earlier in the same run) and `npm test` build.
describe('kompass export --compare', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-compare-export-'));
    writeFileSync(
      join(dir, 'a.kompass'),
      evaluation('Tallby', '2012-03-01', [50, 60, 72, 60, 61, 58, 64, 66]),
    );
    writeFileSync(
      join(dir, 'b.kompass'),
      evaluation('Tallby kommun', '2016-04-12', [60, 62, 70, 64, 66, 60, 65, 70]),
    );
    writeFileSync(
      join(dir, 'c.kompass'),
      evaluation('Alby stad', '2014-01-01', [40, 70, 42, 43, 44, 45, 46, 47]),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('warns of the characters a comparison PDF cannot show', () => {
    const extra = join(dir, 'd.kompass');
    writeFileSync(extra, evaluation('Östby 東', '2015-01-01', [50, 50, 50, 50, 50, 50, 50, 50]));
    const out = join(dir, 'jamforelse.pdf');
    const r = kompass('export', '--compare', dir, '--format', 'pdf', '-o', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /jamforelse\.pdf: varning: PDF:en kan inte visa 東: /);
    rmSync(extra);
    const again = kompass('export', '--compare', dir, '--format', 'pdf', '-o', out, '--force');
    assert.equal(again.code, 0, again.err);
    assert.doesNotMatch(again.err, /varning/);
  });

  it('writes Markdown with the table, the trend, the ranking and the average profile', () => {
    const out = join(dir, 'jamforelse.md');
    const r = kompass('export', '--compare', dir, '--format', 'md', '-o', out);
    assert.equal(r.code, 0, r.err);
    const md = readFileSync(out, 'utf8');
    assert.match(md, /Jämförelse av 3 utvärderingar, 2 kommuner/);
    // Markdown escapes the leading plus sign so it never starts a list.
    assert.match(md, /\| Tallby kommun \| 2016-04-12 \|.*\| \\\+26 \| 60 \(\+10\) \|/);
    assert.match(md, /Utveckling per område mellan omgångarna/);
    assert.match(md, /Rangordning per område/);
    // Area 2: Alby (70) before Tallby's latest round (62); Tallby's first round is not ranked.
    const start = md.indexOf('**2\\. Tillgänglighet och brukarorientering**');
    assert.ok(start > 0, 'the ranking of area 2');
    const area2 = md.slice(start);
    assert.ok(area2.indexOf('Alby stad') < area2.indexOf('Tallby kommun'), area2.slice(0, 400));
    assert.match(md, /Medel av 3 utvärderingar enligt Kommunkompassen 2\.0/);
  });

  it('writes a Word document', () => {
    const out = join(dir, 'jamforelse.docx');
    const r = kompass(
      'export',
      '--compare',
      join(dir, 'a.kompass'),
      join(dir, 'b.kompass'),
      '--format',
      'docx',
      '-o',
      out,
    );
    assert.equal(r.code, 0, r.err);
    const bytes = readFileSync(out);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip container');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')));
  });

  it('writes a self-contained HTML page with the trend chart and its numbers', () => {
    const out = join(dir, 'jamforelse.html');
    const r = kompass('export', '--compare', dir, '--format', 'html', '-o', out);
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="sv-SE">/);
    assert.match(html, /<title>Jämförelse av 3 utvärderingar, 2 kommuner<\/title>/);
    assert.doesNotMatch(html, /<script/i);
    // Tallby's two rounds: area 1 went from 50 % to 60 %.
    assert.match(
      html,
      /<svg class="kk-chart kk-trend"[^>]*aria-label="Tallby kommun: procent av max per område och omgång\. 1\. Offentlighet och demokrati: 2012-03-01 50\u00a0%, 2016-04-12 60\u00a0%;/,
    );
  });

  it('writes a tagged PDF laid out from the same structure', function () {
    requirePoppler(this, 'the comparison PDF check');
    const out = join(dir, 'jamforelse.pdf');
    const r = kompass('export', '--compare', dir, '--format', 'pdf', '-o', out);
    assert.equal(r.code, 0, r.err);
    const pdf = readPdf(readFileSync(out));
    assert.match(pdf.info, /^Tagged:\s+yes$/m);
    assert.match(pdf.info, /^Title:\s+Jämförelse av 3 utvärderingar, 2 kommuner$/m);
    const text = pdf.pages.join('\n');
    for (const s of ['Rangordning per område', 'Utveckling per område mellan omgångarna'])
      assert.ok(text.includes(s), s);
    // The set's table: every evaluation's row with its total, and header cells in the tree.
    assert.match(text, /2016-04-12\s.*\s517\s+65\s%\s+\+26\s/);
    assert.match(pdf.tree, /TH:?\s*\n(?:\s+\/Scope \/\w+\n)?\s+"Namn"/);
    assert.match(pdf.tree, /^ {2}H1 \(block\)\n\s+"Medelprofil"/m);
    assert.equal(
      pdf.tree.match(/^\s*Figure\b/gm)?.length,
      2,
      "Tallby's trend and the average profile",
    );
    // The trend's lines carry no numbers: its table follows it.
    assert.match(text, /1\. Offentlighet och demokrati\s+50\s%\s+60\s%/);
    assert.match(pdf.pages.at(-1)!, new RegExp(`Sida ${pdf.pages.length} av ${pdf.pages.length}`));
  });

  it('needs -o, refuses formats it cannot lay out yet, and never writes over an input', () => {
    assert.match(kompass('export', '--compare', dir, '--format', 'md').err, /-o FILE/);
    const csv = kompass('export', '--compare', dir, '--format', 'csv', '-o', join(dir, 'x.csv'));
    assert.equal(csv.code, 2);
    assert.match(csv.err, /html, pdf, docx or md/);
    const over = kompass(
      'export',
      '--compare',
      dir,
      '--format',
      'md',
      '-o',
      join(dir, 'a.kompass'),
    );
    assert.equal(over.code, 2);
    assert.ok(readFileSync(join(dir, 'a.kompass'), 'utf8').startsWith('evaluation'));
    assert.equal(existsSync(join(dir, 'x.csv')), false);
  });

  it('words its errors in --lang, else in the language of the set', () => {
    const md = ['export', '--compare', dir, '--format'];
    assert.equal(
      kompass(...md, 'csv', '-o', join(dir, 'x.csv'), '--lang', 'sv').err,
      'kompass: export --compare: --format ska vara html, pdf, docx eller md, inte csv\n',
    );
    assert.equal(
      kompass(...md, 'csv', '-o', join(dir, 'x.csv'), '--lang', 'en').err,
      'kompass: export --compare: --format must be html, pdf, docx or md, not csv\n',
    );
    assert.match(kompass(...md, 'md', '--lang', 'sv').err, /ange filen som ska skrivas med -o FIL/);
    const empty = mkdtempSync(join(tmpdir(), 'kompass-compare-empty-'));
    try {
      const none = kompass('export', '--compare', empty, '--format', 'md', '-o', '-', '--lang=sv');
      assert.equal(none.code, 2);
      assert.match(none.err, /export --compare: ingen utvärdering i /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    // The set is Swedish (no `language en`), so with LANG=C the refusal is still in Swedish.
    const over = kompass(...md, 'md', '-o', join(dir, 'ut.kompass'));
    assert.equal(over.code, 2);
    assert.match(over.err, /ut\.kompass: skriver inte en rapport till en \.kompass-fil/);
    const wrote = kompass(...md, 'md', '-o', join(dir, 'ut.md'));
    assert.equal(wrote.code, 0, wrote.err);
    assert.match(wrote.err, /^skrev .*ut\.md$/m);
    const english = kompass(...md, 'md', '-o', join(dir, 'out.md'), '--lang', 'en');
    assert.match(english.err, /^wrote .*out\.md$/m);
  });
});
