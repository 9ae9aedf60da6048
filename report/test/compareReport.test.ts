import assert from 'node:assert/strict';
import {
  type FigureBlock,
  renderDocxDocument,
  renderHtmlDocument,
  renderMarkdownDocument,
} from '../src/index';
import { chartPng } from '../src/raster';
import { sampleComparison } from './helpers';
import { unzipText } from './zip';

describe('report: the comparison report', () => {
  const doc = sampleComparison();
  const figures = doc.parts
    .flatMap((p) => p.blocks)
    .filter((b): b is FigureBlock => b.kind === 'figure');
  const trend = figures.find((f) => f.chart === 'trend')!;

  it('has a trend chart per municipality with rounds, its numbers in words and in a table', () => {
    assert.equal(figures.filter((f) => f.chart === 'trend').length, 1, 'Västerås has one round');
    assert.deepEqual(
      trend.data.series.map((s) => s.name),
      ['2010-11-09', '2014-10-28'],
    );
    assert.equal(trend.data.axes.length, 8);
    // Area 1: 52 of 100 in 2010, 61 in 2014 (samples/exempelby-*.kompass).
    assert.match(
      trend.alt,
      /^Exempelby kommun: procent av max per område och omgång\. 1\. Offentlighet och demokrati: 2010-11-09 52\u00a0%, 2014-10-28 61\u00a0%;/,
    );
    assert.deepEqual(
      trend.table.rows[0]!.cells.map((c) => c.text),
      ['1. Offentlighet och demokrati', '52\u00a0%', '61\u00a0%'],
    );
  });

  it('draws the trend in HTML as an image named by its numbers, with the table after it', () => {
    const html = renderHtmlDocument(doc);
    assert.match(html, /<html lang="sv-SE">/);
    const figure = /<figure class="kk-figure kk-trend">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    assert.match(
      figure,
      /<svg class="kk-chart kk-trend"[^>]* role="img" aria-label="Exempelby kommun: procent av max per område och omgång\. 1\. Offentlighet/,
    );
    // One line per area, each a single stretch: both rounds score every area.
    assert.equal(figure.match(/<polyline class="kk-trend-line"/g)?.length, 8);
    assert.equal(figure.match(/<circle /g)?.length, 16);
    assert.match(
      figure,
      /<table class="kk-table kk-figure-data"[^>]*><thead><tr><th scope="col">Område<\/th><th scope="col" class="kk-num">2010-11-09<\/th>/,
    );
    assert.match(
      html,
      /<ul class="kk-legend"><li data-series="0">.*1\. Offentlighet och demokrati<\/li>/,
    );
    // Every part of the comparison is reachable by its id.
    for (const id of ['comparison', 'trends', 'ranking', 'averages'])
      assert.match(html, new RegExp(`id="kk-${id}" data-kk-part="${id}"`));
  });

  it('is titled once, as a document: one h1 in HTML, one # in Markdown, numbers agreeing', () => {
    const html = renderHtmlDocument(doc);
    const h1 = [...html.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => m[1]);
    // Three evaluations of two municipalities (Exempelby twice, Västerås once).
    assert.deepEqual(h1, ['Jämförelse av 3 utvärderingar, 2 kommuner']);
    const md = renderMarkdownDocument(doc);
    assert.deepEqual(md.match(/^# .*$/gm), ['# Jämförelse av 3 utvärderingar, 2 kommuner']);
    // One municipality is singular in both languages.
    const one = sampleComparison('en', ['exempelby-2010', 'exempelby-2014']);
    assert.match(
      renderHtmlDocument(one),
      /<h1[^>]*>Comparison of 2 evaluations, 1 municipality<\/h1>/,
    );
    const ett = sampleComparison('sv', ['exempelby-2010', 'exempelby-2014']);
    assert.match(renderMarkdownDocument(ett), /^# Jämförelse av 2 utvärderingar, 1 kommun$/m);
  });

  it('labels the trend axis in percent, the report language’s way', () => {
    const tick = (html: string) =>
      [...html.matchAll(/<text class="kk-tick"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(tick(renderHtmlDocument(doc)).slice(0, 5), [
      '0\u00a0%',
      '25\u00a0%',
      '50\u00a0%',
      '75\u00a0%',
      '100\u00a0%',
    ]);
    const en = renderHtmlDocument(sampleComparison('en'));
    assert.deepEqual(tick(en).slice(0, 5), ['0%', '25%', '50%', '75%', '100%']);
  });

  it('writes the trend in Markdown as its alternative text and its table', () => {
    const md = renderMarkdownDocument(doc);
    assert.match(
      md,
      /\*\*Exempelby kommun: procent av max per område och omgång\.\*\* 1\\\. Offentlighet och demokrati: 2010-11-09 52\u00a0%, 2014-10-28 61\u00a0%;/,
    );
    assert.match(md, /\| 1\\\. Offentlighet och demokrati \| 52\u00a0% \| 61\u00a0% \|/);
  });

  it('puts the trend in Word as a picture with its alternative text and a PNG fallback', async () => {
    const files = unzipText(await renderDocxDocument(doc));
    const xml = files.get('word/document.xml')!;
    const descr = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(
      descr.some((d) => d.startsWith('Exempelby kommun: procent av max per område och omgång. 1.')),
      descr.join('\n'),
    );
    const png = chartPng('trend', trend.data);
    assert.deepEqual([...png.png.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.equal(png.width, 560);
  });

  it('draws Word’s charts in the report’s language, not always Swedish', async () => {
    const svgs = (d: ReturnType<typeof sampleComparison>) =>
      renderDocxDocument(d).then((bytes) =>
        [...unzipText(bytes)].filter(([name]) => name.endsWith('.svg')).map(([, text]) => text),
      );
    const en = (await svgs(sampleComparison('en'))).join('\n');
    assert.match(en, />100%<\/text>/);
    assert.doesNotMatch(en, /100\u00a0%/);
    assert.match((await svgs(doc)).join('\n'), />100\u00a0%<\/text>/);
  });
});
