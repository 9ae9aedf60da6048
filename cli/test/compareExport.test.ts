import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function kompass(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/kompass.js', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
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

  it('needs -o, refuses formats it cannot lay out yet, and never writes over an input', () => {
    assert.match(kompass('export', '--compare', dir, '--format', 'md').err, /-o FILE/);
    const pdf = kompass('export', '--compare', dir, '--format', 'pdf', '-o', join(dir, 'x.pdf'));
    assert.equal(pdf.code, 2);
    assert.match(pdf.err, /html, docx or md/);
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
    assert.equal(existsSync(join(dir, 'x.pdf')), false);
  });
});
