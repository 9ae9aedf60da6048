import assert from 'node:assert/strict';
import {
  analyzeText,
  type CompareModel,
  compareEvaluations,
  type EvaluationResult,
  municipalityKey,
} from '../src/index';

interface Spec {
  name: string;
  framework?: string;
  date?: string;
  round?: number;
  /** Area scores by number, written as `area N score S`. */
  scores?: Record<number, number>;
  /** Area 1's five questions, written with points instead of a score. */
  area1?: [number, number, number, number, number];
}

let counter = 0;

/** An evaluation built from a small spec through the real parser and model. */
function evaluation(spec: Spec): EvaluationResult {
  const lines = [`evaluation "${spec.name}" {`];
  lines.push(`  framework "${spec.framework ?? 'kommunkompassen-2.0'}"`);
  if (spec.date) lines.push(`  date ${spec.date}`);
  if (spec.round !== undefined) lines.push(`  round ${spec.round}`);
  if (spec.area1) {
    const maxes = [15, 20, 25, 30, 10];
    lines.push('  area 1 {');
    spec.area1.forEach((p, i) => {
      lines.push(`    question 1.${i + 1} ${p}/${maxes[i]}`);
    });
    lines.push('  }');
  }
  for (const [n, s] of Object.entries(spec.scores ?? {})) lines.push(`  area ${n} score ${s}`);
  lines.push('}');
  const uri = `mem:/e${String(++counter).padStart(4, '0')}.kompass`;
  const ev = analyzeText(lines.join('\n'), { uri }).evaluations[0];
  assert.ok(ev, 'the spec builds an evaluation');
  return ev;
}

const names = (m: CompareModel) => m.rows.map((r) => `${r.name} ${r.date ?? '-'}`);

describe('comparison: municipality names', () => {
  it('ignores case, whitespace and the kommun/stad/Municipality suffixes', () => {
    const key = municipalityKey('Västerås');
    assert.equal(key, 'västerås');
    for (const n of [
      'Västerås stad',
      'VÄSTERÅS  KOMMUN',
      '  västerås\tStad ',
      'Västerås Municipality',
      'Municipality of Västerås',
    ]) {
      assert.equal(municipalityKey(n), key, n);
    }
  });

  it('keeps names that differ in more than the suffix apart', () => {
    assert.notEqual(
      municipalityKey('Upplands Väsby kommun'),
      municipalityKey('Upplands-Bro kommun'),
    );
    assert.notEqual(municipalityKey('Stadsby kommun'), municipalityKey('Stadsby'.slice(0, 4)));
  });

  it('keeps a name that is only a suffix', () => {
    assert.equal(municipalityKey('Kommun'), 'kommun');
    assert.equal(municipalityKey('   '), '');
  });

  it('groups the rounds of one municipality written in different ways', () => {
    const m = compareEvaluations([
      evaluation({ name: 'Västerås stad', date: '2012-12-12', scores: { 1: 50 } }),
      evaluation({ name: 'Exempelby kommun', date: '2014-10-28', scores: { 1: 61 } }),
      evaluation({ name: 'västerås kommun', date: '2008-05-01', scores: { 1: 40 } }),
    ]);
    assert.equal(m.groups.length, 2);
    assert.deepEqual(
      m.groups.map((g) => [g.name, g.rows.length]),
      [
        ['Exempelby kommun', 1],
        ['Västerås stad', 2],
      ],
    );
  });

  it('does not merge evaluations without a name', () => {
    const m = compareEvaluations([
      evaluation({ name: '', scores: { 1: 1 } }),
      evaluation({ name: '', scores: { 1: 2 } }),
    ]);
    assert.equal(m.groups.length, 2);
    assert.equal(m.rows[1]?.delta, undefined);
  });
});

