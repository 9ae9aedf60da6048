import assert from 'node:assert/strict';
import { deflateSync, inflateSync } from 'node:zlib';
import { buildReport } from '../src/build';
import { renderDocxDocument as renderDocxAnywhere } from '../src/docx';
import { renderDocxDocument } from '../src/index';
import { nodeDeflate } from '../src/nodeDeflate';
import { chartPng } from '../src/raster';
import { chartData } from '../src/render';
import { analyse } from './helpers';
import { unzip } from './zip';

/** The PNG's chunks by type; IDAT chunks joined. */
function pngChunks(png: Uint8Array): Map<string, Buffer> {
  const b = Buffer.from(png);
  const out = new Map<string, Buffer>();
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + length);
    out.set(type, Buffer.concat([out.get(type) ?? Buffer.alloc(0), data]));
    at += 12 + length;
  }
  return out;
}

describe('report: chart pictures compressed by Node', () => {
  const { analysis } = analyse('samples/vasteras-2012.kompass');
  const data = chartData(analysis.evaluations[0]!);

  it('draws the same pixels with Node’s zlib as with fflate, in other bytes', () => {
    for (const chart of ['radar', 'bars'] as const) {
      const ours = pngChunks(chartPng(chart, data, 560, nodeDeflate).png);
      const theirs = pngChunks(chartPng(chart, data).png);
      assert.deepEqual(ours.get('IHDR'), theirs.get('IHDR'));
      const pixels = inflateSync(ours.get('IDAT')!);
      assert.deepEqual(pixels, inflateSync(theirs.get('IDAT')!), chart);
      assert.deepEqual(ours.get('IDAT'), deflateSync(pixels, { level: 6 }), chart);
      assert.notDeepEqual(ours.get('IDAT'), theirs.get('IDAT'), chart);
    }
  });

  it('is what a Word document from the Node entry holds; the platform-free one uses fflate', async () => {
    const doc = buildReport(analysis);
    const pngsOf = async (bytes: Uint8Array) =>
      [...unzip(bytes).entries()]
        .filter(([name]) => /^word\/media\/.+\.png$/.test(name))
        .map(([, b]) => pngChunks(b).get('IDAT')!);
    const node = await pngsOf(await renderDocxDocument(doc));
    const anywhere = await pngsOf(await renderDocxAnywhere(doc));
    assert.equal(node.length, 2);
    assert.equal(anywhere.length, 2);
    for (const [i, idat] of node.entries()) {
      const pixels = inflateSync(idat);
      assert.deepEqual(pixels, inflateSync(anywhere[i]!));
      assert.deepEqual(idat, deflateSync(pixels, { level: 6 }));
      assert.notDeepEqual(idat, anywhere[i]);
    }
  });
});
