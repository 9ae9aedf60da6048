/** Loads the comparison webview's real page and script in Chromium, for the tests and the benchmark. */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { comparePageHtml } from '../../src/compare/comparePageHtml';
import type { CompareLabels, CompareView, FromCompareWebview } from '../../src/compare/messages';

/** The view's words in Swedish, as the extension's translation gives them, shortened. */
export const swedishLabels: CompareLabels = {
  title: 'Jämförelse',
  name: 'Namn',
  date: 'Datum',
  framework: 'Ramverk',
  round: 'Omgång',
  total: 'Totalt',
  percent: '%',
  change: 'Förändring',
  area: 'Område',
  average: 'Medel',
  trends: 'Utveckling',
  radar: 'Profil',
  radarHint: 'Markera två eller tre',
  radarOtherFramework: 'Annat ramverk',
  select: 'Välj',
  open: 'Öppna',
  averages: 'Medelvärden',
  emptyTitle: 'Inga utvärderingar att jämföra',
  emptyText: 'Skapa en utvärdering.',
  emptyButton: 'Ny utvärdering',
  sortHint: 'Sortera',
  notes: 'Obs!',
};

const origin = 'https://kompass-webview.test';

/** The page with the comparison drawn, and what its script posted to the (recorded) VS Code API. */
export interface DrawnComparison {
  page: Page;
  posted(): Promise<FromCompareWebview[]>;
}

/**
 * Opens the panel's page with `view` as its first update. VS Code's `acquireVsCodeApi` is the one
 * thing the browser lacks: an init script provides it and records every message.
 */
export async function drawComparison(
  browser: Browser,
  view: CompareView,
): Promise<DrawnComparison> {
  const html = comparePageHtml({
    cspSource: origin,
    scriptUri: `${origin}/compare.js`,
    nonce: 'bm9uY2U',
    first: { type: 'update', seq: 1, view },
    lang: 'sv',
  });
  const page = await browser.newPage();
  page.on('console', (m) => process.env.KOMPASS_DEBUG && console.log(m.text()));
  page.on('pageerror', (e) => process.env.KOMPASS_DEBUG && console.log(String(e)));
  // Run from the repository root, as the tests and the benchmark are.
  const script = readFileSync(resolve('dist/compare.js'), 'utf8');
  await page.route(`${origin}/**`, (route) =>
    route.request().url().endsWith('/compare.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({ contentType: 'text/html', body: html }),
  );
  // A string, not a function: the test runner's transform would add helpers the page lacks.
  await page.addInitScript(`
    window.__posted = [];
    let state;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(m),
      getState: () => state,
      setState: (s) => { state = s; },
    });`);
  await page.goto(`${origin}/index.html`);
  const posted = () =>
    page.evaluate(() => (window as unknown as { __posted: FromCompareWebview[] }).__posted);
  await page.waitForFunction(() =>
    (window as unknown as { __posted: { type: string }[] }).__posted.some(
      (m) => m.type === 'rendered',
    ),
  );
  return { page, posted };
}
