import assert from 'node:assert/strict';
import { parse } from '../src/index';

describe('parser', () => {
  it('gives every node its source offsets', () => {
    const text = 'evaluation "Ort" {\n  area 1 "Titel" {\n    question 1.1 14/15\n  }\n}\n';
    const r = parse(text);
    assert.equal(r.errors.length, 0);
    const block = r.document.blocks[0]!;
    assert.equal(text.slice(block.start, block.end), text.trimEnd());
    assert.equal(text.slice(block.name!.start, block.name!.end), '"Ort"');
    const area = block.body!.statements[0]!;
    assert.equal(area.kind, 'area');
    if (area.kind !== 'area') return;
    assert.equal(
      text.slice(area.start, area.end),
      text.slice(text.indexOf('area'), text.indexOf('}') + 1),
    );
    const q = area.body!.statements[0]!;
    assert.equal(text.slice(q.start, q.end), 'question 1.1 14/15');
  });

  it('reads every form of area header', () => {
    const r = parse(
      'evaluation "A" { area 1 score 61 area 2 "T" score 60 area 3 "T" max 100 area 4 "T" { score 1 } }',
    );
    assert.equal(r.errors.length, 0);
    const areas = r.document.blocks[0]!.body!.statements;
    assert.equal(areas.length, 4);
    assert.deepEqual(
      areas.map((a) =>
        a.kind === 'area' ? a.header.map((h) => `${h.kind}=${h.value?.value}`).join() : '',
      ),
      ['score=61', 'score=60', 'max=100', ''],
    );
  });

  it('reads framework questions with max', () => {
    const r = parse('framework "f" { area 1 "A" { question 1.1 "T" max 15 } }');
    assert.equal(r.errors.length, 0);
    const area = r.document.blocks[0]!.body!.statements[0]!;
    const q = area.kind === 'area' ? area.body!.statements[0] : undefined;
    assert.equal(q?.kind === 'question' ? q.max?.value : undefined, 15);
    assert.equal(q?.kind === 'question' ? q.maxKeyword?.text : undefined, 'max');
  });

  it('reads facts, evaluators, examples and sections', () => {
    const r = parse(`evaluation "A" {
      evaluators "A", "B", "C"
      facts { "Folkmängd" 140499 "Grupp" "9. Stor stad" "Datum" 2012-12-12 }
      area 1 { example "Nacka" "jämförare" example "Eskilstuna" section "Rubrik" """Text""" }
    }`);
    assert.equal(r.errors.length, 0);
    const [ev, facts, area] = r.document.blocks[0]!.body!.statements;
    assert.deepEqual(ev?.kind === 'evaluators' ? ev.names.map((n) => n.value) : [], [
      'A',
      'B',
      'C',
    ]);
    assert.equal(facts?.kind === 'facts' ? facts.entries.length : 0, 3);
    const stmts = area?.kind === 'area' ? area.body!.statements : [];
    assert.deepEqual(
      stmts.map((s) => s.kind),
      ['example', 'example', 'section'],
    );
  });

  it('holds several top-level blocks', () => {
    const r = parse(
      'framework "f" { area 1 max 100 } evaluation "A" { framework "f" } evaluation "B" { }',
    );
    assert.deepEqual(
      r.document.blocks.map((b) => b.kind),
      ['framework', 'evaluation', 'evaluation'],
    );
  });

  it('never throws, whatever the input', () => {
    for (const text of [
      '',
      '}',
      '{{{{',
      '"""',
      'evaluation',
      'evaluation "x" {',
      '\u0000\uFFFF',
      'area 1 { }',
    ]) {
      const r = parse(text);
      assert.ok(Array.isArray(r.errors));
    }
  });
});

describe('parser recovery', () => {
  const bad = `evaluation "A" {
  framework "kommunkompassen-2.0"
  area 1 {
    question 1.1 14/15
    question 1.2 "titel" 14/ ???
    question 1.3 9/25
  }
  area 2 score 60
}
`;

  it('turns one bad line into one error', () => {
    const r = parse(bad);
    assert.equal(r.errors.length, 1);
    const line = bad.slice(0, r.errors[0]!.start).split('\n').length;
    assert.equal(line, 5);
  });

  it('keeps parsing after the bad line', () => {
    const r = parse(bad);
    const stmts = r.document.blocks[0]!.body!.statements;
    assert.deepEqual(
      stmts.map((s) => s.kind),
      ['frameworkRef', 'area', 'area'],
    );
    const area1 = stmts[1]!;
    const qs = area1.kind === 'area' ? area1.body!.statements : [];
    assert.deepEqual(
      qs.map((q) => (q.kind === 'question' ? q.number?.text : '')),
      ['1.1', '1.2', '1.3'],
      'the partial question is kept',
    );
  });

  it('keeps the next block when a closing brace is missing', () => {
    const r = parse('evaluation "A" {\n  round 1\n\nevaluation "B" {\n  round 2\n}\n');
    assert.equal(r.errors.length, 1);
    assert.deepEqual(
      r.document.blocks.map((b) => b.name?.value),
      ['A', 'B'],
    );
    assert.equal(r.document.blocks[0]!.body!.closed, false);
  });

  it('reports junk between blocks once and goes on', () => {
    const r = parse('evaluation "A" { }\nhej hopp\nevaluation "B" { round 2 }');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.problem.kind, 'expectedTopLevel');
    assert.equal(r.document.blocks.length, 2);
  });

  it('reports a stray statement keyword inside a block and keeps the rest', () => {
    const r = parse('evaluation "A" {\n  round\n  organisation "SKR"\n}');
    assert.equal(r.errors.length, 1);
    const kinds = r.document.blocks[0]!.body!.statements.map((s) => s.kind);
    assert.ok(kinds.includes('organisation'));
  });

  it('describes what it expected', () => {
    const r = parse('evaluation "A" { area 1 { question 1.1 14/ } }');
    assert.equal(r.errors[0]!.problem.kind, 'mismatch');
    assert.deepEqual(
      r.errors[0]!.problem.kind === 'mismatch' ? r.errors[0]!.problem.expected : [],
      ['NumberLiteral'],
    );
  });
});
