import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import { bufferPageContent } from '../src/pdf/contentBuffer';
import { fastMarkingsIn } from '../src/pdf/markings';
import { collectOutput } from '../src/pdf/output';
import { pdfBytes } from './helpers';

/** A document of raw operators, some not ASCII; its bytes through pdfkit alone or the report's buffers. */
async function written(buffered: boolean): Promise<Buffer> {
  const doc = new PDFDocument({
    compress: false,
    bufferPages: true,
    info: {
      CreationDate: new Date(0),
      Producer: 'test',
      Creator: 'test',
      Title: 'Västerås ”2012”',
    },
    font: null as unknown as string,
  });
  const bytes = pdfBytes(doc);
  let output: (() => Uint8Array) | undefined;
  if (buffered) {
    bufferPageContent(doc);
    output = collectOutput(doc);
  }
  const add = (s: string) => (doc as unknown as { addContent(s: string): void }).addContent(s);
  add('0 0 10 10 re\nf');
  add('(Åäö – ”) Tj');
  doc.addPage();
  add('1 w');
  add('(plain) Tj');
  doc.switchToPage(0);
  add('(tillbaka på sidan ett) Tj');
  const written = await bytes.end();
  return output ? Buffer.from(output()) : written;
}

describe('report: PDF content and output buffers', () => {
  it('write the bytes pdfkit writes, with and without characters beyond ASCII', async () => {
    const ours = await written(true);
    const theirs = await written(false);
    assert.ok(ours.toString('latin1').includes('(\u00c5\u00e4\u00f6 \u0013 \u001d) Tj'));
    assert.ok(ours.equals(theirs), 'the bytes differ');
  });
});

/**
 * A tagged page of marked content of every kind; its bytes, with the direct path or pdfkit's,
 * and the direct path writing to the report's buffers or through pdfkit's `addContent`.
 */
async function marked(fast: boolean, buffered = false): Promise<Buffer> {
  const doc = new PDFDocument({
    compress: false,
    tagged: true,
    info: { CreationDate: new Date(0), Producer: 'test', Creator: 'test' },
    font: null as unknown as string,
  });
  if (fast) fastMarkingsIn(doc);
  const bytes = pdfBytes(doc);
  let output: (() => Uint8Array) | undefined;
  if (buffered) {
    bufferPageContent(doc);
    output = collectOutput(doc);
  }
  const add = (s: string) => (doc as unknown as { addContent(s: string): void }).addContent(s);
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.markContent('Artifact', { type: 'Layout' });
  add('n');
  for (const tag of ['P', 'TD', 'Span', 'H1']) {
    const el = doc.struct(tag);
    root.add(el);
    // MCID 0 first: pdfkit closes open markings only for a later one.
    el.add(doc.markStructureContent(tag));
    add('0 0 m');
    doc.markContent('Artifact', { type: 'Layout' });
    add('1 1 l');
    doc.markContent('Span', { lang: 'sv-SE' } as PDFKit.Mixins.MarkingOptions);
    add('S');
    doc.endMarkedContent();
    doc.markContent('Artifact', { type: 'Pagination', bbox: [1, 2, 3, 4] });
    doc.markContent('Artifact');
    doc.endMarkedContent();
    doc.endMarkedContent();
    el.end();
  }
  root.end();
  const written = await bytes.end();
  return output ? Buffer.from(output()) : written;
}

describe('report: PDF marked content', () => {
  it('is written as pdfkit writes it, and closes what pdfkit closes', async () => {
    const ours = await marked(true);
    const theirs = await marked(false);
    const text = ours.toString('latin1');
    assert.ok(text.includes('/TD <<\n/MCID 1\n>> BDC'));
    assert.ok(text.includes('/Artifact <<\n/Type /Layout\n>> BDC'));
    assert.ok(ours.equals(theirs), 'the bytes differ');
  });

  it('is written straight into the page buffers as pdfkit writes it', async () => {
    const ours = await marked(true, true);
    const theirs = await marked(false);
    assert.ok(ours.toString('latin1').includes('/P <<\n/MCID 0\n>> BDC'));
    assert.ok(ours.equals(theirs), 'the bytes differ');
  });
});
