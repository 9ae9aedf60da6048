import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { analyzeText } from '../../../grammar/src/index';
import { partId, renderHtmlBody, reportCss } from '../../../report/src/index';
import { launchChromium, requireChromium } from '../../../test/chromium';
import { anchorsFor } from '../../src/preview/anchors';
import type { Anchor } from '../../src/preview/messages';
import { increasing, lineForOffset, offsetForLine, type Placed } from '../../src/preview/scrollMap';

const place = (line: number, end: number, top: number, height: number): Placed => ({
  line,
  end,
  top,
  height,
});

describe('preview scroll sync: the arithmetic', () => {
  it('keeps the longest run that never goes back', () => {
    assert.deepEqual(
      increasing([1, 5, 2, 3, 9, 4, 10], (x) => x),
      [1, 2, 3, 4, 10],
    );
    assert.deepEqual(
      increasing([0, 100, 900, 200, 300], (x) => x),
      [0, 100, 200, 300],
    );
    assert.deepEqual(
      increasing([], (x: number) => x),
      [],
    );
    assert.deepEqual(
      increasing([3, 3, 3], (x) => x),
      [3, 3, 3],
    );
  });

  it('scrolls to a line in proportion inside its element, and not at all for other lines', () => {
    const placed = [place(0, 0, 0, 100), place(10, 19, 300, 200), place(30, 30, 800, 50)];
    assert.equal(offsetForLine(placed, 0), 0);
    assert.equal(offsetForLine(placed, 10), 300);
    assert.equal(offsetForLine(placed, 15), 400);
    assert.equal(offsetForLine(placed, 5), undefined, 'a line no element shows');
    assert.equal(offsetForLine(placed, 25), undefined);
    assert.equal(offsetForLine(placed, 30), 800);
  });

  it('never passes the next element when elements nest', () => {
    const placed = [place(0, 9, 0, 1000), place(10, 10, 200, 20)];
    assert.ok(offsetForLine(placed, 9)! <= 200);
  });

  it('maps page offsets back to lines, growing with the offset', () => {
    const placed = [place(2, 2, 50, 100), place(10, 19, 300, 200), place(40, 40, 800, 50)];
    assert.equal(lineForOffset(placed, 0), 2, 'above the first element: its line');
    assert.equal(lineForOffset(placed, 60), 2);
    assert.equal(lineForOffset(placed, 300), 10);
    assert.equal(lineForOffset(placed, 450), 17);
    assert.equal(lineForOffset(placed, 499), 19);
    const gap = lineForOffset(placed, 650)!;
    assert.ok(gap > 19 && gap < 40, `between elements, between their lines: ${gap}`);
    assert.equal(lineForOffset(placed, 5000), 40);
    assert.equal(lineForOffset([], 10), undefined);
  });
});

describe('preview scroll sync: anchors', () => {
  it("ties the evaluation's own about text to the report's about part", () => {
    const text = 'utvärdering "E" {\n  om """\n    Egen text.\n  """\n  område 1 poäng 5\n}\n';
    const anchors = anchorsFor(analyzeText(text, { uri: 'file:///e.kompass' }), text, partId);
    const about = anchors.find((a) => a.selector === `#${partId(1, 'about')}`);
    assert.ok(about, anchors.map((a) => a.selector).join(', '));
    assert.equal(about.line, 1);
  });
});

describe('preview scroll sync over the Västerås sample, in Chromium', function () {
  this.timeout(60_000);
  const text = fs.readFileSync('samples/vasteras-2012.kompass', 'utf8');
  const analysis = analyzeText(text, { uri: 'file:///samples/vasteras-2012.kompass' });
  const anchors = anchorsFor(analysis, text, partId);
  let browser: Browser | undefined;
  let page: Page;
  let found: { anchor: Anchor; top: number; height: number }[];

  before(async function () {
    requireChromium(this, 'the scroll sync checks');
    browser = await launchChromium();
    // The usual side panel.
    page = await browser.newPage({ viewport: { width: 500, height: 800 } });
    await page.setContent(
      `<!doctype html><html><head><style>${reportCss('vscode')}</style></head><body>${renderHtmlBody(analysis, { sourceText: text })}</body></html>`,
    );
    found = await page.evaluate((list) => {
      return list.flatMap((anchor) => {
        const el = document.querySelectorAll(anchor.selector)[anchor.index];
        if (!el || el.getClientRects().length === 0) return [];
        const r = el.getBoundingClientRect();
        return [{ anchor, top: r.top + window.scrollY, height: r.height }];
      });
    }, anchors);
  });
  after(async () => browser?.close());

  it('finds an element for every anchor', () => {
    const missing = anchors.filter(
      (a) => !found.some((f) => f.anchor === a || sameAnchor(f.anchor, a)),
    );
    assert.deepEqual(missing, []);
    assert.ok(anchors.length > 150, `anchors for the questions and texts: ${anchors.length}`);
  });

  it('scrolls monotonically down the whole source, still on the facts', () => {
    const placed = increasing(found, (f) => f.top).map((f) => ({
      line: f.anchor.line,
      end: f.anchor.end,
      top: f.top,
      height: f.height,
    }));
    const factsLine = text.split('\n').findIndex((l) => l.includes('"Folkmängd"'));
    assert.equal(offsetForLine(placed, factsLine), undefined, 'the facts keep the preview still');
    const lines = text.split('\n').length;
    let last = -1;
    let moved = 0;
    for (let line = 0; line < lines; line++) {
      const y = offsetForLine(placed, line);
      if (y === undefined) continue;
      assert.ok(y >= last, `line ${line + 1}: ${y} after ${last}`);
      if (y > last) moved++;
      last = y;
    }
    assert.ok(moved > 100, `the preview moves along the source: ${moved} steps`);
    const summary = text.split('\n').findIndex((l) => l.includes('Västerås stad granskades'));
    const area1 = text.split('\n').findIndex((l) => l.startsWith('  area 1 '));
    assert.ok(offsetForLine(placed, summary)! < offsetForLine(placed, area1)!);
  });

  it('maps the preview back to the editor monotonically', async () => {
    const placed = increasing(found, (f) => f.top).map((f) => ({
      line: f.anchor.line,
      end: f.anchor.end,
      top: f.top,
      height: f.height,
    }));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    let last = -1;
    for (let y = 0; y < height; y += 40) {
      const line = lineForOffset(placed, y)!;
      assert.ok(line >= last, `offset ${y}: line ${line} after ${last}`);
      last = line;
    }
    assert.ok(last > text.split('\n').length * 0.9, `the bottom maps near the end: ${last}`);
  });

  it('is readable at 500 px: no sideways scrolling, also with the problem box open', async () => {
    const wide = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    assert.ok((await wide()) <= 0, `the page is ${await wide()} px wider than the panel`);
    const broken = fs.readFileSync('samples/alla-diagnostiker.kompass', 'utf8');
    await page.setContent(
      `<!doctype html><html><head><style>${reportCss('vscode')}</style></head><body>${renderHtmlBody(analyzeText(broken), { sourceText: broken })}</body></html>`,
    );
    assert.equal(
      (await page.locator('details.kk-problems[open] li[data-kk-line]').count()) > 10,
      true,
    );
    assert.ok((await wide()) <= 0, `with problems the page is ${await wide()} px wider`);
  });
});

function sameAnchor(a: Anchor, b: Anchor): boolean {
  return a.line === b.line && a.selector === b.selector && a.index === b.index;
}
