import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import { readFontDir } from '../src/fontDir';
import { renderPdf } from '../src/index';
import { fastObjectsIn } from '../src/pdf/objects';
import { analyse, pdfBytes } from './helpers';

/** A tagged document with objects of every kind pdfkit writes; its bytes, written fast or not. */
async function objects(fast: boolean): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    tagged: true,
    lang: 'sv-SE',
    pdfVersion: '1.7',
    info: { CreationDate: new Date(0), Producer: 'test', Creator: 'test', Title: 'Rapport' },
    font: null as unknown as string,
  });
  if (fast) fastObjectsIn(doc);
  doc.registerFont('regular', readFontDir().regular);
  doc.font('regular');
  const bytes = pdfBytes(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const table = doc.struct('Table');
  root.add(table);
  const row = doc.struct('TR');
  table.add(row);
  for (const [i, text] of ['Område', '56 %', '”bra”'].entries()) {
    const cell = doc.struct(i === 0 ? 'TH' : 'TD', i === 2 ? { alt: 'bra (å ä ö)' } : {});
    if (i === 0)
      (cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
        O: 'Table',
        Scope: 'Row',
      };
    row.add(cell);
    cell.add(doc.markStructureContent(i === 0 ? 'TH' : 'TD'));
    doc.text(text, 56 + i * 100.123456789, 100);
    doc.endMarkedContent();
    cell.end();
  }
  row.end();
  table.end();
  // A dictionary of every value kind: numbers to round, booleans, null, nested arrays, a date,
  // a text string, a reference; an undefined value is left out.
  const points = doc.ref({ Type: 'Plain', Count: 3 });
  const odd = doc.ref({
    Numbers: [1, -2.5, 1 / 3, 1e-7, 123456.7890123],
    Flags: [true, false, null, undefined],
    Nested: { Inner: [[1, 2], { Deep: 'Name' }], Skip: undefined },
    Date: new Date(Date.UTC(2026, 11, 2)),
    Text: new String('Västerås (1)'),
    Points: points,
  });
  // pdfkit's types want a chunk; a plain object has none.
  (points.end as () => void)();
  (odd.end as () => void)();
  doc.addPage();
  const heading = doc.struct('H1');
  root.add(heading);
  heading.add(doc.markStructureContent('H1'));
  doc.text('Sida två', 56, 60);
  doc.endMarkedContent();
  heading.end();
  root.end();
  return bytes.end();
}

describe('report: PDF objects written in one piece', function () {
  this.timeout(60_000);

  it('writes the same bytes as pdfkit, for every kind of value and the cross-reference table', async () => {
    const fast = await objects(true);
    const slow = await objects(false);
    const text = fast.toString('latin1');
    assert.match(text, /\/Numbers \[1 -2\.5 0\.333333 0 123456\.789012\]/);
    assert.match(text, /\/Flags \[true false null null\]/);
    assert.match(text, /\/S \/TH\n\/A <<\n\/O \/Table\n\/Scope \/Row\n>>/);
    assert.match(
      text,
      /\nxref\n0 \d+\n0000000000 65535 f \n(\d{10} 00000 n \n)+trailer\n<<\n\/Size \d+\n\/Root \d+ 0 R\n\/Info \d+ 0 R\n\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]\n>>\nstartxref\n\d+\n%%EOF\n$/,
    );
    assert.equal(fast.length, slow.length);
    assert.ok(fast.equals(slow), 'the bytes differ');
  });

  it('leaves the report as it was: tagged, with alternative text and language', async () => {
    const { analysis } = analyse('samples/vasteras-2012.kompass');
    const pdf = Buffer.from(await renderPdf(analysis)).toString('latin1');
    assert.match(pdf, /\/StructTreeRoot \d+ 0 R/);
    assert.match(pdf, /\/Lang \(sv/);
    assert.match(pdf, /\/S \/Figure\n\/Alt \(/);
    assert.match(pdf, /\/S \/TD\n\/P \d+ 0 R\n\/K \[\d+\]\n\/Pg \d+ 0 R\n>>\nendobj/);
  });
});
