import assert from 'node:assert/strict';
import { measureRender, median } from '../bench/render';
import { analyse } from './helpers';

describe('report: render benchmark', function () {
  this.timeout(60_000);

  it('takes medians', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('measures HTML and PDF renders of the sample', async () => {
    const t = await measureRender(analyse('samples/vasteras-2012.kompass').analysis, {
      htmlRuns: 3,
      pdfRuns: 1,
    });
    assert.ok(t.htmlMs > 0 && t.pdfMs > 0);
    assert.ok(t.pdfMs > t.htmlMs, 'a PDF takes longer than HTML');
    assert.ok(t.htmlBytes > 50_000 && t.pdfBytes > 50_000);
  });
});