describe('comparison: date order', () => {
  it('sorts by municipality name, then date, whatever the input order', () => {
    const m = compareEvaluations([
      evaluation({ name: 'Ödeby', date: '2016-01-01' }),
      evaluation({ name: 'Åby', date: '2019-03-01' }),
      evaluation({ name: 'Åby', date: '2011-03-01' }),
      evaluation({ name: 'Aby', date: '2015-01-01' }),
    ]);
    // Swedish order: å and ö after z, ä before ö.
    assert.deepEqual(names(m), [
      'Aby 2015-01-01',
      'Åby 2011-03-01',
      'Åby 2019-03-01',
      'Ödeby 2016-01-01',
    ]);
  });

  it('uses the first date of a range', () => {
    const m = compareEvaluations([evaluation({ name: 'X', date: '2012-12-12 to 2012-12-14' })]);
    assert.equal(m.rows[0]?.date, '2012-12-12');
  });

  it('puts rounds without a date after the dated ones, ordered by round', () => {
    const m = compareEvaluations([
      evaluation({ name: 'X', round: 3 }),
      evaluation({ name: 'X', round: 2 }),
      evaluation({ name: 'X', date: '2010-01-01', round: 1 }),
    ]);
    assert.deepEqual(
      m.rows.map((r) => [r.date ?? null, r.round]),
      [
        ['2010-01-01', 1],
        [null, 2],
        [null, 3],
      ],
    );
    assert.equal(m.rows[0]?.date, '2010-01-01');
  });

  it('orders by round when all dates are missing, and leaves an invalid date out', () => {
    const m = compareEvaluations([
      evaluation({ name: 'X', round: 2, date: '2012-02-30' }),
      evaluation({ name: 'X', round: 1 }),
    ]);
    assert.deepEqual(
      m.rows.map((r) => r.round),
      [1, 2],
    );
    assert.equal(m.rows[1]?.date, undefined, 'an impossible date is not a date to sort by');
  });
});

describe('comparison: change since the previous round', () => {
  const rounds = () =>
    compareEvaluations([
      evaluation({
        name: 'Testby kommun',
        date: '2016-05-01',
        area1: [14, 14, 9, 17, 4],
        scores: { 2: 60 },
      }),
      evaluation({
        name: 'Testby',
        date: '2012-05-01',
        area1: [10, 14, 12, 17, 4],
        scores: { 2: 64.5 },
      }),
    ]);

  it('gives the first round no change and the second its difference', () => {
    const m = rounds();
    assert.equal(m.rows[0]?.delta, undefined);
    assert.equal(m.rows[1]?.previous, 0);
    assert.equal(m.rows[0]?.total, 121.5);
    assert.equal(m.rows[1]?.total, 118);
    assert.equal(m.rows[1]?.delta?.total, -3.5);
    assert.equal(m.rows[1]?.delta?.percent, m.rows[1]!.percent - m.rows[0]!.percent);
  });

  it('gives each area its change, with decimals exact', () => {
    const areas = rounds().rows[1]!.areas;
    assert.equal(areas.find((a) => a.number === 1)?.delta, 1);
    assert.equal(areas.find((a) => a.number === 2)?.delta, -4.5);
    assert.equal(areas.find((a) => a.number === 3)?.delta, undefined, 'no score in either round');
  });

  it('lists question deltas where both rounds have the question', () => {
    const qs = rounds().rows[1]!.delta!.questions;
    assert.equal(qs.length, 5);
    assert.deepEqual(
      qs.filter((q) => q.delta !== 0).map((q) => [q.id, q.previous, q.current, q.delta]),
      [
        ['1.1', 10, 14, 4],
        ['1.3', 12, 9, -3],
      ],
    );
  });

  it('has no question deltas when a round gives area scores only', () => {
    const m = compareEvaluations([
      evaluation({ name: 'Y', date: '2010-01-01', scores: { 1: 50 } }),
      evaluation({ name: 'Y', date: '2014-01-01', area1: [14, 14, 9, 17, 4] }),
    ]);
    assert.deepEqual(m.rows[1]?.delta?.questions, []);
    assert.equal(m.rows[1]?.areas[0]?.delta, 8);
  });
});

