import assert from 'node:assert/strict';
import { random } from '../../bench/generate';
import { markdownBlocks, parsedMarkdownBlocks, plainParagraphs } from '../src/markdown-text';
import { analyse } from './helpers';

// Pieces of prose and of everything that is not plain: Markdown at a line's start and inside it,
// whitespace markdown-it trims or keeps, links linkify finds, entities, escapes.
const pieces = [
  'Kommunen',
  'har',
  'en tydlig',
  'vision',
  'Västerås',
  'ÅÄÖ',
  'år 2012',
  '56 %',
  '13,5',
  '”citat”',
  '– tankstreck',
  'slut.',
  '(se nedan)',
  ':',
  ';',
  '?',
  '#',
  '# ',
  '## Rubrik',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '1',
  '> ',
  '---',
  '===',
  '*lutande*',
  '**fet**',
  '_under_',
  '`kod`',
  '~~x~~',
  '[länk](https://e.org)',
  '![bild](x.png)',
  '<b>',
  '&amp;',
  '&',
  '\\*',
  '|',
  'a | b',
  'www.kommun.se',
  'www.kommun.com',
  'skr.se',
  'https://e.org',
  'a@e.org',
  't.ex.',
  ' ',
  '  ',
  '    ',
  '\t',
  '\u00a0',
  '\r',
  '\n',
  '\n',
  '\n\n',
  '\n\n\n',
  '\n ',
  ' \n',
];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 14);
  let text = '';
  for (let i = 0; i < n; i++) {
    text += pieces[Math.floor(next() * pieces.length)];
    if (next() < 0.5) text += ' ';
  }
  return text;
}

describe('report: plain text blocks without markdown-it', () => {
  it('gives the parts markdown-it gives, for 4,000 random texts', () => {
    const next = random(20261202);
    let plain = 0;
    for (let i = 0; i < 4000; i++) {
      const text = randomText(next);
      const fast = plainParagraphs(text);
      if (fast === undefined) continue;
      plain++;
      assert.deepEqual(fast, parsedMarkdownBlocks(text), JSON.stringify(text));
    }
    // The property means nothing unless plain texts come up often.
    assert.ok(plain > 400, `only ${plain} plain texts`);
  });

  it('takes paragraphs and soft line breaks as markdown-it does', () => {
    const text = 'Rad ett, 56 %.\nRad två – ”citat”.\n\n\nNästa stycke (2012).';
    assert.deepEqual(plainParagraphs(text), [
      {
        kind: 'paragraph',
        indent: 0,
        runs: [{ text: 'Rad ett, 56 %.' }, { text: ' ' }, { text: 'Rad två – ”citat”.' }],
      },
      { kind: 'paragraph', indent: 0, runs: [{ text: 'Nästa stycke (2012).' }] },
    ]);
    assert.deepEqual(plainParagraphs(''), []);
    assert.deepEqual(plainParagraphs('\n\n'), []);
  });

  it('leaves Markdown, links and whitespace markdown-it treats specially to markdown-it', () => {
    for (const text of [
      'Ett *lutande* ord',
      '- punkt',
      '1. först',
      '12) först',
      '# Rubrik',
      'Text\n===',
      'Läs på https://skr.se i dag',
      'ÅÄÖhttps://e.org',
      'Skriv till a@e.org',
      'Rad med två mellanslag  \nefter',
      '    kod',
      ' indragen',
      '\u00a0hårt mellanslag',
      'a | b',
      'R&amp;D',
      'Rad\r\nrad',
    ])
      assert.equal(plainParagraphs(text), undefined, text);
    // A number that opens no list is prose.
    assert.ok(plainParagraphs('2012 antogs en vision.'));
  });

  it('parses most of the sample evaluation’s text blocks directly, as markdown-it would', () => {
    const { analysis, text } = analyse('samples/vasteras-2012.kompass');
    const blocks = text.split('"""').length / 2;
    const texts: string[] = [];
    for (const e of analysis.evaluations) {
      if (e.summary) texts.push(e.summary);
      for (const area of e.areas) {
        if (area.intro) texts.push(area.intro);
        for (const s of area.sections) texts.push(s.text);
      }
    }
    assert.ok(texts.length > blocks / 2, `${texts.length} texts of ${blocks} blocks`);
    let plain = 0;
    for (const t of texts) {
      assert.deepEqual(markdownBlocks(t), parsedMarkdownBlocks(t));
      if (plainParagraphs(t)) plain++;
    }
    assert.ok(plain > texts.length / 2, `${plain} of ${texts.length} plain`);
  });
});
