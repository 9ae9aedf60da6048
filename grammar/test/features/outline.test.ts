import assert from 'node:assert/strict';
import { documentSymbols, foldingRanges, inlayHints } from '../../src/features/index';
import { analyze, analyzeSample, kk } from './helpers';

describe('features: document symbols', () => {
  it('nests evaluation → areas → questions with scores as detail', () => {
    const text = kk('  area 1 {\n    question 1.1 14\n  }\n  area 2 score 40\n');
    const [ev] = documentSymbols(analyze(text));
    assert.equal(ev!.name, 'E');
    assert.equal(ev!.kind, 'evaluation');
    assert.deepEqual(
      ev!.children.map((c) => c.name),
      ['1 Offentlighet och demokrati', '2 Tillgänglighet och brukarorientering'],
    );
    assert.equal(
      ev!.children[0]!.children[0]!.name,
      '1.1 Finns en plan/strategi för demokratiutveckling och information?',
    );
    assert.equal(ev!.children[0]!.children[0]!.detail, '14/15');
    assert.equal(ev!.children[1]!.detail, '40/100');
  });
  it('selects the name inside the whole span', () => {
    const text = kk('  area 1 score 5\n');
    const [ev] = documentSymbols(analyze(text));
    assert.equal(text.slice(ev!.selection.start, ev!.selection.end), '"E"');
    assert.equal(ev!.start, 0);
    assert.equal(ev!.end, text.trimEnd().length);
  });
  it('outlines frameworks with maxes', () => {
    const [fw] = documentSymbols(
      analyze('framework "f" {\n  title "F"\n  area 1 "A" {\n    question 1.1 "Q" max 4\n  }\n}\n'),
    );
    assert.equal(fw!.kind, 'framework');
    assert.equal(fw!.detail, 'F · max 4');
    assert.equal(fw!.children[0]!.detail, 'max 4');
    assert.equal(fw!.children[0]!.children[0]!.detail, 'max 4');
  });
  it('outlines every block of a file with several', () => {
    const { analysis } = analyzeSample('alla-diagnostiker.kompass');
    assert.equal(documentSymbols(analysis).length, 8);
  });
});

describe('features: folding', () => {
  it('folds blocks leaving the closing brace visible', () => {
    const text = kk('  area 1 {\n    question 1.1 3\n  }\n');
    const ranges = foldingRanges(analyze(text), text);
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [
        [0, 4],
        [2, 3],
      ],
    );
  });
  it('folds text blocks, block comments and runs of line comments', () => {
    const text = '// a\n// b\nevaluation "E" {\n  /* x\n  y */\n  summary """\n    t\n  """\n}\n';
    const ranges = foldingRanges(analyze(text), text);
    assert.ok(ranges.some((r) => r.kind === 'comment' && r.startLine === 0 && r.endLine === 1));
    assert.ok(ranges.some((r) => r.kind === 'comment' && r.startLine === 3 && r.endLine === 4));
    assert.ok(ranges.some((r) => !r.kind && r.startLine === 5 && r.endLine === 7));
  });
  it('gives nothing for one-line blocks', () => {
    const text = 'evaluation "E" { round 3 }';
    assert.deepEqual(foldingRanges(analyze(text), text), []);
  });
});

describe('features: inlay hints', () => {
  const text = kk('  area 1 "Titel" {\n    question 1.1 14\n  }\n  area 2 score 40\n');
  const all = { start: 0, end: text.length };
  it('shows sum/max and percent after each area header and the total after the name', () => {
    const hints = inlayHints(analyze(text), all);
    assert.deepEqual(
      hints.map((h) => h.label.trim()),
      ['54/800 · 7\u00a0%', '14/100 · 14\u00a0%', '/100 · 40\u00a0%'],
      'a score written on the area line is not repeated',
    );
    assert.equal(text.slice(0, hints[1]!.offset).split('\n').at(-1), '  area 1 "Titel"');
    assert.equal(text.slice(0, hints[2]!.offset).split('\n').at(-1), '  area 2 score 40');
  });
  it('can leave out areas or totals', () => {
    assert.equal(inlayHints(analyze(text), all, { areas: false }).length, 1);
    assert.equal(inlayHints(analyze(text), all, { totals: false }).length, 2);
  });
  it('gives only the hints within the range', () => {
    const start = text.indexOf('area 2');
    assert.equal(inlayHints(analyze(text), { start, end: text.length }).length, 1);
  });
  it('says 561/800 · 70 % for Västerås', () => {
    const { analysis, text: t } = analyzeSample('vasteras-2012.kompass');
    assert.equal(
      inlayHints(analysis, { start: 0, end: t.length })[0]!.label.trim(),
      '561/800 · 70\u00a0%',
    );
  });
});
