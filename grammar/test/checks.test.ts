import assert from 'node:assert/strict';
import { analyze, area1, codes, codesBut16, covered, withCode } from './helpers';

const fw = 'framework "kommunkompassen-2.0"';

describe('checks', () => {
  describe('KK001 syntax error', () => {
    it('fires on a bad line, with a Swedish message by default', () => {
      const text = area1(undefined, '    question 1.6 "x" 3/');
      const d = withCode(text, 'KK001');
      assert.equal(d.length, 1);
      assert.match(d[0]!.message, /^Väntade ett tal men fann/);
    });
    it('speaks English in an English document', () => {
      const d = withCode('evaluation "A" { language en round }', 'KK001');
      assert.match(d[0]!.message, /^Expected a number but found/);
    });
    it('does not fire on valid text', () => assert.deepEqual(withCode(area1(), 'KK001'), []));
    it('fires on a question number where a value belongs', () => {
      for (const text of [
        area1().replace('14/15', '1.2.3/15'),
        `evaluation "A" { ${fw} round 1.2.3 }`,
        `evaluation "A" { ${fw} area 1 score 1.2.3 }`,
      ]) {
        const d = withCode(text, 'KK001');
        assert.equal(d.length, 1, text);
        assert.equal(
          d[0]!.message,
          '”1.2.3” är ett frågenummer, inget tal; skriv t.ex. 14 eller 14.5',
        );
      }
    });
    it('fires on a number too large to hold exactly, and leaves it out of the sums', () => {
      const text = area1().replace('14/15', `${'9'.repeat(40)}/15`);
      const d = withCode(text, 'KK001');
      assert.equal(d[0]!.message, 'Talet är för stort');
      assert.ok(Number.isFinite(analyze(text).evaluations[0]!.total));
    });
  });

  describe('KK002 statement in the wrong place', () => {
    it('fires on a question outside an area', () => {
      const text = `evaluation "A" { ${fw} question 1.1 3/15 }`;
      const d = withCode(text, 'KK002');
      assert.equal(d.length, 1);
      assert.equal(covered(text, d[0]!), 'question');
    });
    it('fires on a framework title inside an evaluation', () => {
      assert.ok(codes(`evaluation "A" { ${fw} title "x" }`).includes('KK002'));
    });
    it('does not fire on statements where they belong', () => {
      assert.deepEqual(
        withCode(area1(undefined, '    strength "s"\n    improvement "i"'), 'KK002'),
        [],
      );
    });
  });

  describe('KK003 a single statement given twice', () => {
    it('fires on the second round', () => {
      assert.ok(codes(`evaluation "A" { ${fw} round 1 round 2 }`).includes('KK003'));
    });
    it('lets several strengths be', () => {
      assert.deepEqual(
        withCode(area1(undefined, '    strength "a"\n    strength "b"'), 'KK003'),
        [],
      );
    });
  });

  describe('KK010 points above max', () => {
    it('fires with the framework max and covers the points', () => {
      const text = area1([16, 14, 9, 17, 4]).replace('16/15', '16');
      const d = withCode(text, 'KK010');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.message, '16 poäng överstiger max 15 för fråga 1.1');
      assert.equal(covered(text, d[0]!), '16');
      assert.deepEqual(d[0]!.fix, {
        kind: 'replace',
        start: d[0]!.start,
        end: d[0]!.end,
        text: '15',
      });
      assert.equal(d[0]!.related?.[0]?.uri, 'kompass-builtin:/kommunkompassen-2.0.kompass');
    });
    it('does not fire at exactly the max', () => {
      assert.deepEqual(withCode(area1([15, 20, 25, 30, 10]), 'KK010'), []);
    });
  });

  describe('KK011 a max that differs from the framework', () => {
    it('fires on the stated max', () => {
      const text = area1().replace('14/20', '14/25');
      const d = withCode(text, 'KK011');
      assert.equal(d.length, 1);
      assert.equal(covered(text, d[0]!), '25');
    });
    it('does not fire when the max agrees', () => assert.deepEqual(withCode(area1(), 'KK011'), []));
  });

  describe('KK012 unknown number', () => {
    it('fires on an unknown question', () => {
      const text = area1(undefined, '    question 1.9 3/10');
      const d = withCode(text, 'KK012');
      assert.equal(covered(text, d[0]!), '1.9');
    });
    it('fires on an unknown area', () => {
      assert.ok(codes(`evaluation "A" { ${fw} area 9 score 3 }`).includes('KK012'));
    });
    it('fires on a malformed question number', () => {
      assert.ok(codes(area1(undefined, '    question 7 3')).includes('KK012'));
    });
    it('does not fire on known numbers', () => assert.deepEqual(withCode(area1(), 'KK012'), []));
  });

  describe('KK013 question under another area', () => {
    it('fires on 2.3 inside area 1', () => {
      const text = area1(undefined, '    question 2.3 3/15');
      const d = withCode(text, 'KK013');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.message, 'Fråga 2.3 hör till område 2, inte område 1');
    });
    it('does not fire on questions of their own area', () =>
      assert.deepEqual(withCode(area1(), 'KK013'), []));
  });

  describe('KK014 the same area or question twice', () => {
    it('fires on a repeated question, pointing at the first', () => {
      const text = area1(undefined, '    question 1.1 3/15');
      const d = withCode(text, 'KK014');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.related?.[0]?.message, 'Första gången här');
    });
    it('fires on a repeated area', () => {
      assert.ok(codes(`evaluation "A" { ${fw} area 2 score 3 area 2 score 4 }`).includes('KK014'));
    });
    it('does not fire on distinct numbers', () => assert.deepEqual(withCode(area1(), 'KK014'), []));
  });

  describe('KK015 framework question missing', () => {
    it('fires once per missing question, naming it and its max', () => {
      const text = area1().replace('    question 1.5 4/10\n', '');
      const d = withCode(text, 'KK015');
      assert.equal(d.length, 1);
      assert.match(d[0]!.message, /Fråga 1\.5 .*\(max 10\) saknas i område 1/);
    });
    it('does not fire for a summary-only area', () => {
      assert.deepEqual(withCode(`evaluation "A" { ${fw} area 1 score 50 }`, 'KK015'), []);
    });
  });

  describe('KK016 framework area missing', () => {
    it('fires for each of the seven missing areas', () => {
      assert.equal(withCode(area1(), 'KK016').length, 7);
    });
    it('does not fire when all eight are there', () => {
      const areas = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `area ${n} score 50`).join('\n');
      assert.deepEqual(withCode(`evaluation "A" { ${fw} ${areas} }`, 'KK016'), []);
    });
  });

  describe('KK017 negative numbers', () => {
    it('fires on negative points', () => {
      assert.ok(codesBut16(area1([-1, 14, 9, 17, 4])).includes('KK017'));
    });
    it('does not fire on zero', () =>
      assert.deepEqual(withCode(area1([0, 0, 0, 0, 0]), 'KK017'), []));
  });

  describe('KK018 no score', () => {
    it('fires on a question without points', () => {
      assert.ok(
        codesBut16(
          area1(undefined, '    question 1.5').replace('    question 1.5 4/10\n', ''),
        ).includes('KK018'),
      );
    });
    it('fires on an area with neither score nor questions', () => {
      assert.ok(codes(`evaluation "A" { ${fw} area 1 { heading "h" } }`).includes('KK018'));
    });
    it('does not fire on scored questions', () => assert.deepEqual(withCode(area1(), 'KK018'), []));
  });

  describe('KK020 stated area score differs from the sum', () => {
    it('fires with the sum as the fix', () => {
      const text = area1(undefined, '    score 60');
      const d = withCode(text, 'KK020');
      assert.equal(d.length, 1);
      assert.equal(covered(text, d[0]!), '60');
      assert.equal(d[0]!.fix?.kind === 'replace' ? d[0]!.fix.text : '', '58');
    });
    it('does not fire when the score is the sum', () => {
      assert.deepEqual(withCode(area1(undefined, '    score 58'), 'KK020'), []);
    });
  });

  describe('KK021 stated total differs from the sum', () => {
    it('fires on a total that does not add up', () => {
      const text = `evaluation "A" { ${fw} area 1 score 50 area 2 score 40 total 99 }`;
      const d = withCode(text, 'KK021');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.message, 'Angiven totalpoäng 99 skiljer sig från summan av områdena, 90');
    });
    it('does not fire when the total adds up', () => {
      assert.deepEqual(
        withCode(`evaluation "A" { ${fw} area 1 score 50 area 2 score 40 total 90 }`, 'KK021'),
        [],
      );
    });
  });

  describe('KK022 area score above its max', () => {
    it('fires on a stated summary score above 100', () => {
      const text = `evaluation "A" { ${fw} area 1 score 120 }`;
      const d = withCode(text, 'KK022');
      assert.equal(covered(text, d[0]!), '120');
    });
    it('does not fire at 100', () =>
      assert.deepEqual(withCode(`evaluation "A" { ${fw} area 1 score 100 }`, 'KK022'), []));
  });

  describe('KK023 framework area max against its questions', () => {
    it('fires when the area max is not the sum of its questions', () => {
      assert.ok(
        codes('framework "f" { area 1 "A" max 100 { question 1.1 "q" max 15 } }').includes('KK023'),
      );
    });
    it('does not fire when they agree', () => {
      assert.deepEqual(
        codes('framework "f" { area 1 "A" max 15 { question 1.1 "q" max 15 } }'),
        [],
      );
    });
  });

  describe('KK030 framework missing or unknown', () => {
    it('fires without a framework', () => {
      const text = 'evaluation "A" { area 1 score 3 }';
      const d = withCode(text, 'KK030');
      assert.equal(covered(text, d[0]!), '"A"');
    });
    it('fires on an unknown framework, listing the known ones', () => {
      const d = withCode('evaluation "A" { framework "kk-1999" }', 'KK030');
      assert.match(d[0]!.message, /kommunkompassen-2\.0/);
    });
    it('does not fire on a built-in framework', () =>
      assert.deepEqual(withCode(area1(), 'KK030'), []));
    it('knows a framework defined in the same document', () => {
      const text =
        'framework "mini" { area 1 "A" { question 1.1 "q" max 5 } }\nevaluation "B" { framework "mini" area 1 { question 1.1 5 } }';
      assert.deepEqual(codes(text), []);
    });
  });

  describe('KK031 compare target', () => {
    const ev = (cmp: string) => `evaluation "A" { ${fw} compare "${cmp}" area 1 score 5 }`;
    it('fires when the target is missing', () => {
      assert.ok(codesBut16(ev('nope.kompass')).includes('KK031'));
    });
    it('fires when the target holds no evaluation', () => {
      const r = analyze(ev('f.kompass'), { 'f.kompass': 'framework "x" { }' });
      assert.ok(
        r.diagnostics.some((d) => d.code === 'KK031' && /ingen utvärdering/.test(d.message)),
      );
    });
    it('fires when the target uses another framework', () => {
      const r = analyze(ev('o.kompass'), {
        'o.kompass': 'evaluation "O" { framework "kommunkompassen-2020" }',
      });
      assert.ok(r.diagnostics.some((d) => d.code === 'KK031' && /annat ramverk/.test(d.message)));
    });
    it('fires on a cycle instead of looping', () => {
      const r = analyze(ev('b.kompass'), {
        'b.kompass': `evaluation "B" { ${fw} compare "main.kompass" }`,
      });
      assert.ok(r.diagnostics.some((d) => d.code === 'KK031' && /slinga/.test(d.message)));
    });
    it('does not fire on a fitting target, and resolves it', () => {
      const r = analyze(ev('b.kompass'), {
        'b.kompass': `evaluation "B" { ${fw} area 1 score 3 }`,
      });
      assert.deepEqual(
        r.diagnostics.filter((d) => d.code === 'KK031'),
        [],
      );
      assert.equal(r.evaluations[0]!.comparisons[0]!.target?.total, 3);
    });
  });

  describe('KK032 framework defined twice', () => {
    it('fires on the second definition in a document', () => {
      assert.ok(
        codes('framework "f" { area 1 max 5 }\nframework "f" { area 1 max 6 }').includes('KK032'),
      );
    });
    it('does not fire on distinct frameworks', () => {
      assert.deepEqual(codes('framework "f" { area 1 max 5 }\nframework "g" { area 1 max 6 }'), []);
    });
  });

  describe('KK040 date range', () => {
    it('fires when the range ends before it starts', () => {
      const text = `evaluation "A" { ${fw} date 2012-12-14 to 2012-12-12 }`;
      const d = withCode(text, 'KK040');
      assert.equal(covered(text, d[0]!), '2012-12-12');
    });
    it('does not fire on a one-day range', () => {
      assert.deepEqual(
        withCode(`evaluation "A" { ${fw} date 2012-12-12 to 2012-12-12 }`, 'KK040'),
        [],
      );
    });
  });

  describe('KK041 language code', () => {
    it('fires on an unknown code', () => {
      const text = `evaluation "A" { ${fw} language de }`;
      assert.equal(covered(text, withCode(text, 'KK041')[0]!), 'de');
    });
    it('accepts the five known codes', () => {
      for (const c of ['sv', 'en', 'nb', 'da', 'fi']) {
        assert.deepEqual(withCode(`evaluation "A" { ${fw} language ${c} }`, 'KK041'), [], c);
      }
    });
  });

  describe('KK042 impossible dates', () => {
    it('fires on the 30th of February', () => {
      assert.ok(codes(`evaluation "A" { ${fw} date 2013-02-30 }`).includes('KK042'));
    });
    it('accepts a leap day', () => {
      assert.deepEqual(withCode(`evaluation "A" { ${fw} date 2012-02-29 }`, 'KK042'), []);
    });
  });

  describe('KK050 too large', () => {
    it('says so instead of checking', async () => {
      const { analyzeText } = await import('../src/index');
      const a = analyzeText(area1(), { maxDocumentSize: 10 });
      assert.deepEqual(
        a.diagnostics.map((d) => d.code),
        ['KK050'],
      );
    });
  });
});
