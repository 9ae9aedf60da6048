import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport } from '../src/index';
import { analyse, seedAreaScores, seedScores } from './helpers';
import { unzipText } from './zip';

const soffice = '/usr/bin/soffice';
const pdftotext = '/usr/bin/pdftotext';
const pdftoppm = '/usr/bin/pdftoppm';

/** The text of each paragraph of a WordprocessingML part, with its style. */
function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1])
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  }));
}

describe('report: DOCX', function () {
  this.timeout(120_000);
  const { analysis, text } = analyse('samples/vasteras-2012.kompass');
  let files: Map<string, string>;
  let bytes: Uint8Array;

  before(async () => {
    bytes = (await renderReport(analysis, 'docx', { sourceText: text })) as Uint8Array;
    files = unzipText(bytes);
  });

  it('is a Word package with a document, styles, numbering, footer and core properties', () => {
    for (const part of [
      '[Content_Types].xml',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'docProps/core.xml',
    ])
      assert.ok(files.has(part), part);
    const core = files.get('docProps/core.xml')!;
    assert.match(core, /<dc:title>Kommunkompassen – Västerås stad 2012<\/dc:title>/);
    assert.match(
      core,
      /<dc:creator>Christine Feuk, Britt-Marie Hedlund, Åsa Franzén<\/dc:creator>/,
    );
  });

  it('uses the built-in Heading 1–3 styles and declares the language', () => {
    const styles = files.get('word/styles.xml')!;
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Title'])
      assert.match(styles, new RegExp(`w:styleId="${id}"`), id);
    assert.match(styles, /<w:lang w:val="sv-SE"\/>/);
    const ps = paragraphs(files.get('word/document.xml')!);
    const h1 = ps.filter((p) => p.style === 'Heading1').map((p) => p.text);
    assert.deepEqual(h1, [
      'Innehåll',
      '1 Om Kommunkompassen',
      '2 Västerås stad: sammanfattning',
      '3 Genomgång område för område',
      '4 Översikt av poängfördelning',
      '5 Kortfakta om Västerås stad',
    ]);
    const h2 = ps.filter((p) => p.style === 'Heading2').map((p) => p.text);
    assert.equal(h2.filter((t) => /^Område \d /.test(t)).length, 8);
    assert.ok(ps.some((p) => p.style === 'Heading3' && p.text === 'Styrkor'));
  });

  it('has a table of contents field, repeating header rows, bullets and page numbers', () => {
    const doc = files.get('word/document.xml')!;
    assert.match(doc, /TOC (\\h )?\\o &quot;1-3&quot;/);
    const tables = doc.match(/<w:tbl>/g)?.length ?? 0;
    const headers = doc.match(/<w:tblHeader\/>/g)?.length ?? 0;
    assert.ok(tables >= 12, `${tables} tables`);
    assert.ok(headers >= 11, `${headers} header rows`);
    assert.match(doc, /<w:numPr>/);
    const footer = [...files.entries()].find(([k]) => /^word\/footer\d*\.xml$/.test(k))?.[1] ?? '';
    assert.match(footer, /PAGE/);
  });

  it('has every area, question and total in its text', () => {
    const all = paragraphs(files.get('word/document.xml')!)
      .map((p) => p.text)
      .join('\n');
    for (const [id, points] of seedScores) {
      assert.ok(all.includes(id), id);
      assert.ok(all.includes(String(points)), `${id} ${points}`);
    }
    for (const q of analysis.evaluations[0]!.areas.flatMap((a) => a.questions))
      assert.ok(all.includes(q.title), q.title);
    assert.match(all, /561 av 800 poäng · 70\u00a0%/);
    assert.match(all, /Totalt 561\/800 · 70\u00a0%/);
  });

  it('shows the charts as pictures whose alternative text states the numbers', () => {
    const doc = files.get('word/document.xml')!;
    const alts = [...doc.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(alts.length, 2);
    assert.match(alts[0]!, /Västerås stad: 1\. Offentlighet och demokrati 58\u00a0%/);
    assert.match(alts[1]!, /Västerås stad: 1\. Offentlighet och demokrati 58\/100/);
    assert.ok([...files.keys()].some((k) => /^word\/media\/.+\.png$/.test(k)));
    assert.ok([...files.keys()].some((k) => /^word\/media\/.+\.svg$/.test(k)));
  });

  describe('opened in LibreOffice', () => {
    let dir: string | undefined;
    before(function () {
      if (!existsSync(soffice) || !existsSync(pdftotext)) {
        const why = `${soffice} or ${pdftotext} is absent (apt-get install libreoffice-writer poppler-utils)`;
        if (process.env.CI) assert.fail(`LibreOffice check cannot run: ${why}`);
        console.warn(`\n    !!! SKIPPED the DOCX check in LibreOffice: ${why}\n`);
        this.skip();
      }
      dir = mkdtempSync(join(tmpdir(), 'kompass-docx-'));
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('converts to a PDF whose text holds every area and the total', () => {
      const d = dir!;
      writeFileSync(join(d, 'report.docx'), bytes);
      // A profile of its own, so a LibreOffice already running for the user is not disturbed.
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=file://${join(d, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          d,
          join(d, 'report.docx'),
        ],
        { stdio: 'pipe', timeout: 100_000 },
      );
      const out = execFileSync(
        pdftotext,
        ['-layout', '-enc', 'UTF-8', join(d, 'report.pdf'), '-'],
        {
          encoding: 'utf8',
        },
      );
      assert.match(out, /561 av 800 poäng · 70\s%/);
      assert.match(out, /Totalt 561\/800 · 70\s%/);
      const flat = out.replace(/\s+/g, ' ');
      for (const a of analysis.evaluations[0]!.areas) assert.ok(flat.includes(a.title), a.title);
      seedAreaScores.forEach((s, i) => {
        const row = new RegExp(`^\\s*${i + 1}\\. .*\\s${s}\\s+100\\s+${s}\\s%`, 'm');
        assert.match(out, row, `area ${i + 1}: ${s}`);
      });
      if (existsSync(pdftoppm)) {
        execFileSync(pdftoppm, [
          '-r',
          '30',
          '-png',
          '-f',
          '5',
          '-l',
          '5',
          join(d, 'report.pdf'),
          join(d, 'page'),
        ]);
        assert.ok(readdirSync(d).some((f) => f.startsWith('page') && f.endsWith('.png')));
      }
    });
  });
});
