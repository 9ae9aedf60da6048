import assert from 'node:assert/strict';
import { parse } from '../src/index';

function firstStatement(src: string) {
  return parse(`evaluation "x" { ${src} }`).document.blocks[0]?.body?.statements[0];
}

describe('lexer', () => {
  it('reads English and Swedish keywords alike', () => {
    const en = parse('evaluation "A" { area 1 score 5 }');
    const sv = parse('utvärdering "A" { område 1 poäng 5 }');
    assert.equal(en.errors.length, 0);
    assert.equal(sv.errors.length, 0);
    assert.equal(sv.document.blocks[0]!.keyword.swedish, true);
    assert.equal(en.document.blocks[0]!.keyword.swedish, false);
    assert.equal(sv.document.blocks[0]!.body!.statements[0]!.kind, 'area');
  });

  it('does not read a keyword inside a longer word', () => {
    const r = parse('evaluation "A" { language total }');
    assert.equal(r.errors.length, 1, 'total is a keyword, not a language code');
    const s = firstStatement('language totalt2');
    assert.equal(s?.kind, 'language');
    assert.equal(s?.kind === 'language' ? s.code?.text : '', 'totalt2');
  });

  it('keeps dotted question numbers and decimals whole', () => {
    const s = firstStatement('area 1 { question 1.2.3 14.5/20 }');
    assert.equal(s?.kind, 'area');
    const q = s?.kind === 'area' ? s.body?.statements[0] : undefined;
    assert.equal(q?.kind, 'question');
    if (q?.kind !== 'question') return;
    assert.equal(q.number?.text, '1.2.3');
    assert.equal(q.points?.value, 14.5);
    assert.equal(q.max?.value, 20);
  });

  it('reads dates before numbers', () => {
    const s = firstStatement('date 2012-12-12 to 2012-12-14');
    assert.equal(s?.kind, 'date');
    if (s?.kind !== 'date') return;
    assert.equal(s.from?.text, '2012-12-12');
    assert.equal(s.to?.text, '2012-12-14');
  });

  it('decodes escapes and Unicode in strings', () => {
    const s = firstStatement('organisation "Säg \\"hej\\" – Åsa\\t😀\\\\"');
    assert.equal(s?.kind === 'organisation' ? s.value?.value : '', 'Säg "hej" – Åsa\t😀\\');
  });

  it('skips line and block comments but keeps them for formatting', () => {
    const r = parse('// top\nevaluation "A" { /* in\nside */ round 3 // tail\n}');
    assert.equal(r.errors.length, 0);
    assert.deepEqual(
      r.document.comments.map((c) => c.text),
      ['// top', '/* in\nside */', '// tail'],
    );
  });

  it('treats a byte-order mark as whitespace, keeping offsets', () => {
    const text = '\uFEFFevaluation "A" { round 3 }';
    const r = parse(text);
    assert.equal(r.errors.length, 0);
    assert.equal(r.document.blocks[0]!.start, 1);
  });

  it('reads CRLF input like LF input', () => {
    const lf = parse('evaluation "A" {\n  round 3\n  summary """\n    a\n    b\n  """\n}\n');
    const crlf = parse(
      'evaluation "A" {\r\n  round 3\r\n  summary """\r\n    a\r\n    b\r\n  """\r\n}\r\n',
    );
    assert.equal(crlf.errors.length, 0);
    const v = (r: typeof lf) => {
      const s = r.document.blocks[0]!.body!.statements[1];
      return s?.kind === 'summary' ? s.value?.value : undefined;
    };
    assert.equal(v(crlf), 'a\nb');
    assert.equal(v(lf), v(crlf));
  });

  it('reports a character the language does not know', () => {
    const r = parse('evaluation "A" { round 3 § }');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.problem.kind, 'badCharacter');
  });

  it('reports an unterminated string on its own line only', () => {
    const r = parse('evaluation "A" {\n  organisation "SKR\n  round 3\n}');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.problem.kind, 'unterminatedString');
    const round = r.document.blocks[0]!.body!.statements.find((s) => s.kind === 'round');
    assert.ok(round, 'the next line still parses');
  });
});
