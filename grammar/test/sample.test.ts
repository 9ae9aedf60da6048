import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeText, builtinFrameworks } from '../src/index';

/** The seed's score tables (Västerås 2012): question, points, max, percent. */
const seed: [string, number, number, number][] = [
  ['1.1', 14, 15, 93],
  ['1.2', 14, 20, 70],
  ['1.3', 9, 25, 36],
  ['1.4', 17, 30, 57],
  ['1.5', 4, 10, 40],
  ['2.1', 12, 15, 80],
  ['2.2', 14, 25, 56],
  ['2.3', 10, 15, 67],
  ['2.4', 13, 15, 87],
  ['2.5', 12, 15, 80],
  ['2.6', 8, 15, 53],
  ['3.1', 15, 15, 100],
  ['3.2', 19, 25, 76],
  ['3.3', 21, 25, 84],
  ['3.4', 17, 20, 85],
  ['3.5', 10, 15, 67],
  ['4.1', 9, 15, 60],
  ['4.2', 7, 10, 70],
  ['4.3', 8, 20, 40],
  ['4.4', 11, 15, 73],
  ['4.5', 15, 20, 75],
  ['4.6', 15, 20, 75],
  ['5.1', 5, 15, 33],
  ['5.2', 12, 20, 60],
  ['5.3', 16, 20, 80],
  ['5.4', 12, 15, 80],
  ['5.5', 15, 20, 75],
  ['5.6', 8, 10, 80],
  ['6.1', 6, 15, 40],
  ['6.2', 15, 20, 75],
  ['6.3', 15, 25, 60],
  ['6.4', 10, 15, 67],
  ['6.5', 13, 15, 87],
  ['6.6', 5, 10, 50],
  ['7.1', 12, 15, 80],
  ['7.2', 22, 25, 88],
  ['7.3', 16, 20, 80],
  ['7.4', 12, 20, 60],
  ['7.5', 12, 20, 60],
  ['8.1', 13, 15, 87],
  ['8.2', 15, 20, 75],
  ['8.3', 17, 20, 85],
  ['8.4', 12, 15, 80],
  ['8.5', 7, 10, 70],
  ['8.6', 17, 20, 85],
];

const text = readFileSync('samples/vasteras-2012.kompass', 'utf8');

describe('the Västerås 2012 sample', () => {
  const a = analyzeText(text);
  const ev = a.evaluations[0]!;

  it('has no errors', () => {
    assert.deepEqual(
      a.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('totals 561 of 800, 70 %', () => {
    assert.equal(ev.total, 561);
    assert.equal(ev.max, 800);
    assert.equal(ev.percent, 70);
  });

  it('has the eight area scores of the seed', () => {
    assert.deepEqual(
      ev.areas.map((x) => x.score),
      [58, 69, 82, 65, 68, 64, 74, 81],
    );
    assert.deepEqual(
      ev.areas.map((x) => x.percent),
      [58, 69, 82, 65, 68, 64, 74, 81],
    );
  });

  it('has all 45 questions with the seed points, max and percent', () => {
    const got = ev.areas.flatMap((x) => x.questions.map((q) => [q.id, q.points, q.max, q.percent]));
    assert.equal(got.length, 45);
    assert.deepEqual(got, seed);
  });

  it('has strengths, improvements, sections and good examples in every area', () => {
    for (const area of ev.areas) {
      assert.ok(area.strengths.length > 0, `strengths in ${area.number}`);
      assert.ok(area.improvements.length > 0, `improvements in ${area.number}`);
      assert.ok(area.sections.length > 0, `sections in ${area.number}`);
      assert.ok(area.headings.length > 0, `headings in ${area.number}`);
    }
    const examples = ev.areas.flatMap((x) => x.examples.map((e) => e.municipality));
    for (const m of ['Nacka', 'Upplands Väsby', 'Kungsbacka', 'Eskilstuna'])
      assert.ok(examples.includes(m), m);
  });

  it('carries the metadata and facts', () => {
    assert.equal(ev.name, 'Västerås stad');
    assert.equal(ev.dateFrom, '2012-12-12');
    assert.equal(ev.dateTo, '2012-12-14');
    assert.equal(ev.round, 3);
    assert.deepEqual(ev.evaluators, ['Christine Feuk', 'Britt-Marie Hedlund', 'Åsa Franzén']);
    assert.ok(ev.facts.some((f) => f.label === 'Folkmängd' && f.value === 140499));
  });
});

describe('the built-in frameworks', () => {
  const [kk20, kk2020] = ['kommunkompassen-2.0', 'kommunkompassen-2020'].map((id) =>
    builtinFrameworks().find((f) => f.id === id),
  );

  it('Kommunkompassen 2.0 has 8 areas of 100 and 45 questions with the seed maxes', () => {
    assert.ok(kk20);
    assert.equal(kk20.areas.length, 8);
    assert.equal(kk20.max, 800);
    assert.ok(kk20.areas.every((x) => x.max === 100));
    assert.deepEqual(
      kk20.areas.flatMap((x) => x.questions.map((q) => [q.id, q.max])),
      seed.map(([id, , max]) => [id, max]),
    );
  });

  it('Kommunkompassen 2020 has its 8 areas without questions', () => {
    assert.ok(kk2020);
    assert.deepEqual(
      kk2020.areas.map((x) => x.max),
      [100, 100, 100, 100, 100, 100, 100, 100],
    );
    assert.equal(kk2020.areas[4]!.title, 'Brukarens fokus');
    assert.ok(kk2020.areas.every((x) => x.questions.length === 0));
  });
});
