import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Analysis } from '../../grammar/src/index';
import { launchChromium, requireChromium } from '../../test/chromium';
import { renderHtml, renderHtmlBody } from '../src/index';
import { analyse } from './helpers';

interface Visit {
  errors: string[];
  requests: string[];
  page: Page;
}

describe('report: HTML in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;

  before(async function () {
    requireChromium(this, 'the HTML report checks');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  // Loads markup with setContent, so the page itself is no request: any request seen was made by the content.
  async function visit(html: string): Promise<Visit> {
    const page = await browser!.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.setContent(html, { waitUntil: 'load' });
    // Give lazy loads and event handlers (onerror, onload, ontoggle) a moment to fire.
    await page.waitForTimeout(150);
    return { errors, requests, page };
  }

  async function assertInert(page: Page): Promise<void> {
    const state = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        scripts: document.querySelectorAll('script').length,
        handlers: all.flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => a.name.toLowerCase().startsWith('on'))
            .map((a) => `${el.tagName}[${a.name}]`),
        ),
        embeds: document.querySelectorAll(
          'img, iframe, object, embed, video, audio, link, form, base',
        ).length,
        hrefs: Array.from(document.querySelectorAll('[href], [src], [xlink\\:href]')).map(
          (el) =>
            el.getAttribute('href') ??
            el.getAttribute('src') ??
            el.getAttribute('xlink:href') ??
            '',
        ),
      };
    });
    assert.equal(state.pwned, null, 'a hostile payload ran');
    assert.equal(state.scripts, 0, 'no <script> element');
    assert.deepEqual(state.handlers, [], 'no on* attributes');
    assert.equal(state.embeds, 0, 'no embedded or loading elements');
    for (const href of state.hrefs) assert.match(href, /^(https?:\/\/|mailto:|#)/i, `link ${href}`);
  }

  it('shows the sample with no console errors and no requests', async () => {
    const { analysis } = analyse('samples/vasteras-2012.kompass');
    const { page, errors, requests } = await visit(renderHtml(analysis));
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
    assert.equal(await page.title(), 'Kommunkompassen – Västerås stad 2012');
    const text = (await page.locator('#kk-1-summary .kk-total-score').textContent()) ?? '';
    assert.equal(text, '561 av 800 poäng · 70\u00a0%');
    assert.equal(await page.locator('#kk-1-summary svg.kk-radar line.kk-axis').count(), 8);
    // The published figures only: one series, no invented comparison.
    assert.equal(await page.locator('#kk-1-summary svg.kk-radar polygon.kk-series').count(), 1);
    assert.equal(await page.locator('section.kk-area').count(), 8);
    // Printing to A4 works from the same file.
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
    await assertInert(page);
    await page.close();
  });

  for (const fixture of ['hostile', 'broken']) {
    const load = (): Analysis => analyse(`fixtures/${fixture}.kompass`).analysis;

    it(`runs no script from ${fixture} content (full document)`, async () => {
      const { page, errors, requests } = await visit(renderHtml(load()));
      assert.deepEqual(errors, [], 'console errors (a CSP violation would show here)');
      assert.deepEqual(requests, []);
      await assertInert(page);
      // The hostile text is shown as text, not dropped.
      const body = (await page.locator('body').textContent()) ?? '';
      assert.ok(
        body.includes(
          fixture === 'hostile' ? '<script>window.__pwned=1</script>' : 'Trasiga kommun',
        ),
      );
      await page.close();
    });

    it(`runs no script from ${fixture} content (body alone, without the CSP)`, async () => {
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${renderHtmlBody(load())}</body></html>`;
      const { page, errors, requests } = await visit(html);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, []);
      await assertInert(page);
      await page.close();
    });
  }

  it('fits a 500 px wide preview panel without scrolling sideways', async () => {
    const page = await browser!.newPage({ viewport: { width: 500, height: 800 } });
    await page.setContent(renderHtml(analyse('samples/vasteras-2012.kompass').analysis));
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    await page.close();
    assert.ok(scroll <= client, `scrollWidth ${scroll} > clientWidth ${client}`);
  });

  it('keeps safe links and neutralises javascript: ones', async () => {
    const { page } = await visit(renderHtml(analyse('fixtures/hostile.kompass').analysis));
    const links = await page
      .locator('.kk-text a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')] as const));
    assert.ok(links.some(([t, h]) => t === 'säker' && h === 'https://example.org/ok'));
    assert.ok(links.some(([t, h]) => t === 'mejl' && h === 'mailto:a@example.org'));
    // Bare http(s) URLs become links (linkify); nothing else does.
    for (const [, href] of links) assert.match(href ?? '', /^(https:\/\/example\.org\/|mailto:)/);
    for (const text of ['klicka', 'referens', 'data', 'vb', 'j'])
      assert.ok(!links.some(([t]) => t === text), `${text} is no link`);
    assert.ok(((await page.locator('.kk-text').first().textContent()) ?? '').includes('klicka'));
    await page.close();
  });
});
