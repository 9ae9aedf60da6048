import assert from 'node:assert/strict';
import { readPdf, requirePoppler } from '../../test/poppler';
import { renderDocx, renderPdf } from '../src/index';
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
  let table: { rows: number; depth: number } | undefined;
  let row: string[] | undefined;
  const endRow = () => {
    if (!row || !table) return;
    if (table.rows === 0) out.push(`table: ${row.join(' | ')}`);
    else if (row[0] && question.test(row[0])) out.push(`question ${row[0]}`);
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
    if (tag === 'Table') table = { rows: 0, depth };
    else if (tag === 'TR') {
      endRow();
      row = [];
    } else if (tag === 'TH' || tag === 'TD') row?.push(norm(text(i + 1)));
    else if (tag === 'Figure') out.push('figure');
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
      if (!afterFigure) {
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

describe('report: PDF and Word say the same things in the same order', function () {
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
    assert.deepEqual(pdf, docx);
  });
});
