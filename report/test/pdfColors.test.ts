import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { buildReport } from '../src/build';
import type { ReportDocument } from '../src/document';
import { readFontDir } from '../src/fontDir';
import { nodeDeflate } from '../src/nodeDeflate';
import { cacheColors } from '../src/pdf/colors';
import { renderPdfDocument } from '../src/pdf/document';
import { analyse, pdfBytes, sampleComparison } from './helpers';

/** The content of every page of a PDF, inflated, by object number. */
function pageContents(pdf: Uint8Array): Map<number, string> {
  const text = Buffer.from(pdf).toString('latin1');
  const out = new Map<number, string>();
  const head = /(\d+) 0 obj\n<<((?:(?!endobj)[\s\S])*?)>>\nstream\n/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const dict = m[2]!;
    if (
      !dict.includes('/Filter /FlateDecode') ||
      dict.includes('/Subtype') ||
      dict.includes('/Type')
    )
      continue;
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const at = m.index + m[0].length;
    const content = inflateSync(pdf.subarray(at, at + length)).toString('latin1');
    if (content.includes(' cm\n')) out.set(Number(m[1]), content);
  }
  return out;
}

const isColor = (line: string) => /^\/\w+ (?:cs|CS)$|^[\d. ]+ (?:scn|SCN)$/.test(line);

/**
 * What a page paints, operator by operator, with the colour each paints in (the fill colour for
 * text and fills, the stroke colour for strokes), following `q` and `Q`; colour operators left out.
 */
function painted(content: string): string[] {
  let fill = 'black';
  let stroke = 'black';
  const saved: [string, string][] = [];
  const out: string[] = [];
  for (const line of content.split('\n')) {
    if (line.endsWith(' cs')) fill = `${line.slice(0, -3)} initial`;
    else if (line.endsWith(' CS')) stroke = `${line.slice(0, -3)} initial`;
    else if (line.endsWith(' scn')) fill = line.slice(0, -4);
    else if (line.endsWith(' SCN')) stroke = line.slice(0, -4);
    else if (line === 'q') saved.push([fill, stroke]);
    else if (line === 'Q') [fill, stroke] = saved.pop()!;
    if (isColor(line)) continue;
    if (line.endsWith(' TJ') || line.endsWith(' Tj') || line === 'f' || line === 'f*')
      out.push(`${line} in ${fill}`);
    else if (line === 'S' || line === 's') out.push(`${line} in ${stroke}`);
    else if (line === 'B' || line === 'b') out.push(`${line} in ${fill} / ${stroke}`);
    else out.push(line);
  }
  return out;
}

async function both(report: ReportDocument): Promise<{ skipped: Uint8Array; every: Uint8Array }> {
  const fonts = readFontDir();
  const skipped = await renderPdfDocument(report, fonts, { deflate: nodeDeflate });
  const every = await renderPdfDocument(report, fonts, {
    deflate: nodeDeflate,
    repeatColors: true,
  });
  return { skipped, every };
}

function samePainting(
  skipped: Uint8Array,
  every: Uint8Array,
  pages: number,
): { before: number; after: number } {
  const ours = pageContents(skipped);
  const theirs = pageContents(every);
  assert.deepEqual([...ours.keys()], [...theirs.keys()]);
  assert.ok(ours.size >= pages, `${ours.size} pages`);
  let before = 0;
  let after = 0;
  for (const [id, content] of theirs) {
    const mine = ours.get(id)!;
    assert.deepEqual(painted(mine), painted(content), `page content ${id}`);
    before += content.length;
    after += mine.length;
  }
  return { before, after };
}

describe('report: PDF colours set only where they change', function () {
  this.timeout(120_000);

  it('paints everything in the colour it had, with fewer operators (the sample)', async () => {
    const { analysis } = analyse('samples/vasteras-2012.kompass');
    const { skipped, every } = await both(buildReport(analysis, {}));
    const { before, after } = samePainting(skipped, every, 20);
    assert.ok(after < before * 0.8, `${after} of ${before} bytes`);
  });

  it('paints charts and tables of a comparison alike, saved and restored colours included', async () => {
    const report = sampleComparison();
    const { skipped, every } = await both(report);
    const contents = [...pageContents(every).values()].join('\n');
    assert.match(contents, /\nq\n/, 'the charts save and restore');
    const { before, after } = samePainting(skipped, every, 4);
    assert.ok(after < before, `${after} of ${before} bytes`);
  });

  it('follows save and restore, and starts again on every page', async () => {
    const draw = async (skipRepeated: boolean) => {
      const doc = new PDFDocument({
        compress: false,
        bufferPages: true,
        font: null as unknown as string,
      });
      cacheColors(doc, { skipRepeated });
      const bytes = pdfBytes(doc);
      const box = () => doc.rect(0, 0, 10, 10).fill();
      doc.fillColor('#ff0000');
      box();
      doc.save().fillColor('#0000ff');
      box();
      doc.restore().fillColor('#0000ff');
      box();
      doc.save().fillColor('#0000ff');
      box();
      doc.restore();
      box();
      doc.addPage().fillColor('#0000ff');
      box();
      doc.switchToPage(0);
      doc.fillColor('#0000ff');
      box();
      return Buffer.from(await bytes.end()).toString('latin1');
    };
    const every = await draw(false);
    const skipped = await draw(true);
    const pages = (pdf: string) =>
      [...pdf.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) =>
        painted(m[1]!).filter((l) => l.startsWith('f ')),
      );
    assert.deepEqual(pages(every), [
      ['f in 1 0 0', 'f in 0 0 1', 'f in 0 0 1', 'f in 0 0 1', 'f in 0 0 1', 'f in 0 0 1'],
      ['f in 0 0 1'],
    ]);
    assert.deepEqual(pages(skipped), pages(every));
    assert.ok(skipped.length < every.length);
  });

  it('finds a colour that is missing (the comparison above would fail)', () => {
    const page = '/DeviceRGB cs\n1 0 0 scn\n0 0 1 1 re\nf\n/DeviceRGB cs\n0 0 1 scn\n0 0 1 1 re\nf';
    const dropped = '/DeviceRGB cs\n1 0 0 scn\n0 0 1 1 re\nf\n0 0 1 1 re\nf';
    assert.notDeepEqual(painted(dropped), painted(page));
    const restored = 'q\n/DeviceRGB cs\n0 0 1 scn\nQ\n0 0 1 1 re\nf';
    assert.deepEqual(painted(restored).at(-1), 'f in black');
  });
});
