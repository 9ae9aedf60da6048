import assert from 'node:assert/strict';
import { hover } from '../../src/features/index';
import { analyze, analyzeSample, kk, marked } from './helpers';

function hoverAt(s: string, others: Record<string, string> = {}) {
  const { text, offset } = marked(s);
  return hover(analyze(text, others), offset);
}

describe('features: hover', () => {
  it('gives the evaluation total and percent on its name', () => {
    const h = hoverAt(kk('  area 1 score 50\n  area 2 score 25\n', 'N<|>amn'));
    assert.match(h!.markdown, /Totalt 75\/800 \(9\u00a0%\)/);
  });
  it('covers the evaluation keyword and name in its range', () => {
    const { text, offset } = marked(kk('  area 1 score 5\n', 'A<|>'));
    const h = hover(analyze(text), offset)!;
    assert.equal(text.slice(h.start, h.end), 'evaluation "A"');
  });
  it('lists all 8 areas in the table, missing ones marked', () => {
    const md = hoverAt(kk('  area 1 score 50\n', '<|>E'))!.markdown;
    assert.equal(md.split('\n').filter((l) => /^\| \d /.test(l)).length, 8);
    assert.match(md, /\| 2 Tillgänglighet och brukarorientering \| saknas \|/);
  });
  it('speaks English in an English document', () => {
    const md = hoverAt(
      'evaluation "<|>E" {\n  language en\n  framework "kommunkompassen-2.0"\n  area 1 score 50\n}\n',
    )!.markdown;
    assert.match(md, /Total 50\/800 \(6%\)/);
    assert.match(md, /\| Area \| Score \| % \|/);
  });
  it('shows the difference to each compare target', () => {
    const md = hoverAt(kk('  compare "old.kompass"\n  area 1 score 50\n', '<|>E'), {
      'file:///w/old.kompass': kk('  area 1 score 40\n', 'Gammal'),
    })!.markdown;
    assert.match(md, /\| Δ Gammal \|/);
    assert.match(md, /\| 1 Offentlighet och demokrati \| 50\/100 \| 50\u00a0% \| \+10 \|/);
    assert.match(md, /- Gammal: 40\/800 \(5\u00a0%\), skillnad \+10/);
  });
  it('leaves out compare targets with a problem', () => {
    const md = hoverAt(kk('  compare "none.kompass"\n  area 1 score 50\n', '<|>E'))!.markdown;
    assert.doesNotMatch(md, /Jämfört med/);
  });
  it('gives an area its score, percent and questions', () => {
    const md = hoverAt(
      kk('  a<|>rea 1 {\n    question 1.1 14\n    question 1.2 10/20\n  }\n'),
    )!.markdown;
    assert.match(md, /\*\*Område 1 · Offentlighet och demokrati\*\*/);
    assert.match(md, /24\/100 poäng \(24\u00a0%\)/);
    assert.match(md, /\| 1\.2 Hur informeras medborgarna\? \| 10\/20 \| 50\u00a0% \|/);
    assert.match(md, /Saknas: 1\.3 \(max 25\), 1\.4 \(max 30\), 1\.5 \(max 10\)/);
  });
  it('says when a stated area score differs from the sum', () => {
    const md = hoverAt(kk('  area <|>1 {\n    score 30\n    question 1.1 14\n  }\n'))!.markdown;
    assert.match(md, /Angiven poäng 30, summan av frågorna 14/);
  });
  it('gives a question the framework title, points/max and percent', () => {
    const md = hoverAt(kk('  area 1 {\n    question 1.<|>3 9\n  }\n'))!.markdown;
    assert.match(md, /\*\*Fråga 1\.3\*\* · Hur informeras medborgarna om resultat\?/);
    assert.match(md, /9\/25 poäng \(36\u00a0%\)/);
  });
  it('gives a question the delta to the earlier round', () => {
    const md = hoverAt(kk('  compare "old.kompass"\n  area 1 {\n    question <|>1.1 14\n  }\n'), {
      'file:///w/old.kompass': kk(
        '  date 2009-01-02\n  area 1 {\n    question 1.1 12\n  }\n',
        'Förr',
      ),
    })!.markdown;
    assert.match(md, /Δ Förr: \+2 \(12\/15\)/);
  });
  it('gives a framework reference the title and shape', () => {
    const md = hoverAt('evaluation "E" {\n  framework "kommunkompassen-2<|>020"\n}\n')!.markdown;
    assert.match(md, /`kommunkompassen-2020`/);
    assert.match(md, /8 områden, 0 frågor, max 800/);
  });
  it('gives a framework definition its shape', () => {
    const md = hoverAt('framework "f<|>" {\n  title "F"\n  area 1 "A" max 10\n}\n')!.markdown;
    assert.match(md, /\*\*F\*\* \(`f`\)/);
    assert.match(md, /1 områden, 0 frågor, max 10/);
  });
  it('escapes Markdown in names', () => {
    const md = hoverAt(kk('  area 1 score 5\n', 'A|*b*<|>'))!.markdown;
    assert.match(md, /\*\*A\\\|\\\*b\\\*\*\*/);
  });
  it('gives nothing on blank space or outside blocks', () => {
    assert.equal(hoverAt('<|>\nevaluation "E" {\n}\n'), undefined);
    assert.equal(hoverAt(kk('  area 1 {\n  <|>\n  }\n')), undefined);
  });
  it('matches the published Västerås result', () => {
    const { analysis, text } = analyzeSample('vasteras-2012.kompass');
    const md = hover(analysis, text.indexOf('"Västerås stad"') + 1)!.markdown;
    assert.match(md, /561\/800 \(70\u00a0%\)/);
  });
});
