import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import { readFontDir } from '../src/fontDir';
import { parseFonts } from '../src/fonts';
import { cacheColors } from '../src/pdf/colors';
import { bufferPageContent } from '../src/pdf/contentBuffer';
import { drawContinued, drawLine, fastTextIn, type Piece } from '../src/pdf/fastText';
import { margin } from '../src/pdf/style';
import { pdfBytes } from './helpers';

const fonts = parseFonts(readFontDir());

const paragraph =
  'Kommunen har en tydlig vision och mål som är kända av medarbetarna. Västerås-kommunens ' +
  'uppföljning (2012/13) visar 56\u00a0% – ”bra” – i förhållande till 2010; resultaten ' +
  'redovisas\tvarje år i nämnderna, och medborgarna kan läsa dem på webbplatsen.';

let pdfkitLines = 0;

/** Draws the same text with pdfkit's own path or the faster one; the document's bytes. */
async function draw(fast: boolean, colors: boolean): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    compress: false,
    info: { CreationDate: new Date(0), Producer: 'test', Creator: 'test' },
    font: null as unknown as string,
  });
  for (const face of ['regular', 'bold', 'italic'] as const)
    doc.registerFont(face, fonts[face] as unknown as PDFKit.Mixins.PDFFontSource);
  // Lines pdfkit itself sets (the faster path hands it those it does not set).
  const pdfkit = doc as unknown as { _fragment: (...args: unknown[]) => unknown };
  const fragment = pdfkit._fragment;
  pdfkit._fragment = function (this: unknown, ...args: unknown[]) {
    pdfkitLines++;
    return fragment.apply(this, args);
  };
  if (fast) fastTextIn(doc);
  // Italic is made before bold here: the fonts must keep the names pdfkit gives them in use order.
  doc.font('italic').font('regular');
  bufferPageContent(doc);
  if (colors) cacheColors(doc);
  const bytes = pdfBytes(doc);

  const say = (n: number) => doc.font('regular').fontSize(8).text(String(n), 400, 60);
  doc.fontSize(10).fillColor('#1b1f24');
  for (const [i, w] of [500, 230, 97.3, 41].entries()) {
    say(doc.heightOfString(paragraph, { width: w, lineGap: 1.5 }));
    doc
      .font(i % 2 ? 'bold' : 'regular')
      .text(paragraph, 56, 80 + i * 20, { width: w, lineGap: 1.5 });
    say(doc.y);
  }
  doc.addPage();
  doc.font('italic').fontSize(9.5).fillColor('#9a5b00');
  for (const align of ['left', 'right', 'center'] as const) {
    doc.text(`Rad ett\nrad två, lite längre\n\nefter en tom rad ${align}`, 56, doc.y, {
      width: 180,
      align,
    });
    say(doc.heightOfString(`Rad ett\nrad två\n\n${align}`, { width: 180 }));
  }
  // Near the bottom: the paragraph goes on on a new page.
  doc.font('regular').fontSize(10).text(paragraph.repeat(3), 56, 740, { width: 300 });
  say(doc.y);
  // One line without wrapping, as table cells are drawn, and widths as tables measure them.
  doc.fillColor('#5b6470').strokeColor('#c7ccd3');
  doc.text('561 / 800', 300, 300, { lineBreak: false });
  say(doc.x);
  // A table cell's line drawn directly: pdfkit's `text` without line breaking when it may not.
  for (const [cell, x] of [
    ['Västerås', 380],
    ['56\u00a0%', 460.25],
    ['x'.repeat(70), 56],
    ['två\nrader', 200],
  ] as const) {
    const drawn = fast && drawLine(doc, cell, x, 310);
    if (fast) assert.equal(drawn, cell.length < 64 && !cell.includes('\n'), cell);
    if (!drawn) doc.text(cell, x, 310, { lineBreak: false });
    say(doc.x);
    say(doc.y);
  }
  say(doc.widthOfString('56\u00a0%') + doc.widthOfString('tre ord\there ') + doc.widthOfString(''));
  // Letter-spaced text (the title page's labels) and running heads in a box of fixed height.
  doc
    .fontSize(11)
    .text('KOMMUNKOMPASSEN – UTVÄRDERING', 56, 330, { width: 300, characterSpacing: 1.5 });
  say(doc.heightOfString('KOMMUNKOMPASSEN – UTVÄRDERING', { width: 120, characterSpacing: 1.5 }));
  doc.text('MITT I', 300, 360, { width: 100, align: 'right', characterSpacing: 1.5 });
  doc.fontSize(8.5);
  for (const head of ['Kommunkompassen 2012 – Västerås', paragraph])
    doc.text(head, 56, 30, { width: 480, lineBreak: false, height: 12, ellipsis: true });
  // What pdfkit keeps for itself: words wider than the line, soft hyphens, empty text.
  doc.text(`Ordet ${'x'.repeat(80)} är långt`, 56, 400, { width: 120 });
  doc.text('Kom\u00admun\u00adens för\u00advalt\u00adning', 56, doc.y, { width: 60 });
  say(doc.heightOfString('Kom\u00admun\u00adens för\u00advalt\u00adning', { width: 60 }));
  doc.text('', 56, doc.y, { width: 100 });
  // Options given as off, as a paragraph of one run passes them.
  doc.text(paragraph, 56, 500, { width: 250, lineGap: 1.5, continued: false, link: null });
  doc.text('Fortsätter ', 56, doc.y, { width: 200, continued: true }).text('och slutar.');
  // Paragraphs of runs in several fonts, with a link, a line break and page breaks inside.
  const runs: Piece[] = [
    {
      text: 'Första delen av stycket ',
      face: 'regular',
      fill: '#1b1f24',
      link: null,
      underline: false,
    },
    {
      text: 'i fetstil som fortsätter över raden ',
      face: 'bold',
      fill: '#1b1f24',
      link: null,
      underline: false,
    },
    { text: 'kursivt', face: 'italic', fill: '#9a5b00', link: null, underline: false },
    {
      text: ' och en länk',
      face: 'regular',
      fill: '#1d5fa6',
      link: 'https://example.org/',
      underline: true,
    },
    {
      text: ', sedan\nen ny rad och ett långtord ',
      face: 'regular',
      fill: '#1b1f24',
      link: null,
      underline: false,
    },
    { text: 'Slut.', face: 'bold', fill: '#1b1f24', link: null, underline: false },
  ];
  for (const [width, y] of [
    [200, 120],
    [97, 560],
    [120, 745],
  ] as const) {
    const drawn = fast && drawContinued(doc, runs, 56, y, width, 1.5);
    if (fast) assert.ok(drawn, 'the paragraph of runs took the faster path');
    if (!drawn)
      runs.forEach((r, i) => {
        doc.font(r.face).fillColor(r.fill);
        const o = {
          continued: i < runs.length - 1,
          lineGap: 1.5,
          link: r.link,
          underline: r.underline,
        };
        if (i === 0) doc.text(r.text, 56, y, { ...o, width });
        else doc.text(r.text, o);
      });
    say(doc.y);
  }
  return bytes.end();
}

describe('report: PDF text without pdfkit’s per-line work', () => {
  it('writes exactly the bytes pdfkit writes: wrapping, page breaks, alignment, widths', async () => {
    pdfkitLines = 0;
    const slow = await draw(false, false);
    const lines = pdfkitLines;
    pdfkitLines = 0;
    const fast = await draw(true, false);
    // Lines with a link or underline are pdfkit's; the faster path writes the rest.
    assert.ok(pdfkitLines < lines / 4, `pdfkit set ${pdfkitLines} of ${lines} lines`);
    assert.ok(slow.length > 10_000, 'the document has content');
    assert.ok(slow.toString('latin1').includes('] TJ'), 'the document has text');
    assert.equal(fast.toString('latin1'), slow.toString('latin1'));
  });

  it('writes the same colour operators when it keeps them', async () => {
    const slow = await draw(false, false);
    const cached = await draw(false, true);
    assert.ok(slow.toString('latin1').includes(' scn'));
    assert.equal(cached.toString('latin1'), slow.toString('latin1'));
  });
});
