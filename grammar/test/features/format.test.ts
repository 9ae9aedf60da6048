import assert from 'node:assert/strict';
import { format, formatText } from '../../src/features/index';
import { analyze, apply, sample } from './helpers';

const fmt = (text: string, options = {}) => formatText(analyze(text), text, options);

const samples = [
  'vasteras-2012.kompass',
  'exempelby-2010.kompass',
  'egen-ramverk.kompass',
  'egen-utvardering.kompass',
  'exempelby-2014.kompass',
];

describe('features: formatting', () => {
  it('indents blocks by two spaces and puts one statement on each line', () => {
    assert.equal(
      fmt('evaluation "E" { framework "kommunkompassen-2.0" area 1 score 5 }'),
      'evaluation "E" {\n  framework "kommunkompassen-2.0"\n  area 1 score 5\n}\n',
    );
  });
  it('aligns the scores of adjacent questions', () => {
    const out = fmt(
      'evaluation "E" {\n area 1 {\n question 1.1 "a" 1\n question 1.2 "bbbb" 2/20\n question 1.3 3\n }\n}\n',
    )!;
    const lines = out.split('\n').filter((l) => l.includes('question'));
    const columns = lines.map((l) => l.search(/\d+(\/\d+)?$/));
    assert.equal(new Set(columns).size, 1, out);
  });
  it('aligns framework maxes', () => {
    const out = fmt(
      'framework "f" {\n area 1 {\n question 1.1 "a" max 1\n question 1.2 "bbbb" max 2\n }\n}\n',
    )!;
    assert.match(out, /question 1\.1 "a" {4}max 1\n/);
  });
  it('does not align past a long title', () => {
    const long = 'x'.repeat(90);
    const out = fmt(
      `evaluation "E" {\n area 1 {\n question 1.1 "${long}" 1\n question 1.2 "b" 2\n }\n}\n`,
    )!;
    assert.match(out, /question 1\.2 "b" 2\n/);
  });
  it('keeps line and block comments, trailing and on their own lines', () => {
    const out = fmt('// top\nevaluation "E" { // trailing\n/* own */\n round 3 /* inline */\n}\n')!;
    assert.equal(
      out,
      '// top\nevaluation "E" { // trailing\n  /* own */\n  round 3 /* inline */\n}\n',
    );
  });
  it('keeps at most one blank line and none after an opening brace', () => {
    const out = fmt('evaluation "E" {\n\n\n  round 3\n\n\n\n  language sv\n\n}\n')!;
    assert.equal(out, 'evaluation "E" {\n  round 3\n\n  language sv\n}\n');
  });
  it('writes scores and comma lists tight', () => {
    const out = fmt(
      'evaluation "E" {\n evaluators "a" , "b"\n area 1 { question 1.1 3 / 15 }\n}\n',
    )!;
    assert.match(out, /evaluators "a", "b"\n/);
    assert.match(out, /question 1\.1 3\/15\n/);
  });
  it('re-indents text blocks without changing their value', () => {
    const text =
      'evaluation "E" {\nsummary """\n      Rad ett\n        indragen\n\n      Rad tre\n      """\n}\n';
    const out = fmt(text)!;
    assert.equal(
      out,
      'evaluation "E" {\n  summary """\n    Rad ett\n      indragen\n\n    Rad tre\n  """\n}\n',
    );
    const value = (t: string) => {
      const s = analyze(t).parse.document.blocks[0]!.body!.statements[0]!;
      return s.kind === 'summary' ? s.value?.value : undefined;
    };
    assert.equal(value(out), value(text));
  });
  it('keeps CRLF line breaks', () => {
    const out = fmt('evaluation "E" {\r\nround 3\r\n}\r\n')!;
    assert.equal(out, 'evaluation "E" {\r\n  round 3\r\n}\r\n');
  });
  it('honours tabs and tab size', () => {
    assert.equal(
      fmt('evaluation "E" {\nround 3\n}\n', { insertSpaces: false }),
      'evaluation "E" {\n\tround 3\n}\n',
    );
    assert.equal(
      fmt('evaluation "E" {\nround 3\n}\n', { tabSize: 4 }),
      'evaluation "E" {\n    round 3\n}\n',
    );
  });
  it('does not format a document with syntax errors', () => {
    const text = 'evaluation "E" {\n  heading utan citattecken\n}\n';
    assert.equal(fmt(text), undefined);
    assert.deepEqual(format(analyze(text), text), []);
  });
  it('returns one minimal edit that produces the formatted text', () => {
    const text = 'evaluation "E" {\n  round 3\n    language sv\n}\n';
    const edits = format(analyze(text), text);
    assert.equal(edits.length, 1);
    assert.equal(apply(text, edits), 'evaluation "E" {\n  round 3\n  language sv\n}\n');
    assert.ok(edits[0]!.end - edits[0]!.start < text.length);
  });
  for (const name of samples) {
    it(`is idempotent and keeps the analysis of ${name}`, () => {
      const text = sample(name);
      const once = fmt(text)!;
      assert.equal(fmt(once), once);
      const before = analyze(text).evaluations.map((e) => [e.name, e.total, e.areas.length]);
      const after = analyze(once).evaluations.map((e) => [e.name, e.total, e.areas.length]);
      assert.deepEqual(after, before);
      assert.equal(
        analyze(once).parse.document.comments.length,
        analyze(text).parse.document.comments.length,
      );
    });
  }
  it('formats a comment and a text block holding 100,000 spaces before more text, without quadratic cost', () => {
    const spaces = ' '.repeat(100_000);
    const out = fmt(
      `evaluation "E" {\n  /*${spaces}x */\n  summary """${spaces}y\n  z\n  """\n}\n`,
    )!;
    assert.ok(out.includes(`/*${spaces}x */`), 'the comment is kept whole');
    assert.ok(out.includes(`"""${spaces}y`), 'the text block is kept whole');
  });
  describe('typographic quotes', () => {
    const typographic = [
      'utvärdering ”Västerås stad” {',
      '  ramverk „kommunkompassen-2.0“',
      '  utvärderare «Anna Berg», “Per Ek”, "Eva ”Evi” Lund"',
      '  område 1 ”Säg "hej" \\\\ till alla” {',
      '    fråga 1.1 14 av 15',
      '  }',
      '  sammanfattning """',
      '    ”Citat” som det står',
      '  """',
      '}',
      '',
    ].join('\n');

    it('keeps them as written unless asked', () => {
      assert.equal(fmt(typographic), typographic);
      assert.equal(fmt(typographic, { straightQuotes: false }), typographic);
    });

    it('rewrites each style to straight quotes when asked, escaping what needs it', () => {
      const out = fmt(typographic, { straightQuotes: true })!;
      assert.equal(
        out,
        [
          'utvärdering "Västerås stad" {',
          '  ramverk "kommunkompassen-2.0"',
          '  utvärderare "Anna Berg", "Per Ek", "Eva ”Evi” Lund"',
          '  område 1 "Säg \\"hej\\" \\\\ till alla" {',
          '    fråga 1.1 14 av 15',
          '  }',
          '  sammanfattning """',
          '    ”Citat” som det står',
          '  """',
          '}',
          '',
        ].join('\n'),
      );
      // The same meaning: names, evaluators and titles decode to the same values.
      const before = analyze(typographic).evaluations[0]!;
      const after = analyze(out).evaluations[0]!;
      assert.equal(after.name, 'Västerås stad');
      assert.deepEqual(after.evaluators, ['Anna Berg', 'Per Ek', 'Eva ”Evi” Lund']);
      assert.deepEqual(after.evaluators, before.evaluators);
      assert.equal(after.areas[0]!.title, 'Säg "hej" \\ till alla');
      assert.equal(after.areas[0]!.title, before.areas[0]!.title);
      assert.equal(fmt(out, { straightQuotes: true }), out, 'idempotent');
    });

    it('gives an edit only for the quotes when the layout is already canonical', () => {
      const text = 'evaluation ”E” {\n  area 1 score 5\n}\n';
      const edits = format(analyze(text), text, { straightQuotes: true });
      assert.equal(apply(text, edits), 'evaluation "E" {\n  area 1 score 5\n}\n');
      assert.deepEqual(format(analyze(text), text), []);
    });
  });
});
