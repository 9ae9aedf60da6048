import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { analyzeText, compareEvaluations, type EvaluationResult } from '../../../grammar/src/index';
import { launchChromium, requireChromium } from '../../../test/chromium';
import type { FromCompareWebview } from '../../src/compare/messages';
import { compareView } from '../../src/compare/view';
import { drawComparison, swedishLabels as labels } from './compareBrowser';

function evaluation(name: string, date: string, scores: number[]): EvaluationResult {
  const areas = scores.map((s, i) => `  area ${i + 1} score ${s}`).join('\n');
  const text = `evaluation "${name}" {\n  framework "kommunkompassen-2.0"\n  date ${date}\n${areas}\n}\n`;
  return analyzeText(text, { uri: `mem:/${name}-${date}.kompass` }).evaluations[0]!;
}

function view(evs: EvaluationResult[]) {
  return compareView(compareEvaluations(evs, 'sv'), 'sv', labels);
}

describe('comparison webview in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;

  before(async function () {
    requireChromium(this, 'the comparison webview checks');
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  const rounds = () => [
    evaluation('Tallby kommun', '2016-04-12', [60, 62, 70, 64, 66, 60, 65, 70]),
    evaluation('Tallby', '2012-03-01', [50, 60, 72, 60, 61, 58, 64, 66]),
    evaluation('Alby stad', '2014-01-01', [40, 41, 42, 43, 44, 45, 46, 47]),
  ];

  it('draws the table in name and date order with the change, trend and radar', async () => {
    const { page, posted } = await drawComparison(browser!, view(rounds()));
    const names = await page.$$eval('tbody tr td:nth-child(2)', (tds) =>
      tds.map((t) => t.textContent),
    );
    assert.deepEqual(names, ['Alby stad', 'Tallby', 'Tallby kommun']);
    const changes = await page.$$eval('tbody td.kc-total-change', (tds) =>
      tds.map((t) => t.textContent),
    );
    assert.deepEqual(changes, ['', '', '+26']);
    assert.equal(await page.locator('tbody td .kc-change.kc-down').count(), 1, 'area 3 went down');
    assert.equal(await page.locator('tfoot tr').count(), 1, 'one framework, one average row');
    assert.equal(await page.locator('figure svg polyline.kc-trend').count(), 8, 'a line per area');
    assert.equal(
      await page.locator('polygon.kc-radar-series').count(),
      3,
      'two rounds and the average',
    );
    const rendered = (await posted()).find((m) => m.type === 'rendered');
    assert.ok(rendered && rendered.type === 'rendered');
    assert.deepEqual(rendered.radar, [
      'Tallby 2012-03-01',
      'Tallby kommun 2016-04-12',
      'Medel (Kommunkompassen 2.0)',
    ]);
    await page.close();
  });

  it('sorts by a column, both ways, and says so to assistive technology', async () => {
    const { page } = await drawComparison(browser!, view(rounds()));
    const totals = () =>
      page.$$eval('tbody tr td:nth-child(6)', (tds) => tds.map((t) => t.textContent));
    await page.click('th button[data-column="total"]');
    assert.deepEqual(await totals(), ['348', '491', '517']);
    assert.equal(
      await page.getAttribute('th:has(button[data-column="total"])', 'aria-sort'),
      'ascending',
    );
    await page.click('th button[data-column="total"]');
    assert.deepEqual(await totals(), ['517', '491', '348']);
    assert.equal(
      await page.getAttribute('th:has(button[data-column="total"])', 'aria-sort'),
      'descending',
    );
    await page.close();
  });

  it('asks the extension to open an evaluation by its index, and picks radar rows by ticking', async () => {
    const evs = rounds();
    const { page, posted } = await drawComparison(browser!, view(evs));
    await page.click('tbody tr:nth-child(1) button.kc-open');
    const open = (await posted()).find(
      (m): m is Extract<FromCompareWebview, { type: 'open' }> => m.type === 'open',
    );
    assert.equal(evs[open!.source]!.name, 'Alby stad');
    await page.check('tbody tr:nth-child(1) input[type=checkbox]');
    assert.equal(await page.locator('polygon.kc-radar-series').count(), 4);
    await page.close();
  });

  it('shows names as text, never as markup', async () => {
    const hostile = evaluation(
      '<img src=x onerror="window.__pwned=1">',
      '2020-01-01',
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    const { page } = await drawComparison(browser!, view([hostile]));
    await page.waitForTimeout(100);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      undefined,
    );
    assert.equal(await page.locator('tbody img').count(), 0);
    assert.equal(await page.textContent('tbody button.kc-open'), hostile.name);
    await page.close();
  });

  it('shows how to start when there is nothing to compare', async () => {
    const { page, posted } = await drawComparison(browser!, view([]));
    assert.equal(await page.textContent('h1'), 'Inga utvärderingar att jämföra');
    await page.click('.kc-empty button');
    assert.ok((await posted()).some((m) => m.type === 'newEvaluation'));
    assert.equal(await page.locator('table').count(), 0);
    await page.close();
  });

  it('draws 300 evaluations of 150 municipalities', async () => {
    const evs: EvaluationResult[] = [];
    for (let m = 0; m < 150; m++) {
      for (const year of [2012, 2016]) {
        evs.push(
          evaluation(
            `Kommun ${m}`,
            `${year}-05-01`,
            [1, 2, 3, 4, 5, 6, 7, 8].map((a) => 40 + ((m * a + year) % 50)),
          ),
        );
      }
    }
    const { page } = await drawComparison(browser!, view(evs));
    assert.equal(await page.locator('tbody tr').count(), 300);
    // Past a dozen municipalities, only the selected rows' trends are drawn.
    assert.equal(await page.locator('figure.kc-chart svg[aria-label^="Utveckling"]').count(), 1);
    await page.close();
  });
});
