import assert from 'node:assert/strict';
import { deflateSync, inflateSync } from 'node:zlib';
import { readFontDir } from '../src/fontDir';
import { renderPdf } from '../src/index';
import { renderPdf as renderPdfAnywhere } from '../src/pdf';
import { pageDeflateLevel } from '../src/pdf/contentBuffer';
import { analyse } from './helpers';

/** Every stream of a PDF: its object number, dictionary and bytes as written. */
function streams(pdf: Uint8Array): { id: number; dict: string; bytes: Buffer }[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: { id: number; dict: string; bytes: Buffer }[] = [];
  const head = /(\d+) 0 obj\n<<((?:(?!endobj)[\s\S])*?)>>\nstream\n/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const length = Number(/\/Length (\d+)/.exec(m[2]!)![1]);
    const at = m.index + m[0].length;
    out.push({ id: Number(m[1]), dict: m[2]!, bytes: Buffer.from(pdf.subarray(at, at + length)) });
  }
  return out;
}

describe('report: PDF page compression in Node', function () {
  this.timeout(60_000);
  const { analysis } = analyse('samples/vasteras-2012.kompass');

  it('writes the same page content as pdfkit, compressed at its own level', async () => {
    const node = streams(await renderPdf(analysis));
    const pdfkit = streams(await renderPdfAnywhere(analysis, { fonts: readFontDir() }));
    assert.equal(node.length, pdfkit.length);
    assert.ok(node.length > 25, 'a stream per page and the fonts');
    let pages = 0;
    node.forEach((s, i) => {
      const theirs = pdfkit[i]!;
      assert.equal(s.id, theirs.id);
      assert.equal(s.dict, theirs.dict.replace(/\/Length \d+/, `/Length ${s.bytes.length}`));
      if (!s.dict.includes('/Filter /FlateDecode')) return;
      const content = inflateSync(s.bytes);
      assert.deepEqual(content, inflateSync(theirs.bytes), `stream ${s.id}`);
      // Page content draws text; pdfkit's level-6 bytes there differ from ours.
      if (!content.includes('BT\n')) return;
      pages++;
      assert.deepEqual(s.bytes, deflateSync(content, { level: pageDeflateLevel }));
      assert.notDeepEqual(s.bytes, theirs.bytes);
    });
    assert.ok(pages >= 25, `${pages} pages compressed`);
  });
});
