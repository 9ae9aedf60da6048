import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, renderDocx, renderHtml, renderPdf } from '../src/index';
import { analyse } from './helpers';
import { parentTreeProblems } from './structTree';
import { unzipText } from './zip';

const pdfinfo = '/usr/bin/pdfinfo';
const update = process.env.UPDATE_SNAPSHOTS === '1';
const snapshot = fileURLToPath(
  new URL('./snapshots/vasteras-2012.pdf-struct.snap', import.meta.url),
);

/** Fails in CI and says loudly what was skipped elsewhere, when poppler's pdfinfo is missing. */
function requirePdfinfo(ctx: Mocha.Context): void {
  if (existsSync(pdfinfo)) return;
  const why = `${pdfinfo} is absent (apt-get install poppler-utils)`;
  if (process.env.CI) assert.fail(`PDF structure check cannot run: ${why}`);
  console.warn(`\n    !!! SKIPPED the PDF structure checks: ${why}\n`);
  ctx.skip();
}

describe('report: tagged PDF', function () {
  this.timeout(120_000);
  const { analysis, text } = analyse('samples/vasteras-2012.kompass');
  let dir: string;
  let file: string;
  let tree = '';

  before(async function () {
    requirePdfinfo(this);
    dir = mkdtempSync(join(tmpdir(), 'kompass-pdfua-'));
    file = join(dir, 'report.pdf');
    writeFileSync(file, await renderPdf(analysis, { sourceText: text }));
    tree = execFileSync(pdfinfo, ['-struct-text', file], { encoding: 'utf8' });
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is tagged, in the evaluation language, with the title shown in the window', () => {
    const info = execFileSync(pdfinfo, [file], { encoding: 'utf8' });
    assert.match(info, /^Tagged:\s+yes$/m);
    assert.match(info, /^Title:\s+Kommunkompassen – Västerås stad 2012$/m);
    const raw = readFileSync(file, 'latin1');
    assert.match(raw, /\/Lang \(sv-SE\)/);
    assert.match(raw, /\/DisplayDocTitle true/);
  });

  it('gives every piece of marked content to its element in the parent tree', () => {
    const raw = readFileSync(file, 'latin1');
    // The sample has a paragraph that goes on to the next page: its second piece is there too.
    assert.match(raw, /<<\n\/Type \/MCR\n\/Pg \d+ 0 R\n\/MCID \d+\n>>/);
    assert.deepEqual(parentTreeProblems(raw), []);
  });

  it('declares PDF/UA-1 in its metadata, beside its title', () => {
    const xmp = execFileSync(pdfinfo, ['-meta', file], { encoding: 'utf8' });
    assert.match(xmp, /xmlns:pdfuaid="http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/"/);
    assert.match(xmp, /<pdfuaid:part>1<\/pdfuaid:part>/);
    assert.match(
      xmp,
      /<rdf:li xml:lang="x-default">Kommunkompassen – Västerås stad 2012<\/rdf:li>/,
    );
  });

  it('has a heading for every part and area, and tables with header cells', () => {
    const headings = [...tree.matchAll(/^ {2}H(\d) \(block\)\n\s+"([^"]*)"/gm)].map(
      (m) => `H${m[1]} ${m[2]}`,
    );
    for (const h of [
      'H1 1  Om Kommunkompassen',
      'H1 2  Västerås stad: sammanfattning',
      'H2 Område 1  Offentlighet och demokrati',
      'H2 Område 8  Kommunen som samhällsbyggare',
      'H1 5  Kortfakta om Västerås stad',
    ])
      assert.ok(headings.includes(h), `${h} in ${headings.join(' | ')}`);
    const tables = tree.match(/^ {2}Table \(block\)/gm)?.length ?? 0;
    assert.ok(tables >= 18, `${tables} tables`);
    assert.match(tree, /TH:?\s*\n(?:\s+\/Scope \/\w+\n)?\s+"Uppnått"/);
    assert.match(tree, /^ {2}L \(block\)\n\s+LI/m);
  });

  it('says what each header cell heads: its column, or its row for a label', () => {
    const raw = readFileSync(file, 'latin1');
    const columns = raw.match(/\/A <<\s*\/O \/Table\s*\/Scope \/Column\s*>>/g)?.length ?? 0;
    const rows = raw.match(/\/A <<\s*\/O \/Table\s*\/Scope \/Row\s*>>/g)?.length ?? 0;
    // Every header cell of the tree has one: the header rows' cells, and the facts' labels.
    assert.equal(columns + rows, tree.match(/^\s*TH\b/gm)?.length);
    assert.ok(columns >= 60 && rows === 10, `${columns} column and ${rows} row headers`);
  });

  it('gives each chart an alternative text that states its numbers', () => {
    assert.equal(tree.match(/^\s*Figure\b/gm)?.length, 2);
    const alts = altTexts(readFileSync(file));
    assert.equal(alts.length, 2);
    assert.match(
      alts[0]!,
      /^Profil per område .*Västerås stad: 1\. Offentlighet och demokrati 58\u00a0%/,
    );
    assert.match(
      alts[1]!,
      /^Poäng per område\. Västerås stad: 1\. Offentlighet och demokrati 58\/100/,
    );
    // The sample shows the published figures only: no invented comparison series.
    assert.doesNotMatch(alts[1]!, /Referensprofil/);
  });

  it('matches its structure snapshot', () => {
    if (update || !existsSync(snapshot)) {
      mkdirSync(join(snapshot, '..'), { recursive: true });
      writeFileSync(snapshot, withAlts(tree, file));
      if (!update) assert.fail(`snapshot ${snapshot} was missing and has been written; run again`);
      return;
    }
    assert.equal(
      withAlts(tree, file),
      readFileSync(snapshot, 'utf8'),
      'UPDATE_SNAPSHOTS=1 to accept',
    );
  });
});

