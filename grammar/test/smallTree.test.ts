import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Statement } from '../src/ast';
import { keywordSpan } from '../src/ast';
import { parse } from '../src/index';
import { decodeTextBlock, TextBlockNode } from '../src/literals';
import { statementFields } from '../src/statementNodes';
import { analyze, documentFiles } from './helpers';

// What keeps the tree and the model small (docs/performance.md, "Memory") must not change what
// they say: these tests pin the shared keywords, the lazily decoded text blocks and the model's
// lazy text fields to what a plain tree and model would give.

const doc = `evaluation "Exempelby" {
  framework "kommunkompassen-2.0"
  summary """
    Sammanfattning
      med indrag
  """
  area 1 "Offentlighet och demokrati" {
    intro """
      Inledning.
    """
    section "Rubrik" """
      Avsnittets text.
    """
    question 1.1 13,5/15
    question 1.2 10/15
    example "Nacka" "Något att titta på"
    example "Lund"
  }
}
`;

describe('a small tree', () => {
  it('shares one keyword object per spelling, placed at its statement', () => {
    const r = parse(doc);
    const area = r.document.blocks[0]!.body!.statements.find((s) => s.kind === 'area')!;
    assert.equal(area.kind, 'area');
    const questions = area.body!.statements.filter((s) => s.kind === 'question');
    assert.equal(questions.length, 2);
    assert.equal(questions[0]!.keyword, questions[1]!.keyword);
    assert.deepEqual(questions[0]!.keyword, { name: 'Question', text: 'question', swedish: false });
    for (const s of [area, ...questions]) {
      const span = keywordSpan(s);
      assert.equal(doc.slice(span.start, span.end), s.keyword.text);
    }
    const sv = parse('utvärdering "A" { område 1 { fråga 1.1 3/15 } }');
    const block = sv.document.blocks[0]!;
    assert.deepEqual(block.keyword, { name: 'Evaluation', text: 'utvärdering', swedish: true });
    assert.notEqual(block.keyword, r.document.blocks[0]!.keyword);
  });

  it('keeps a text block as written and decodes it when read', () => {
    const r = parse(doc);
    const summary = r.document.blocks[0]!.body!.statements.find((s) => s.kind === 'summary')!;
    assert.equal(summary.kind, 'summary');
    const node = summary.value!;
    assert.ok(node instanceof TextBlockNode);
    assert.ok(!Object.getOwnPropertyNames(node).includes('value'), 'no decoded copy kept');
    assert.equal(node.value, decodeTextBlock(doc.slice(node.start, node.end)).value);
    assert.equal(node.value, 'Sammanfattning\n  med indrag');
    assert.equal(node.block, true);
    const open = new TextBlockNode(0, 7, '"""open');
    assert.equal(open.unterminated, true);
    assert.equal(open.value, decodeTextBlock('"""open').value);
  });

  it('gives the model’s text fields as plain enumerable strings, in JSON and spreads too', () => {
    const e = analyze(doc).evaluations[0]!;
    const a = e.areas[0]!;
    assert.equal(e.summary, 'Sammanfattning\n  med indrag');
    assert.equal(a.intro, 'Inledning.');
    assert.deepEqual(a.sections, [{ heading: 'Rubrik', text: 'Avsnittets text.' }]);
    assert.ok(Object.keys(e).includes('summary'));
    assert.equal({ ...a }.intro, 'Inledning.');
    const json = JSON.parse(JSON.stringify({ s: e.summary, sections: a.sections, intro: a.intro }));
    assert.deepEqual(json, {
      s: 'Sammanfattning\n  med indrag',
      sections: [{ heading: 'Rubrik', text: 'Avsnittets text.' }],
      intro: 'Inledning.',
    });
    a.intro = 'Ändrad';
    assert.equal(a.intro, 'Ändrad');
    assert.equal(e.areas[0]!.sections[0]!.text, 'Avsnittets text.');
  });

  it('keeps number values, whole, decimal and dotted, and exact-size lists', () => {
    const a = analyze(doc).evaluations[0]!.areas[0]!;
    assert.deepEqual(
      a.questions.map((q) => [q.id, q.points, q.max]),
      [
        ['1.1', 13.5, 15],
        ['1.2', 10, 20],
      ],
    );
    assert.deepEqual(a.examples, [
      { municipality: 'Nacka', note: 'Något att titta på' },
      { municipality: 'Lund' },
    ]);
    const q = a.questions[0]!.node;
    assert.equal(q.number!.value, 1.1);
    const dotted = parse('evaluation "A" { area 1 { question 1.1.1 3/15 } }').document.blocks[0]!;
    const area = dotted.body!.statements[0]!;
    assert.equal(area.kind, 'area');
    const q3 = area.kind === 'area' ? area.body!.statements[0]! : undefined;
    assert.ok(q3?.kind === 'question' && Number.isNaN(q3.number!.value));
    assert.equal(q.number!.text, '1.1');
    assert.equal(q.points!.value, 13.5);
  });

  it('builds statements on the error path as plain objects equal to the fast path ones', () => {
    const statements = `question 1.1 "Titel" 13,5 av 15
    section "Rubrik" """
      Text.
    """
    example "Nacka" "Något"
    strength "Bra"
    score 40`;
    // The same statements in a valid block (the fast path) and in one with a syntax error
    // after them (Chevrotain's path, with its per-kind constructors).
    const valid = parse(`evaluation "A" { area 1 {\n    ${statements}\n  } }`);
    const broken = parse(`evaluation "A" { area 1 {\n    ${statements}\n  } } }`);
    assert.ok(broken.errors.length > 0, 'the second document takes the error path');
    const body = (r: ReturnType<typeof parse>) => {
      const area = r.document.blocks[0]!.body!.statements[0]!;
      assert.equal(area.kind, 'area');
      return area.kind === 'area' ? area.body!.statements : [];
    };
    const fast = body(valid);
    const slow = body(broken);
    assert.equal(slow.length, 5);
    for (const s of slow) assert.equal(Object.getPrototypeOf(s), Object.prototype, s.kind);
    assert.deepStrictEqual(slow, fast);
    assert.deepEqual(
      slow.map((s) => Object.keys(s)),
      fast.map((s) => Object.keys(s)),
    );
  });

  it('knows every field a statement of each kind may get', () => {
    const seen = new Map<string, Set<string>>();
    const visit = (statements: readonly Statement[]) => {
      for (const st of statements) {
        const keys = seen.get(st.kind) ?? new Set<string>();
        for (const k of Object.keys(st)) keys.add(k);
        seen.set(st.kind, keys);
        if (st.kind === 'area') visit([...st.header, ...(st.body?.statements ?? [])]);
      }
    };
    const texts = documentFiles().map((f) => readFileSync(f, 'utf8'));
    for (const text of texts) {
      for (const b of parse(text).document.blocks) visit(b.body?.statements ?? []);
    }
    assert.ok(seen.size >= 15, `statement kinds seen: ${[...seen.keys()].join(', ')}`);
    for (const [kind, keys] of seen) {
      const known = new Set([
        'kind',
        'keyword',
        'start',
        'end',
        ...statementFields[kind as Statement['kind']],
      ]);
      for (const k of keys) assert.ok(known.has(k), `${kind}.${k} is not in statementFields`);
    }
  });
});
