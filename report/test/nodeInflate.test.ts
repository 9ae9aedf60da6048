import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const require = createRequire(import.meta.url);
const ours = require('../src/nodeInflate.cjs') as Inflate;
const tiny = require('tiny-inflate') as Inflate;

describe('report: Unicode tables unpacked by Node (tiny-inflate by zlib)', () => {
  const texts = [
    new TextEncoder().encode('Västerås stad – ”Kommunkompassen” 2012. '.repeat(500)),
    Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24),
    new Uint8Array(0),
  ];

  it('gives the bytes tiny-inflate gives, into a buffer of the size, a larger and a smaller one', () => {
    for (const data of texts) {
      const packed = deflateRawSync(data, { level: 9 });
      for (const size of [data.length, data.length + 17, Math.floor(data.length / 2)]) {
        const mine = ours(packed, new Uint8Array(size));
        const theirs = tiny(packed, new Uint8Array(size));
        assert.equal(mine.length, theirs.length, `size ${size} of ${data.length}`);
        assert.deepEqual(Buffer.from(mine), Buffer.from(theirs));
      }
      assert.deepEqual(Buffer.from(ours(packed, new Uint8Array(data.length))), Buffer.from(data));
    }
  });

  it('stands in for tiny-inflate in the PDF renderer the command line loads', async () => {
    const { readFileSync } = await import('node:fs');
    const bundle = readFileSync('dist/report-pdf.js', 'utf8');
    assert.ok(bundle.includes('inflateRawSync'), 'the bundle unpacks with zlib');
    assert.ok(!bundle.includes('tinf_uncompress'), 'the bundle has no tiny-inflate');
  });
});
