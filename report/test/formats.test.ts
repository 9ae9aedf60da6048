import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { formatNumber } from '../../grammar/src/index';
import { csvField, escapeMarkdown, isSafeUrl } from '../src/escape';
import {
  chartData,
  radarGeometry,
  radarSvg,
  renderCsv,
  renderHtml,
  renderHtmlBody,
  renderHtmlParts,
  renderJson,
  renderMarkdown,
  renderReport,
  reportFormatList,
  reportFormats,
} from '../src/index';
import { formatDateRange, labelsFor } from '../src/labels';
import { textMd } from '../src/markdown';
import { markdownBlocks, renderMarkdownText } from '../src/markdown-text';
import { analyse, analyseText, seedAreaScores, seedScores } from './helpers';

const { analysis } = analyse('samples/vasteras-2012.kompass');
// Two rounds of a fictional municipality: the sample that demonstrates comparisons.
const { analysis: rounds } = analyse('samples/exempelby-2014.kompass');

describe('report: CSV', () => {
  it('has one row per question matching the seed report (45 rows)', () => {
    const lines = renderCsv(analysis).trimEnd().split('\r\n');
    assert.equal(lines[0], 'area,question,title,points,max,percent');
    const rows = lines.slice(1);
    assert.equal(rows.length, 45);
    rows.forEach((line, i) => {
      const [id, points, max, percent] = seedScores[i]!;
      const cells = line.split(',');
      assert.equal(cells[1], id);
      assert.deepEqual(cells.slice(-3).map(Number), [points, max, percent], `row ${id}`);
      assert.equal(cells[0], id.split('.')[0]);
    });
  });

  it('writes ; separators, decimal commas and a BOM for Excel in Swedish locales', () => {
    const csv = renderCsv(analysis, { csvSeparator: ';', csvBom: true });
    assert.ok(csv.startsWith('\ufeffarea;question;title;points;max;percent\r\n'));
    assert.match(csv, /\r\n1;1\.4;Hur främjas medborgardialog och deltagande\?;17;30;57\r\n/);
    const decimals = analyseText(
      'evaluation "D" { framework "kommunkompassen-2.0" area 1 { question 1.1 "T; med, tecken" 14.5/15 } }',
    );
    assert.match(
      renderCsv(decimals, { csvSeparator: ';' }),
      /\r\n1;1\.1;"T; med, tecken";14,5;15;97\r\n/,
    );
    assert.match(renderCsv(decimals), /\r\n1,1\.1,"T; med, tecken",14\.5,15,97\r\n/);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvField('=HYPERLINK("https://e.org")', ','), `"'=HYPERLINK(""https://e.org"")"`);
    assert.equal(csvField('-1+2', ';'), "'-1+2");
    assert.equal(csvField('a;b', ';'), '"a;b"');
    assert.equal(csvField('a;b', ','), '"a;b"');
    assert.equal(csvField('rad\nbrytning', ','), '"rad\nbrytning"');
    assert.equal(csvField(undefined, ','), '');
  });
});

describe('report: JSON', () => {
  it('follows schema version 1 with every area and question', () => {
    const json = renderJson(analysis);
    assert.equal(json.schemaVersion, 1);
    const e = json.evaluations[0]!;
    assert.equal(e.total, 561);
    assert.equal(e.max, 800);
    assert.deepEqual(
      e.areas.map((a) => a.score),
      seedAreaScores,
    );
    assert.equal(e.areas.flatMap((a) => a.questions).length, 45);
    // The sample shows the published figures only: no invented comparison.
    assert.deepEqual(e.comparisons, []);
    assert.deepEqual(json.diagnostics, []);
    // Round-trips through JSON without loss: only plain data.
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
  });
});

