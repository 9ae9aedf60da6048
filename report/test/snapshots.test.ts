import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ReportFormat, renderReport } from '../src/index';
import { analyse } from './helpers';

// `UPDATE_SNAPSHOTS=1 npx mocha report/test/**/*.test.ts` rewrites the expected outputs.
const update = process.env.UPDATE_SNAPSHOTS === '1';
const dir = fileURLToPath(new URL('./snapshots/', import.meta.url));

describe('report snapshots (samples/vasteras-2012.kompass)', () => {
  const { analysis } = analyse('samples/vasteras-2012.kompass');

  for (const format of ['md', 'json', 'csv', 'html'] as const satisfies ReportFormat[]) {
    it(`renders ${format} as in snapshots/vasteras-2012.${format}.snap`, async () => {
      const out = await renderReport(analysis, format);
      assert.equal(typeof out, 'string');
      const file = `${dir}vasteras-2012.${format}.snap`;
      if (update || !existsSync(file)) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, out as string);
        if (!update) assert.fail(`snapshot ${file} was missing and has been written; run again`);
        return;
      }
      assert.equal(
        out,
        readFileSync(file, 'utf8'),
        `${format} differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept)`,
      );
    });
  }

  it('is deterministic without generatedAt and dated with it', async () => {
    const a = await renderReport(analysis, 'json');
    const b = await renderReport(analysis, 'json');
    assert.equal(a, b);
    const dated = await renderReport(analysis, 'json', {
      generatedAt: new Date('2024-05-06T07:08:09Z'),
    });
    assert.match(dated as string, /"generatedAt": "2024-05-06T07:08:09.000Z"/);
    assert.match(a as string, /"generatedAt": null/);
  });
});
