import assert from 'node:assert/strict';
import { readPdf, requirePoppler } from '../../test/poppler';
import { renderDocx, renderHtml, renderPdf } from '../src/index';
import { analyse } from './helpers';
import { unzipText } from './zip';

/**
 * What a format says, in order: headings H1–H3, each table's header row, each question number,
 * and each chart. A chart's numbers are also a table in Word and HTML; the PDF states them in the
 * chart's alternative text instead, so the table right after a chart is left out of the outline.
 */
type Outline = string[];

const norm = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

const question = /^\d+\.\d+$/;

/** The outline of a PDF from its structure tree (pdfinfo -struct-text). */
function pdfOutline(tree: string): Outline {
  const out: Outline = [];
  const lines = tree.split('\n');
  // An element's text is on a line of its own below it, after its attributes (`/Scope /Column`).
  const text = (i: number) => {
    while (/^\s+\//.test(lines[i] ?? '')) i++;
    return /^\s*"(.*)"$/.exec(lines[i] ?? '')?.[1] ?? '';
  };
  let table: { rows: number; depth: number; headed: boolean } | undefined;
  let row: string[] | undefined;
  let columnHeads = true;
  const endRow = () => {
    if (!row || !table) return;
    if (table.rows === 0) {
      // Label/value tables (the title page's facts, Kortfakta) have no header row: not outlined.
      table.headed = columnHeads;
      if (columnHeads) out.push(`table: ${row.join(' | ')}`);
    } else if (table.headed && row[0] && question.test(row[0])) out.push(`question ${row[0]}`);
    table.rows++;
    row = undefined;
  };
  lines.forEach((line, i) => {
    const m = /^(\s*)(H[1-3]|Table|TR|TH|TD|Figure)\b/.exec(line);
    if (!m) return;
    const depth = m[1]!.length;
    if (table && depth <= table.depth) {
      endRow();
      table = undefined;
    }
    const tag = m[2]!;
    if (tag === 'Table') table = { rows: 0, depth, headed: false };
    else if (tag === 'TR') {
      endRow();
      row = [];
      columnHeads = true;
    } else if (tag === 'TH' || tag === 'TD') {
      if (!(tag === 'TH' && /\/Scope \/Column/.test(lines[i + 1] ?? ''))) columnHeads = false;
      row?.push(norm(text(i + 1)));
    } else if (tag === 'Figure') out.push('figure');
    else out.push(`${tag} ${norm(text(i + 1))}`);
  });
  endRow();
  return out;
}

/** The outline of a Word document from word/document.xml. */
function docxOutline(xml: string): Outline {
  const out: Outline = [];
  const texts = (s: string) =>
    norm([...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  let afterFigure = false;
  for (const m of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const part = m[0];
    if (part.startsWith('<w:tbl>')) {
      const rows = [...part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
        [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => texts(c[0])),
      );
      // Only tables with a header row (Word repeats it on each page); label/value tables have none.
      if (!afterFigure && /<w:tblHeader\/>/.test(part)) {
        out.push(`table: ${rows[0]!.join(' | ')}`);
        for (const r of rows.slice(1))
          if (r[0] && question.test(r[0])) out.push(`question ${r[0]}`);
      }
      afterFigure = false;
      continue;
    }
    const style = /<w:pStyle w:val="Heading([1-3])"\/>/.exec(part);
    if (style) out.push(`H${style[1]} ${texts(part)}`);
    if (part.includes('<w:drawing>')) {
      out.push('figure');
      afterFigure = true;
    }
  }
  return out;
}

/** The outline of the report's HTML: its `h2`–`h4` are the structure's levels 1–3 (the title is `h1`). */
function htmlOutline(html: string): Outline {
  const out: Outline = [];
  const strip = (s: string) => norm(s.replace(/<[^>]+>/g, ' '));
  for (const m of html.matchAll(
    /<h([2-4])[^>]*>([\s\S]*?)<\/h\1>|<table([^>]*)>([\s\S]*?)<\/table>|<figure[ >]/g,
  )) {
    if (m[1]) out.push(`H${Number(m[1]) - 1} ${strip(m[2]!)}`);
    else if (m[0].startsWith('<figure')) out.push('figure');
    else {
      const head = /<thead>([\s\S]*?)<\/thead>/.exec(m[4]!);
      // A chart's numbers table, and label/value tables without a header row, are not outlined.
      if (!head || /kk-figure-data/.test(m[3]!)) continue;
      out.push(
        `table: ${[...head[1]!.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => strip(c[1]!)).join(' | ')}`,
      );
      const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[4]!)?.[1] ?? '';
      for (const r of body.matchAll(/<tr[^>]*>\s*<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)) {
        const first = strip(r[1]!);
        if (question.test(first)) out.push(`question ${first}`);
      }
    }
  }
  return out;
}

describe('report: PDF, HTML and Word say the same things in the same order', function () {
  this.timeout(120_000);
  const { analysis, text } = analyse('samples/vasteras-2012.kompass');

  it('has the same headings, table headers, question numbers and charts', async function () {
    requirePoppler(this, 'the outline comparison');
    const pdf = pdfOutline(readPdf(await renderPdf(analysis, { sourceText: text })).tree);
    const docx = docxOutline(
      unzipText(await renderDocx(analysis, { sourceText: text })).get('word/document.xml')!,
    );
    // The outline is long enough to mean something: every area, question and chart is in it.
    assert.ok(pdf.filter((x) => x.startsWith('question')).length >= 40, pdf.join('\n'));
    assert.equal(pdf.filter((x) => x === 'figure').length, 2);
    assert.ok(pdf.includes('H2 Område 8 Kommunen som samhällsbyggare'));
    assert.deepEqual(docx, pdf, 'Word against PDF');
    assert.deepEqual(
      htmlOutline(renderHtml(analysis, { sourceText: text })),
      pdf,
      'HTML against PDF',
    );
  });
});