describe('comparison: averages and frameworks', () => {
  it('averages the set per area and in total', () => {
    const m = compareEvaluations([
      evaluation({ name: 'A', scores: { 1: 50, 2: 60 } }),
      evaluation({ name: 'B', scores: { 1: 55, 2: 61 } }),
      evaluation({ name: 'C', scores: { 1: 60 } }),
    ]);
    assert.equal(m.averages.length, 1);
    const avg = m.averages[0]!;
    assert.equal(avg.count, 3);
    assert.equal(avg.framework, 'kommunkompassen-2.0');
    assert.equal(avg.max, 800);
    assert.equal(avg.total, 95.3, '(110 + 116 + 60) / 3 to one decimal');
    assert.equal(avg.percent, 12);
    const a1 = avg.areas.find((a) => a.number === 1)!;
    assert.deepEqual([a1.score, a1.count, a1.percent], [55, 3, 55]);
    const a2 = avg.areas.find((a) => a.number === 2)!;
    assert.deepEqual([a2.score, a2.count], [60.5, 2], 'only evaluations scoring the area count');
    const a8 = avg.areas.find((a) => a.number === 8)!;
    assert.deepEqual([a8.score, a8.count], [undefined, 0]);
    assert.equal(m.notes.length, 0, 'one framework: nothing to note');
  });

  it('never averages different frameworks together, and says so', () => {
    const m = compareEvaluations(
      [
        evaluation({ name: 'A', scores: { 1: 50 } }),
        evaluation({ name: 'B', framework: 'kommunkompassen-2020', scores: { 1: 90 } }),
        evaluation({ name: 'C', scores: { 1: 70 } }),
      ],
      'en',
    );
    assert.deepEqual(
      m.averages.map((a) => [a.framework, a.count, a.areas[0]?.score]),
      [
        ['kommunkompassen-2.0', 2, 60],
        ['kommunkompassen-2020', 1, 90],
      ],
    );
    const note = m.notes.find((n) => n.kind === 'frameworks');
    assert.ok(note, 'a note where the frameworks meet');
    assert.deepEqual(note.frameworks, ['kommunkompassen-2.0', 'kommunkompassen-2020']);
    assert.match(note.message, /not comparable/);
    assert.match(note.message, /Kommunkompassen 2\.0, Kommunkompassen 2020/);
  });

  it('computes no change across frameworks within a municipality, with a note', () => {
    const m = compareEvaluations([
      evaluation({ name: 'Västerås stad', date: '2012-12-12', scores: { 1: 58 } }),
      evaluation({
        name: 'Västerås',
        framework: 'kommunkompassen-2020',
        date: '2021-03-01',
        scores: { 1: 70 },
      }),
    ]);
    const later = m.rows[1]!;
    assert.equal(later.delta, undefined);
    assert.equal(later.areas[0]?.delta, undefined);
    assert.deepEqual(later.notComparable, { previousFramework: 'kommunkompassen-2.0' });
    const note = m.notes.find((n) => n.kind === 'rounds');
    assert.ok(note);
    assert.equal(note.municipality, 'Västerås');
    assert.match(note.message, /inte jämförbar/, 'Swedish by default');
  });

  it('sizes the area columns by the largest framework', () => {
    const m = compareEvaluations([
      evaluation({ name: 'A', scores: { 1: 50 } }),
      evaluation({ name: 'B', framework: 'nio', scores: { 9: 5 } }),
    ]);
    assert.equal(m.areaCount, 9);
    assert.deepEqual(
      m.rows.find((r) => r.name === 'A')?.areas.map((a) => a.number),
      [1, 2, 3, 4, 5, 6, 7, 8],
      'every framework area is a column, scored or not',
    );
  });

  it('is empty for no evaluations', () => {
    const m = compareEvaluations([]);
    assert.deepEqual([m.rows, m.groups, m.averages, m.notes, m.areaCount], [[], [], [], [], 0]);
  });
});