describe('report: the same outline in PDF, HTML and Word', function () {
  this.timeout(120_000);
  const { analysis, text } = analyse('samples/vasteras-2012.kompass');

  it('says the same headings in the same order', async function () {
    requirePdfinfo(this);
    const expected = buildReport(analysis, { sourceText: text })
      .parts.flatMap((p) => p.blocks)
      .filter((b) => b.kind === 'heading' && b.level <= 2)
      .map((b) => (b.kind === 'heading' ? norm(`${b.number ?? ''} ${b.text}`) : ''));
    const dir = mkdtempSync(join(tmpdir(), 'kompass-outline-'));
    try {
      const pdfFile = join(dir, 'r.pdf');
      writeFileSync(pdfFile, await renderPdf(analysis, { sourceText: text }));
      const tree = execFileSync(pdfinfo, ['-struct-text', pdfFile], { encoding: 'utf8' });
      const pdf = [...tree.matchAll(/^\s*H[12] \(block\)\n\s+"([^"]*)"/gm)].map((m) => norm(m[1]!));
      const html = [...renderHtml(analysis).matchAll(/<h[23][^>]*>([\s\S]*?)<\/h[23]>/g)]
        .map((m) => norm(m[1]!.replace(/<[^>]+>/g, ' ')))
        .filter((h) => h !== norm('Resultat'));
      const doc = unzipText(await renderDocx(analysis, { sourceText: text })).get(
        'word/document.xml',
      )!;
      const docx = [
        ...doc.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading[12]"\/>.*?<\/w:p>/g),
      ].map((m) => norm([...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
      const wanted = expected.filter((h) => h !== norm('Resultat'));
      assert.deepEqual(
        pdf.filter((h) => h !== norm('Resultat')),
        wanted,
        'PDF',
      );
      assert.deepEqual(html, wanted, 'HTML');
      assert.deepEqual(
        docx.filter((h) => h !== norm('Resultat')),
        wanted,
        'DOCX',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The structure tree with each figure's alternative text, which pdfinfo does not print, after it. */
function withAlts(tree: string, file: string): string {
  const alts = altTexts(readFileSync(file));
  return `${tree}\n${alts.map((a) => `Figure /Alt: ${a}`).join('\n')}\n`;
}

/** The `/Alt` strings of a PDF's structure elements, decoded (pdfkit writes them as UTF-16 literals). */
function altTexts(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/\/Alt \(/g)) {
    const bytes: number[] = [];
    let i = m.index! + m[0].length;
    for (let depth = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 0x5c) {
        const n = raw[++i]!;
        const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        if (/[0-7]/.test(n)) {
          const oct = /^[0-7]{1,3}/.exec(raw.slice(i))![0];
          bytes.push(Number.parseInt(oct, 8));
          i += oct.length - 1;
        } else bytes.push(esc[n] ?? n.charCodeAt(0));
      } else if (c === 0x28) {
        depth++;
        bytes.push(c);
      } else if (c === 0x29) {
        if (depth-- === 0) break;
        bytes.push(c);
      } else bytes.push(c);
    }
    const b = Buffer.from(bytes);
    out.push(
      b[0] === 0xfe && b[1] === 0xff
        ? b.subarray(2).swap16().toString('utf16le')
        : b.toString('latin1'),
    );
  }
  return out;
}

function norm(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}