describe('report: Markdown', () => {
  it('has the seed report parts in order, with the total and the area table', () => {
    const md = renderMarkdown(analysis);
    const order = [
      '## Innehåll',
      '## 1 Om Kommunkompassen',
      '## 2 Västerås stad: sammanfattning',
      '## 3 Genomgång',
      '### Område 1 Offentlighet',
      '#### Styrkor',
      '## 4 Översikt av poängfördelning',
      '## 5 Kortfakta om Västerås stad',
    ];
    let at = -1;
    for (const part of order) {
      const next = md.indexOf(part, at + 1);
      assert.ok(next > at, `${part} should follow the previous part`);
      at = next;
    }
    assert.match(md, /\*\*561 av 800 poäng · 70\u00a0%\*\*/);
    assert.doesNotMatch(md, /561\/800[^\n]*561 av 800/);
    assert.match(md, /\| 1\\\. Offentlighet och demokrati \| 58 \| 100 \| 58\u00a0% \|$/m);
    assert.match(md, /\| \*\*Folkmängd\*\* \| 140\u00a0499 \|/);
  });

  it('escapes values and defuses raw HTML and unsafe links in text blocks', () => {
    const { analysis: hostile } = analyse('fixtures/hostile.kompass');
    const md = renderMarkdown(hostile);
    // Code spans stay code in every renderer; outside them no `<` starts a tag.
    assert.doesNotMatch(
      md.replace(/`[^`\n]*`/g, ''),
      /(?<!\\)<(script|img|iframe|details|a |style)/i,
    );
    assert.match(md, /\\<script\\>window\.\\_\\_pwned=1\\<\/script\\>/);
    assert.doesNotMatch(md, /\]\(javascript:/i);
    assert.match(md, /\[säker\]\(<https:\/\/example\.org\/ok>\)/);
    // Rendered again by a Markdown renderer, nothing active survives.
    const html = renderMarkdownText(md);
    assert.doesNotMatch(html, /<(script|img|iframe|object|svg|details|style)\b/i);
    assert.doesNotMatch(html, /href="(?!https?:|mailto:)/i);
  });

  it('escapes one-line values so they stay text', () => {
    assert.equal(escapeMarkdown('1. [x](y) *z* <b>'), '1\\. \\[x\\](y) \\*z\\* \\<b\\>');
    assert.equal(escapeMarkdown('# a\nb'), '\\# a b');
  });

  it('writes text blocks from their tokens: unsafe links keep their label only', () => {
    assert.equal(
      textMd('[a](javascript:alert(1)) [b](https://e.org)', 3).join('\n').trim(),
      'a [b](<https://e.org>)',
    );
    for (const source of [
      '[a [b] c](javascript:alert(1))',
      '[a\nb](javascript:alert(1))',
      '> [r]: javascript:alert(1)\n>\n> [a][r]',
      '- [r]: javascript:alert(1)\n\n  [a][r]',
    ]) {
      const out = textMd(source, 3).join('\n');
      assert.doesNotMatch(out, /javascript/i, source);
    }
  });

  it('keeps a text block heading below the report headings in every format, underlined or not', () => {
    const doc = analyseText(
      'evaluation "E" {\n  area 1 "A" {\n    intro """\n      Titel\n      =====\n\n      ## Under\n\n      Text.\n    """\n  }\n}\n',
    );
    const md = renderMarkdown(doc);
    assert.match(md, /^##### Titel$/m);
    assert.match(md, /^###### Under$/m);
    const html = renderHtmlBody(doc);
    assert.match(html, /<h5>Titel<\/h5>/);
  });

  it('stays inert when the exported .md is rendered with raw HTML allowed', () => {
    const hostileText = analyseText(
      'evaluation "E" {\n  summary """\n    \\<img src=x onerror=alert(1)>\n\n    [a [b] c](javascript:alert(1)) [x\n    y](javascript:alert(2))\n\n    > [r]: javascript:alert(3)\n    >\n    > [q][r]\n\n    - [s]: javascript:alert(4)\n\n      [t][s]\n  """\n}\n',
    );
    for (const doc of [hostileText, analyse('fixtures/hostile.kompass').analysis]) {
      const md = renderMarkdown(doc);
      const html = new MarkdownIt({ html: true, linkify: true }).render(md);
      const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase());
      const allowed = new Set([
        'h1',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'p',
        'ul',
        'ol',
        'li',
        'strong',
        'em',
        'code',
        'pre',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'a',
        'blockquote',
        'hr',
        'br',
      ]);
      assert.deepEqual(
        tags.filter((t) => !allowed.has(t)),
        [],
      );
      for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1]!, /^(https?:|mailto:)/);
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i);
    }
  });
});

describe('report: text blocks', () => {
  it('renders Markdown with raw HTML off and only http(s)/mailto links', () => {
    const html = renderMarkdownText(
      '# T\n\n<b>x</b> [a](javascript:alert(1)) [b](https://e.org) [c](mailto:a@e.org) [d](data:text/html,x) ![i](https://e.org/i.png)',
      3,
    );
    assert.match(html, /<h3>T<\/h3>/);
    assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
    assert.match(html, /<a href="https:\/\/e\.org" rel="noopener noreferrer">b<\/a>/);
    assert.match(html, /<a href="mailto:a@e\.org"/);
    assert.doesNotMatch(html, /javascript:alert\(1\)"|href="data:|<img/);
  });

  it('judges URLs as a browser would read them', () => {
    assert.ok(isSafeUrl('https://e.org'));
    assert.ok(isSafeUrl('MAILTO:a@e.org'));
    assert.ok(!isSafeUrl('java\tscript:alert(1)'));
    assert.ok(!isSafeUrl(' javascript:alert(1)'));
    assert.ok(!isSafeUrl('data:text/html,x'));
    assert.ok(!isSafeUrl('/relative'));
  });

  it('flattens Markdown into blocks for the PDF', () => {
    const blocks = markdownBlocks('## H\n\nEtt **fett** ord.\n\n- a\n- b\n\n1. x');
    assert.deepEqual(
      blocks.map((b) =>
        b.kind === 'paragraph' ? `${b.marker ?? ''}${b.runs.map((r) => r.text).join('')}` : b.kind,
      ),
      ['heading', 'Ett fett ord.', '•a', '•b', '1.x'],
    );
    const bold = blocks[1]!.kind === 'paragraph' ? blocks[1]!.runs.find((r) => r.bold) : undefined;
    assert.equal(bold?.text, 'fett');
  });
});

describe('report: chart', () => {
  it('has 8 axes and one polygon per series: the evaluation and each comparison', () => {
    const e = rounds.evaluations[0]!;
    const data = chartData(e);
    assert.equal(data.axes.length, 8);
    // Both rounds carry the same name: the labels add the year.
    assert.deepEqual(
      data.series.map((s) => s.name),
      ['Exempelby kommun 2014', 'Exempelby kommun 2010'],
    );
    assert.deepEqual(data.series[1]!.scores, [52, 55, 58, 57, 55, 54, 60, 57]);
    const g = radarGeometry(data);
    assert.equal(g.axes.length, 8);
    assert.equal(g.polygons.length, 2);
    const svg = radarSvg(data, labelsFor('sv'));
    assert.equal(svg.match(/<line class="kk-axis"/g)?.length, 8);
    assert.equal(svg.match(/<polygon class="kk-series/g)?.length, 2);
    // Area 3 scores 68 of 100: its vertex sits at 68 % of the radius from the centre.
    const [x, y] = g.polygons[0]!.points[2]!;
    const r = Math.hypot(x - g.center[0], y - g.center[1]);
    assert.ok(Math.abs(r / g.radius - 0.68) < 0.01, `radius share ${r / g.radius}`);
  });

  it('draws a series for every comparison in the HTML, with a legend', () => {
    const html = renderHtmlBody(rounds);
    const radar = html.slice(
      html.indexOf('<svg class="kk-chart kk-radar"'),
      html.indexOf('</svg>', html.indexOf('kk-radar')),
    );
    assert.equal(radar.match(/class="kk-axis"/g)?.length, 8);
    assert.equal(radar.match(/class="kk-series/g)?.length, 2);
    assert.match(
      html,
      /<ul class="kk-legend"><li data-series="0">.*Exempelby kommun 2014<\/li><li data-series="1">.*Exempelby kommun 2010<\/li><\/ul>/,
    );
  });
});

describe('report: HTML markup', () => {
  it('gives every part a stable id and data-kk-part for the preview to patch', () => {
    const html = renderHtmlBody(analysis);
    for (const part of [
      'title',
      'contents',
      'about',
      'summary',
      'area-1',
      'area-8',
      'overview',
      'facts',
    ])
      assert.match(html, new RegExp(`id="kk-1-${part}" data-kk-part="${part}"`));
    assert.doesNotMatch(html, /<script|style="/i);
  });

  it('lays out a long document in pieces no longer than its longest part, which make the page', () => {
    const small = (n: number) =>
      `evaluation "Kommun ${n}" { framework "kommunkompassen-2.0" area 1 score 5 area 2 score 4 } `;
    const longest = (count: number) => {
      const a = analyseText(Array.from({ length: count }, (_, i) => small(i + 1)).join(''));
      assert.equal(a.evaluations.length, count);
      const pieces = [...renderHtmlParts(a)];
      assert.equal(pieces.join(''), renderHtml(a));
      assert.equal(pieces.join('').match(/<article /g)?.length, count);
      // The problem list is one part that grows with the problems, up to the diagnostics' cap.
      const parts = pieces.filter((p) => !p.includes('id="kk-problems"'));
      return { pieces: pieces.length, longest: Math.max(...parts.map((p) => p.length)) };
    };
    const one = longest(1);
    const many = longest(60);
    // A page of thousands of evaluations can exceed the longest string an engine holds; its
    // pieces stay the size of one evaluation's part.
    assert.ok(many.pieces > 10 * one.pieces, `${many.pieces} pieces`);
    assert.ok(many.longest <= one.longest * 1.1, `${many.longest} > ${one.longest}`);
  });

  it('lists each format with its extension, and renders each as its list entry says', async () => {
    assert.deepEqual(
      reportFormats.map((f) => f.extension),
      reportFormats.map((f) => `.${f.format}`),
    );
    for (const f of reportFormats) {
      const out = await renderReport(analysis, f.format);
      assert.equal(out instanceof Uint8Array, f.binary, f.format);
    }
  });

  it('offers the same formats in the defaultFormat setting and in the CLI help', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const setting = pkg.contributes.configuration.properties['kompass.export.defaultFormat'];
    const formats = reportFormats.map((f) => f.format);
    assert.deepEqual(setting.enum, formats);
    assert.deepEqual(
      setting.enumDescriptions,
      formats.map((f) => `%config.export.format.${f}%`),
    );
    for (const nls of ['package.nls.json', 'package.nls.sv.json']) {
      const texts = JSON.parse(readFileSync(nls, 'utf8'));
      for (const f of formats) assert.ok(texts[`config.export.format.${f}`], `${nls}: ${f}`);
    }
    assert.equal(reportFormatList(), formats.join(', ').replace(/, (\w+)$/, ' or $1'));
  });
});

describe('report: partial and invalid documents', () => {
  const { analysis: broken, text } = analyse('fixtures/broken.kompass');

  it('lists the errors at the top, with lines when the text is given', () => {
    const html = renderHtmlBody(broken, { sourceText: text });
    const problems = html.indexOf('id="kk-problems"');
    assert.ok(problems >= 0 && problems < html.indexOf('id="kk-1-title"'));
    assert.match(
      html,
      /<li data-kk-line="7"><span class="kk-error"><strong>fel<\/strong><\/span> <code>KK010<\/code> rad 7: 16 poäng överstiger max 15/,
    );
    assert.match(
      html,
      /<code>KK001<\/code> rad 13: Textblocket saknar avslutande &quot;&quot;&quot;/,
    );
    const md = renderMarkdown(broken, { sourceText: text });
    assert.ok(md.startsWith('## Problem i dokumentet'));
    for (const line of md.split('\n').filter((l) => /`KK\d{3}`/.test(l)))
      assert.match(line, /`KK\d{3}` rad \d+: /, line);
    assert.match(md, /`KK012`/);
  });

  it('renders what is valid and marks missing scores and areas', () => {
    const html = renderHtmlBody(broken);
    assert.match(
      html,
      /<tr data-kk-question="1\.3"><td class="kk-num">1\.3<\/td><td>[^<]*<\/td><td class="kk-num kk-missing">saknas<\/td>/,
    );
    assert.match(html, /id="kk-1-area-2"[^>]*>[\s\S]*?Området saknas i utvärderingen/);
    assert.match(
      html,
      /<tr data-kk-area="3"><td>3\. Politisk styrning och kontroll<\/td><td class="kk-num">70<\/td>/,
    );
    const csv = renderCsv(broken);
    assert.match(csv, /\r\n1,1\.3,[^\r]*,,25,\r\n/);
    assert.match(csv, /\r\n1,1\.5,Etik - hur hantera korruption\?,,10,\r\n/);
  });

  it('lists warnings without calling them errors', () => {
    const html = renderHtmlBody(analyse('fixtures/hostile.kompass').analysis);
    assert.match(
      html,
      /id="kk-problems"[\s\S]*<span class="kk-warning"><strong>varning<\/strong><\/span> <code>KK016<\/code>/,
    );
    assert.doesNotMatch(html, /Dokumentet innehåller fel/);
    assert.match(renderHtmlBody(broken), /Dokumentet innehåller fel/);
  });

  it('renders a document without evaluations', async () => {
    const empty = analyseText('// nothing here\n');
    assert.match(renderHtmlBody(empty), /ingen utvärdering/);
    assert.match((await renderReport(empty, 'md')) as string, /ingen utvärdering/);
    assert.equal(renderCsv(empty), 'area,question,title,points,max,percent\r\n');
  });
});

describe('report: about the method', () => {
  it('tells each framework its own story: 2020 without the 2010 revision of 2.0', async () => {
    const kk2020 = analyseText(
      'evaluation "E" {\n  framework "kommunkompassen-2020"\n  area 1 score 50\n}\n',
    );
    const html = renderHtmlBody(kk2020);
    assert.match(html, /Kommunkompassen 2020 är den senare revisionen/);
    assert.doesNotMatch(html, /reviderades 2010/);
    assert.match(renderMarkdown(kk2020), /Kommunkompassen 2020 är den senare revisionen/);
    assert.match(renderHtmlBody(analysis), /reviderades 2010/);
  });
  it("tells the evaluation's own about text instead of the framework's, in every format", async () => {
    const own = analyseText(
      [
        'utvärdering "E" {',
        '  ramverk "kommunkompassen-2.0"',
        '  om """',
        '    Vår egen text om **metoden**.',
        '',
        '    Ett andra stycke.',
        '  """',
        '  område 1 poäng 50',
        '}',
        '',
      ].join('\n'),
    );
    const html = renderHtmlBody(own);
    assert.match(html, /Vår egen text om/);
    assert.match(html, /Ett andra stycke\./);
    assert.doesNotMatch(html, /reviderades 2010/);
    const md = renderMarkdown(own);
    assert.match(md, /Vår egen text om \*\*metoden\*\*\./);
    assert.doesNotMatch(md, /reviderades 2010/);
    assert.match(md, /Om Kommunkompassen/, 'the heading stays');
  });
});

describe('report: labels', () => {
  it('writes English and Norwegian reports from the document language', () => {
    const en = renderHtmlBody(analyse('samples/exempelby-2014.kompass').analysis);
    assert.match(en, /Summary|summary/);
    assert.match(en, /Areas for improvement|Score/);
    const nb = renderMarkdown(
      analyseText(
        'evaluation "Eksempel kommune" { framework "kommunkompassen-2.0" language nb area 1 score 50 }',
      ),
    );
    assert.match(nb, /Oppnådd|Poeng/);
    assert.match(nb, /Eksempel kommune: sammendrag/);
  });

  it('formats numbers and dates for the language', () => {
    assert.equal(formatNumber(140499, 'sv', { group: true }), '140\u00a0499');
    assert.equal(formatNumber(14.5, 'sv'), '14,5');
    assert.equal(formatNumber(140499, 'en', { group: true }), '140,499');
    assert.equal(
      formatDateRange('2012-12-12', '2012-12-14', labelsFor('sv')),
      '12–14 december 2012',
    );
    assert.equal(
      formatDateRange('2012-11-30', '2012-12-02', labelsFor('en')),
      '30 November – 2 December 2012',
    );
  });
});
